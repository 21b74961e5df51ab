package com.renar.mes.execution;

import com.renar.mes.shared.PlantEvent;
import java.time.Instant;
import java.util.UUID;

/** QUALITY_RECORDED: pieces of a step scrapped (lost) or set aside for rework, with the reason. */
public record QualityRecorded(
        UUID eventId,
        long orderId,
        String orderCode,
        int stepSequence,
        String processStep,
        String workcenter,
        long qualityRecordId,
        String disposition,
        String reasonCode,
        long quantity,
        String lot,
        String operator,
        Instant occurredAt)
        implements PlantEvent {

    public static final String TYPE = "QUALITY_RECORDED";

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
