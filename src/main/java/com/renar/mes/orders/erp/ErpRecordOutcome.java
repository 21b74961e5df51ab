package com.renar.mes.orders.erp;

import java.util.Objects;

/** What became of one raw ERP record: a valid order, or a rejection with its reason. */
public sealed interface ErpRecordOutcome {

    /** The record as it arrived. */
    RawErpRecord raw();

    /** The record is a well-formed order. */
    record Accepted(RawErpRecord raw, ErpOrder order) implements ErpRecordOutcome {
        public Accepted {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(order, "order");
        }
    }

    /**
     * The record cannot become an order; the rest of the batch goes on.
     *
     * @param orderCode the record's order code when it had a readable one, otherwise {@code null}
     * @param reason why, for PCP to read: every problem found in the record, separated by "; "
     */
    record Rejected(RawErpRecord raw, String orderCode, String reason) implements ErpRecordOutcome {
        public Rejected {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(reason, "reason");
        }

        /** The order code, or {@code record #N} when the record had none. */
        public String key() {
            return orderCode != null ? orderCode : "record #" + raw.position();
        }
    }
}
