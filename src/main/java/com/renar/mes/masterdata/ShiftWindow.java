package com.renar.mes.masterdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The wall-clock span of a shift. An end at or before the start means the shift ends on the next day (an end
 * equal to the start is a 24-hour shift). Times inside the shift are placed by their distance from its start, so
 * a break at 02:00 belongs to the night shift that started at 22:00 the day before.
 */
record ShiftWindow(LocalTime start, LocalTime end) {

    private static final Duration DAY = Duration.ofDays(1);

    boolean endsNextDay() {
        return !end.isAfter(start);
    }

    Duration length() {
        return until(end, true);
    }

    /**
     * What is wrong with these breaks: each must lie inside the shift, last longer than nothing, and not overlap
     * another. Empty when they are fine.
     */
    List<String> problemsWith(List<Span> breaks) {
        List<String> problems = new ArrayList<>();
        List<Span> inside = new ArrayList<>();
        for (Span b : breaks) {
            Duration from = until(b.start(), false);
            Duration to = until(b.end(), true);
            if (!from.minus(to).isNegative() || to.compareTo(length()) > 0) {
                problems.add(
                        "the break " + b.start() + "-" + b.end() + " is not inside the shift " + start + "-" + end);
            } else {
                inside.add(b);
            }
        }
        inside.sort(Comparator.comparing(b -> sinceStart(b.start())));
        for (int i = 1; i < inside.size(); i++) {
            Span previous = inside.get(i - 1);
            Span current = inside.get(i);
            if (until(current.start(), false).compareTo(until(previous.end(), true)) < 0) {
                problems.add("the breaks " + previous.start() + "-" + previous.end() + " and " + current.start() + "-"
                        + current.end() + " overlap");
            }
        }
        return problems;
    }

    /** The moment a time of this shift falls on, for the shift that starts on {@code day}. */
    Instant startingAt(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(time.isBefore(start) ? day.plusDays(1) : day, time, zone)
                .toInstant();
    }

    /** Like {@link #startingAt} for the end of something: an end at the shift's start time is the next day. */
    Instant endingAt(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(time.isAfter(start) ? day : day.plusDays(1), time, zone)
                .toInstant();
    }

    /** How long after the shift's start a time of the shift comes. */
    Duration sinceStart(LocalTime time) {
        return until(time, false);
    }

    /** How long after the shift's start {@code time} comes; an end equal to the start counts as a full day. */
    private Duration until(LocalTime time, boolean isEnd) {
        Duration d = Duration.between(start, time);
        if (d.isNegative() || (isEnd && d.isZero())) {
            d = d.plus(DAY);
        }
        return d;
    }

    /** A stretch of wall-clock time, e.g. a break. */
    record Span(LocalTime start, LocalTime end) {}
}
