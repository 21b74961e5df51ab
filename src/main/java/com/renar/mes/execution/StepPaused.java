package com.renar.mes.execution;

import java.time.Instant;
import java.util.UUID;

/** STEP_PAUSED: work on a step stopped for a while (the reason, if one was given). */
public record StepPaused(
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

    public static final String TYPE = "STEP_PAUSED";

    @Override
    public String eventType() {
        return TYPE;
    }
}
