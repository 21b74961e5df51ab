package com.renar.mes.orders;

/** Where a production order stands (see docs/domain.md). */
public enum OrderStatus {
    /** Imported, no step started yet; ERP changes still apply. */
    OPEN_NOT_STARTED,
    /** At least one step is running. */
    IN_PROGRESS,
    /** Work stopped with part of the quantity done. */
    OPEN_PARTIAL,
    /** The last step completed its planned quantity. */
    CLOSED,
    /** Cancelled by the ERP before it started. */
    CANCELLED;

    /** Whether the ERP may still change quantity, due date, priority or cancel it. */
    public boolean acceptsErpChanges() {
        return this == OPEN_NOT_STARTED;
    }

    /** Whether work has ended on it, one way or the other. */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }
}
