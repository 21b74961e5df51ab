package com.renar.mes.masterdata;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The registered working hours: where planned production time comes from. A workcenter works by its own shift
 * patterns when it has any, otherwise by those of its department. Holidays are not modelled yet.
 */
public interface ShiftCalendar {

    /** The plant's time zone ({@code mes.plant.time-zone}); shift times are wall-clock times there. */
    ZoneId plantZone();

    /**
     * The shifts of a workcenter starting on the days {@code from} to {@code to} (both included), in order.
     *
     * @throws com.renar.mes.shared.MesProblemException (not found) when the workcenter does not exist
     */
    List<PlannedShift> plannedShifts(String workcenterCode, LocalDate from, LocalDate to);
}
