package com.renar.mes.orders;

import java.time.Instant;
import java.util.List;

/**
 * What one import did (a pull from the ERP, or a batch the ERP pushed).
 *
 * @param source where the orders came from (the adapter's description, or "push")
 * @param created new orders
 * @param updated orders that had not started and took the ERP's changes
 * @param unchanged orders whose data was the same as last time
 * @param discrepancies started orders whose ERP changes were recorded for PCP
 * @param rejected records that were not imported, each with its reason
 */
public record SyncSummary(
        String source,
        Instant startedAt,
        Instant finishedAt,
        int created,
        int updated,
        int unchanged,
        int discrepancies,
        List<RejectedRecord> rejected) {

    /** A record that was not imported; {@code orderCode} is null when the record had none. */
    public record RejectedRecord(String orderCode, Integer position, String reason) {}
}
