package com.renar.mes.orders.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A production order as the ERP released it, after {@link ErpOrderParser} checked its shape. Master-data checks
 * (does the item exist, has it an active routing) are the import's job, not this record's.
 *
 * @param orderCode the ERP's order code, unique in the ERP; the idempotency key of the import
 * @param type {@code PRODUCTION} unless the ERP says otherwise
 * @param itemCode the item to make
 * @param quantity planned quantity, exact, positive, at most 4 decimals, trailing zeros stripped (so {@code
 *     12.5000} and {@code 12.5} are the same value and {@link BigDecimal#equals} works)
 * @param dueDate a day or an instant
 * @param priority as the ERP sent it; 0 when absent
 * @param lots lot codes (the barcodes that will be scanned), in ERP order, no duplicates; may be empty
 * @param routing a routing override sorted by sequence; empty means "use the item's active routing"
 * @param status {@code RELEASED} unless the ERP sent {@code CANCELLED}
 * @param erpUpdatedAt when the ERP last changed the order, if it says; {@code null} otherwise
 */
public record ErpOrder(
        String orderCode,
        Type type,
        String itemCode,
        BigDecimal quantity,
        DueDate dueDate,
        int priority,
        List<String> lots,
        List<RoutingStep> routing,
        Status status,
        Instant erpUpdatedAt) {

    public ErpOrder {
        Objects.requireNonNull(orderCode, "orderCode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(status, "status");
        lots = List.copyOf(lots);
        routing = List.copyOf(routing);
    }

    /** Whether the ERP sent its own routing for this order instead of the item's active routing. */
    public boolean hasRoutingOverride() {
        return !routing.isEmpty();
    }

    /** Where the order comes from. The ERP normally sends {@code PRODUCTION}. */
    public enum Type {
        PRODUCTION,
        REPLENISHMENT
    }

    /** What the ERP says about the order. Anything else is rejected. */
    public enum Status {
        RELEASED,
        CANCELLED
    }

    /**
     * One step of a routing override. Exactly one of {@code workcenterCode} and {@code workcenterType} is set.
     *
     * @param sequence position in the routing, positive and unique within the order
     * @param processStepCode the process step (cutting, CNC, …)
     * @param workcenterCode a specific workcenter, or {@code null}
     * @param workcenterType any workcenter of this type, or {@code null}
     * @param setupMinutes setup time, exact, not negative
     * @param standardSecondsPerPiece standard time per piece, exact, positive
     */
    public record RoutingStep(
            int sequence,
            String processStepCode,
            String workcenterCode,
            String workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSecondsPerPiece) {}
}
