package com.renar.mes.masterdata;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A shift as it falls on a calendar day, with its planned breaks. A shift that ends after midnight belongs to the
 * day it starts on.
 */
public record PlannedShift(
        String workcenterCode, LocalDate day, int shiftNumber, Instant start, Instant end, List<Break> breaks) {

    public PlannedShift {
        breaks = List.copyOf(breaks);
    }

    /** The shift's length minus its planned breaks: the planned production time of OEE. */
    public Duration plannedProductionTime() {
        Duration time = Duration.between(start, end);
        for (Break b : breaks) {
            time = time.minus(Duration.between(b.start(), b.end()));
        }
        return time;
    }

    /** A planned break (lunch, coffee) inside the shift. */
    public record Break(Instant start, Instant end, String description) {}
}
