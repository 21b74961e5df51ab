package com.renar.mes.execution;

import java.time.Instant;
import java.util.UUID;

/** STEP_COMPLETED: a step closed and released its good pieces to the next step (or, on the last step, finished the order). */
public record StepCompleted(
        UUID eventId,
        long orderId,
        String orderCode,
        int stepSequence,
        String processStep,
        String workcenter,
        long produced,
        long good,
        long scrap,
        long rework,
        long released,
        boolean orderClosed,
        String operator,
        Instant occurredAt)
        implements ShopFloorEvent {

    public static final String TYPE = "STEP_COMPLETED";

    @Override
    public String eventType() {
        return TYPE;
    }
}
