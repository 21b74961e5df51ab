package com.renar.mes.execution;

import java.time.Instant;
import java.util.UUID;

/** STEP_RESUMED: work on a paused step goes on. */
public record StepResumed(
        UUID eventId,
        long orderId,
        String orderCode,
        int stepSequence,
        String processStep,
        String workcenter,
        String reason,
        String operator,
        Instant occurredAt)
        implements ShopFloorEvent {

    public static final String TYPE = "STEP_RESUMED";

    @Override
    public String eventType() {
        return TYPE;
    }
}
