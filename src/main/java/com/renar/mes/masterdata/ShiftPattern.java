package com.renar.mes.masterdata;

import java.time.LocalTime;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Working hours (aggregate root): shift {@code shiftNumber} on ISO weekday {@code weekday} (1 = Monday), for
 * one workcenter or for a whole department, with its planned breaks.
 */
@Table("shift_pattern")
record ShiftPattern(
        @Id Long id,
        Long workcenterId,
        String department,
        int weekday,
        int shiftNumber,
        LocalTime startTime,
        LocalTime endTime,
        @Version int version,

        @MappedCollection(idColumn = "shift_pattern_id", keyColumn = "shift_key")
        List<Break> breaks) {

    ShiftPattern {
        breaks = List.copyOf(breaks);
    }

    static ShiftPattern create(
            Long workcenterId,
            String department,
            int weekday,
            int shiftNumber,
            LocalTime start,
            LocalTime end,
            List<Break> breaks) {
        return new ShiftPattern(null, workcenterId, department, weekday, shiftNumber, start, end, 0, breaks);
    }

    ShiftPattern retime(LocalTime start, LocalTime end, List<Break> newBreaks) {
        return new ShiftPattern(id, workcenterId, department, weekday, shiftNumber, start, end, version, newBreaks);
    }

    /** A planned break (lunch, coffee). */
    @Table("shift_break")
    record Break(LocalTime startTime, LocalTime endTime, String description) {}
}
