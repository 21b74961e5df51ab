package com.renar.mes.orders;

import com.renar.mes.shared.PlantEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** REPLENISHMENT_OP_CREATED: the MES made an order to cover a loss on another. Published once per loss. */
public record ReplenishmentOrderCreated(
        UUID eventId,
        long replenishmentOrderId,
        String replenishmentOrderCode,
        long originalOrderId,
        String originalOrderCode,
        ReplenishmentTrigger trigger,
        BigDecimal quantity,
        Integer stepSequence,
        Instant occurredAt)
        implements PlantEvent {

    public static final String TYPE = "REPLENISHMENT_OP_CREATED";

    @Override
    public String eventType() {
        return TYPE;
    }

    /** The per-order topic is the original order's: that is where the loss happened. */
    @Override
    public Long topicOrderId() {
        return originalOrderId;
    }
}
