package com.renar.mes.orders.erp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When the ERP wants an order finished: either a whole day ({@code 2026-12-01}) or an exact instant ({@code
 * 2026-12-01T17:00:00-03:00}). The difference is kept because a day has no time zone of its own: only the
 * plant's zone turns it into a deadline.
 */
public sealed interface DueDate {

    /** The instant by which the order is due, reading a plain day in the given (plant) time zone. */
    Instant deadline(ZoneId plantZone);

    /** Due by the end of the given day, plant time. */
    record OnDay(LocalDate day) implements DueDate {
        public OnDay {
            Objects.requireNonNull(day, "day");
        }

        @Override
        public Instant deadline(ZoneId plantZone) {
            return day.plusDays(1).atStartOfDay(plantZone).toInstant();
        }
    }

    /** Due at an exact instant; the offset the ERP used is kept for display. */
    record At(OffsetDateTime at) implements DueDate {
        public At {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Instant deadline(ZoneId plantZone) {
            return at.toInstant();
        }
    }
}
