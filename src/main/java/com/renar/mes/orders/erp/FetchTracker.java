package com.renar.mes.orders.erp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a fetch's pages and records, tells the caller after every page and logs progress: the first page, then
 * at most every {@link #LOG_EVERY} (so a sync of thousands of pages logs a line every few seconds, not a line a
 * page), and the end.
 */
final class FetchTracker {

    static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(FetchTracker.class);

    private final String source;
    private final Consumer<FetchProgress> listener;
    private final Clock clock;
    private final Instant started;
    private Instant lastLogged;
    private int pages;
    private long records;
    private long rejected;

    FetchTracker(String source, Consumer<FetchProgress> listener, Clock clock) {
        this.source = source;
        this.listener = listener;
        this.clock = clock;
        this.started = clock.instant();
        this.lastLogged = started;
    }

    /** Counts a page, tells the listener and maybe logs. */
    void pageFetched(ErpOrderPage page) {
        pages++;
        records += page.records().size();
        rejected += page.rejected().size();
        FetchProgress progress = new FetchProgress(pages, page.totalPages(), records, rejected);
        Instant now = clock.instant();
        if (pages == 1 || !now.isBefore(lastLogged.plus(LOG_EVERY))) {
            lastLogged = now;
            log.info(
                    "ERP fetch from {}: page {}{}, {} records so far, {} rejected",
                    source,
                    pages,
                    of(page),
                    records,
                    rejected);
        } else {
            log.debug("ERP fetch from {}: page {}{}, {} records so far", source, pages, of(page), records);
        }
        listener.accept(progress);
    }

    /** Logs the end of the fetch. */
    void finished() {
        log.info(
                "ERP fetch from {} done: {} pages, {} records, {} rejected, in {} s",
                source,
                pages,
                records,
                rejected,
                Duration.between(started, clock.instant()).toSeconds());
    }

    private static String of(ErpOrderPage page) {
        OptionalInt total = page.totalPages();
        return total.isPresent() ? " of " + total.getAsInt() : "";
    }
}
