package com.renar.mes.execution;

import com.renar.mes.shared.PlantEvent;
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
        implements PlantEvent {

    public static final String TYPE = "STEP_PAUSED";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Long topicOrderId() {
        return orderId;
    }

    @Override
    public String topicWorkcenter() {
        return workcenter;
    }
}
