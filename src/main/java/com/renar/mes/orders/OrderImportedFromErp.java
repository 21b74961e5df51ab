package com.renar.mes.orders;

import com.renar.mes.shared.PlantEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** OP_IMPORTED_FROM_ERP: a new production order arrived from the ERP, with its routing. Published once per order. */
public record OrderImportedFromErp(
        UUID eventId,
        long orderId,
        String orderCode,
        String itemCode,
        BigDecimal plannedQuantity,
        Instant dueAt,
        int priority,
        List<String> lots,
        List<Step> routing,
        Instant occurredAt)
        implements PlantEvent {

    public static final String TYPE = "OP_IMPORTED_FROM_ERP";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public Long topicOrderId() {
        return orderId;
    }

    /** A routing step as copied into the order. */
    public record Step(
            int sequence,
            String processStep,
            String workcenterCode,
            String workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSecondsPerPiece) {}
}
