package com.renar.mes.orders;

import com.renar.mes.shared.PlantEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * REPLENISHMENT_OP_UPDATED: the loss a replenishment order covers grew before the order started, and the order
 * grew with it (one order per loss, not one per scrap record).
 */
public record ReplenishmentOrderResized(
        UUID eventId,
        long replenishmentOrderId,
        String replenishmentOrderCode,
        BigDecimal plannedQuantity,
        Instant occurredAt)
        implements PlantEvent {

    public static final String TYPE = "REPLENISHMENT_OP_UPDATED";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Long topicOrderId() {
        return replenishmentOrderId;
    }
}
