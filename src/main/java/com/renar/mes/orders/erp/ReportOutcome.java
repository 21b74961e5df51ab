package com.renar.mes.orders.erp;

/**
 * How the ERP answered a {@link ProductionReport}. Transient failures (ERP down, timeouts, open circuit) are not
 * outcomes: they are thrown as {@link ErpUnavailableException} so the caller keeps the report and retries later.
 */
public sealed interface ReportOutcome {

    String reportId();

    /** The ERP booked the report now. */
    record Delivered(String reportId) implements ReportOutcome {}

    /** The ERP already had a report with this id (a retry after a lost answer): nothing more to do. */
    record AlreadyDelivered(String reportId) implements ReportOutcome {}

    /**
     * The ERP refused this report for good (validation, unknown order…); sending it again unchanged will not help,
     * so a person must look at it.
     */
    record Refused(String reportId, String reason) implements ReportOutcome {}
}
