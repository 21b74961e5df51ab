package com.renar.mes.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A production order (aggregate root): what to make, how many, by when, and the routing it follows — copied at
 * import so that later master-data edits never rewrite its history. Quantities are exact decimals.
 */
@Table("production_order")
record ProductionOrder(
        @Id Long id,
        String orderCode,
        OrderType type,
        OrderStatus status,
        Long itemId,
        String itemCode,
        BigDecimal plannedQuantity,
        Instant dueAt,
        int priority,
        String erpFingerprint,
        Instant erpUpdatedAt,
        Instant startedAt,
        Instant closedAt,
        @MappedCollection(idColumn = "production_order") Set<OrderStep> steps,
        @MappedCollection(idColumn = "production_order") Set<OrderLot> lots,
        @Version int version,
        Instant createdAt,
        Instant updatedAt) {

    /** One step of the routing snapshot; {@code sequence} identifies it within the order. */
    @Table("production_order_step")
    record OrderStep(
            int sequence,
            Long processStepId,
            String processStepCode,
            Long workcenterId,
            String workcenterCode,
            String workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSeconds,
            BigDecimal plannedQuantity) {

        OrderStep withPlannedQuantity(BigDecimal quantity) {
            return new OrderStep(
                    sequence,
                    processStepId,
                    processStepCode,
                    workcenterId,
                    workcenterCode,
                    workcenterType,
                    setupMinutes,
                    standardSeconds,
                    quantity);
        }
    }

    /** A lot code (barcode) of the order. */
    @Table("production_order_lot")
    record OrderLot(String lotCode) {}

    List<OrderStep> orderedSteps() {
        return steps.stream()
                .sorted(Comparator.comparingInt(OrderStep::sequence))
                .toList();
    }

    Set<String> lotCodes() {
        return lots.stream().map(OrderLot::lotCode).collect(Collectors.toSet());
    }

    /**
     * The ERP changed quantity, due time, priority or lots of an order that has not started: apply them, scaling
     * every step's planned quantity with the order's.
     */
    ProductionOrder withErpChanges(
            BigDecimal quantity,
            Instant due,
            int newPriority,
            Set<String> newLots,
            String fingerprint,
            Instant erpUpdated,
            Instant now) {
        Set<OrderStep> rescaled =
                steps.stream().map(s -> s.withPlannedQuantity(quantity)).collect(Collectors.toSet());
        Set<OrderLot> lotSet = newLots.stream().map(OrderLot::new).collect(Collectors.toSet());
        return new ProductionOrder(
                id,
                orderCode,
                type,
                status,
                itemId,
                itemCode,
                quantity,
                due,
                newPriority,
                fingerprint,
                erpUpdated,
                startedAt,
                closedAt,
                rescaled,
                lotSet,
                version,
                createdAt,
                now);
    }

    ProductionOrder cancelled(String fingerprint, Instant erpUpdated, Instant now) {
        return new ProductionOrder(
                id,
                orderCode,
                type,
                OrderStatus.CANCELLED,
                itemId,
                itemCode,
                plannedQuantity,
                dueAt,
                priority,
                fingerprint,
                erpUpdated,
                startedAt,
                now,
                steps,
                lots,
                version,
                createdAt,
                now);
    }

    ProductionOrder withFingerprint(String fingerprint, Instant erpUpdated, Instant now) {
        return new ProductionOrder(
                id,
                orderCode,
                type,
                status,
                itemId,
                itemCode,
                plannedQuantity,
                dueAt,
                priority,
                fingerprint,
                erpUpdated,
                startedAt,
                closedAt,
                steps,
                lots,
                version,
                createdAt,
                now);
    }
}
