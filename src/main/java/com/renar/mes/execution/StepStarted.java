package com.renar.mes.execution;

import java.time.Instant;
import java.util.UUID;

/** STEP_STARTED: a routing step of an order started on a workcenter. */
public record StepStarted(
        UUID eventId,
        long orderId,
        String orderCode,
        int stepSequence,
        String processStep,
        String workcenter,
        String lot,
        String operator,
        Instant occurredAt)
        implements ShopFloorEvent {

    public static final String TYPE = "STEP_STARTED";

    @Override
    public String eventType() {
        return TYPE;
    }
}
