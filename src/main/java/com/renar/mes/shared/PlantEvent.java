package com.renar.mes.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that dashboards and integrations hear about (OP_IMPORTED_FROM_ERP, BARCODE_SCANNED, STEP_STARTED, …).
 * Publishing one (Spring's {@code ApplicationEventPublisher}) inside a transaction writes it to the event log in
 * that same transaction; it is then delivered at least once. Consumers drop redeliveries by {@link #eventId()}.
 */
public interface PlantEvent {

    /** Unique per event, stable across redeliveries. */
    UUID eventId();

    /** The event type of the original design, e.g. {@code STEP_COMPLETED}. */
    String eventType();

    Instant occurredAt();

    /** The order it concerns, if any (for the per-order topic). */
    default Long topicOrderId() {
        return null;
    }

    /** The workcenter where it happened, if any (for the per-workcenter topic). */
    default String topicWorkcenter() {
        return null;
    }
}
