package com.renar.mes.orders.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Production performance the MES tells the ERP: for a whole order, or for one step of it.
 *
 * @param reportId unique and stable across retries: the ERP deduplicates on it (REST {@code Idempotency-Key},
 *     primary key of the database table), so sending a report twice books it once
 * @param orderCode the ERP order code
 * @param step the step reported, or {@code null} for the whole order
 * @param goodQuantity good pieces, exact, not negative
 * @param scrapQuantity scrapped (lost) pieces, exact, not negative
 * @param reworkQuantity pieces sent to rework (recoverable), exact, not negative
 * @param startedAt when the work started
 * @param endedAt when the work ended, not before {@code startedAt}
 * @param lots the lots involved
 */
public record ProductionReport(
        String reportId,
        String orderCode,
        Step step,
        BigDecimal goodQuantity,
        BigDecimal scrapQuantity,
        BigDecimal reworkQuantity,
        Instant startedAt,
        Instant endedAt,
        List<String> lots) {

    /** Longest report id the ERP side must store. */
    public static final int MAX_REPORT_ID_LENGTH = 100;

    public ProductionReport {
        Objects.requireNonNull(reportId, "reportId");
        if (reportId.isBlank() || reportId.length() > MAX_REPORT_ID_LENGTH) {
            throw new IllegalArgumentException("reportId must have 1 to " + MAX_REPORT_ID_LENGTH + " characters");
        }
        Objects.requireNonNull(orderCode, "orderCode");
        requireQuantity(goodQuantity, "goodQuantity");
        requireQuantity(scrapQuantity, "scrapQuantity");
        requireQuantity(reworkQuantity, "reworkQuantity");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("endedAt " + endedAt + " is before startedAt " + startedAt);
        }
        lots = List.copyOf(lots);
    }

    private static void requireQuantity(BigDecimal quantity, String name) {
        Objects.requireNonNull(quantity, name);
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    /**
     * The step a report is about.
     *
     * @param sequence the step's sequence in the order's routing
     * @param processStepCode the process step
     * @param workcenterCode where it ran, if known
     */
    public record Step(int sequence, String processStepCode, String workcenterCode) {
        public Step {
            Objects.requireNonNull(processStepCode, "processStepCode");
        }
    }
}
