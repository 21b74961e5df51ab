package com.renar.mes.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.masterdata.ShiftWindow.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftWindowTests {

    private static final ShiftWindow DAY = new ShiftWindow(LocalTime.of(6, 0), LocalTime.of(14, 0));
    private static final ShiftWindow NIGHT = new ShiftWindow(LocalTime.of(22, 0), LocalTime.of(6, 0));
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private static Span span(String start, String end) {
        return new Span(LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void anEndAtOrBeforeTheStartEndsOnTheNextDay() {
        assertThat(DAY.endsNextDay()).isFalse();
        assertThat(DAY.length()).isEqualTo(Duration.ofHours(8));
        assertThat(NIGHT.endsNextDay()).isTrue();
        assertThat(NIGHT.length()).isEqualTo(Duration.ofHours(8));
        assertThat(new ShiftWindow(LocalTime.of(7, 0), LocalTime.of(7, 0)).length())
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void acceptsBreaksInsideTheShiftIncludingAfterMidnightAndRightUpToItsEnd() {
        assertThat(DAY.problemsWith(List.of(span("09:00", "09:15"), span("13:30", "14:00"))))
                .isEmpty();
        assertThat(NIGHT.problemsWith(List.of(span("23:30", "00:15"), span("02:00", "02:30"))))
                .isEmpty();
    }

    @Test
    void rejectsBreaksOutsideOrAcrossTheShiftBounds() {
        assertThat(DAY.problemsWith(List.of(span("05:00", "05:30")))).hasSize(1);
        assertThat(DAY.problemsWith(List.of(span("13:50", "14:10")))).hasSize(1);
        assertThat(DAY.problemsWith(List.of(span("05:50", "06:10")))).hasSize(1);
        assertThat(NIGHT.problemsWith(List.of(span("07:00", "07:30")))).hasSize(1);
        assertThat(DAY.problemsWith(List.of(span("10:00", "09:00")))).hasSize(1);
    }

    @Test
    void rejectsOverlappingBreaks() {
        assertThat(NIGHT.problemsWith(List.of(span("02:00", "02:30"), span("23:00", "23:15"), span("02:15", "03:00"))))
                .singleElement()
                .asString()
                .contains("overlap");
        assertThat(DAY.problemsWith(List.of(span("09:00", "09:15"), span("09:15", "09:30"))))
                .isEmpty();
    }

    @Test
    void placesTimesAfterMidnightOnTheDayAfterTheShiftStarted() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertThat(NIGHT.startingAt(monday, LocalTime.of(22, 0), SAO_PAULO))
                .isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(NIGHT.startingAt(monday, LocalTime.of(2, 0), SAO_PAULO))
                .isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
        assertThat(NIGHT.endingAt(monday, LocalTime.of(6, 0), SAO_PAULO))
                .isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(DAY.endingAt(monday, LocalTime.of(14, 0), SAO_PAULO))
                .isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
    }
}
