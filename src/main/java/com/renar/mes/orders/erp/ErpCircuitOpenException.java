package com.renar.mes.orders.erp;

import java.time.Instant;

/**
 * The ERP failed too often in a row, so calls fail fast without reaching it until {@link #retryAfter()}; then one
 * trial call is let through (half-open) and decides whether the circuit closes again.
 */
public class ErpCircuitOpenException extends ErpUnavailableException {

    private final transient Instant retryAfter;

    public ErpCircuitOpenException(String message, Instant retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    /** When a trial call will be let through. */
    public Instant retryAfter() {
        return retryAfter;
    }
}
