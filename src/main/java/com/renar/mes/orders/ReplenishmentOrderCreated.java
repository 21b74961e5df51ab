package com.renar.mes.orders;

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
        Instant occurredAt) {

    public static final String TYPE = "REPLENISHMENT_OP_CREATED";
}
