package com.renar.mes.execution;

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
        implements ShopFloorEvent {

    public static final String TYPE = "QUALITY_RECORDED";

    @Override
    public String eventType() {
        return TYPE;
    }
}
