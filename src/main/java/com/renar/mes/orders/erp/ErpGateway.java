package com.renar.mes.orders.erp;

import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The port to the ERP: read the released production orders, send production performance back. One adapter is
 * active at a time ({@code mes.erp.type}: {@code rest} or {@code database}); the bean exists only when {@code
 * mes.erp.enabled=true}.
 */
public interface ErpGateway {

    /**
     * Reads every order the ERP has released (and cancellations it still lists), page by page, lazily: a page is
     * fetched when the stream asks for it, so a large sync never sits in memory at once. Each record is parsed on
     * its own; one {@link ErpOrderParser.Batch} spans the whole fetch, so "duplicate order code" is checked across
     * pages. A bad record becomes a {@link ErpRecordOutcome.Rejected} and never fails the stream.
     *
     * <p>The stream holds resources (a database cursor) and <strong>must be closed</strong>:
     * {@code try (var pages = gateway.fetchOrders(progress)) { … }}. Reading it may throw {@link
     * ErpUnavailableException} (worth retrying later) or {@link ErpProtocolException} (needs a fix) at any page;
     * pages already handed out stay valid, so an idempotent import can keep what it got.
     *
     * @param progress called after every page; adapters also log progress of long fetches themselves
     */
    Stream<ErpOrderPage> fetchOrders(Consumer<FetchProgress> progress);

    /** {@link #fetchOrders(Consumer)} with progress only in the log. */
    default Stream<ErpOrderPage> fetchOrders() {
        return fetchOrders(progress -> {});
    }

    /**
     * Sends one production report. Sending the same report id again is harmless: the ERP books it once and the
     * answer is {@link ReportOutcome.AlreadyDelivered} (or {@link ReportOutcome.Delivered} when the ERP answers a
     * replay like the original).
     *
     * @throws ErpUnavailableException when the ERP cannot be reached now; keep the report and retry later
     * @throws ErpProtocolException when the ERP answers in a way that needs a fix (configuration, missing table)
     */
    ReportOutcome report(ProductionReport report);

    /** Which adapter and where, for logs and sync summaries (never credentials). */
    String describe();
}
