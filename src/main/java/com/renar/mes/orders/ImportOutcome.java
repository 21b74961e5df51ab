package com.renar.mes.orders;

import java.util.List;

/** What importing one ERP order did. */
sealed interface ImportOutcome {

    String orderCode();

    /** A new order was made (and OP_IMPORTED_FROM_ERP published). */
    record Created(String orderCode, long orderId) implements ImportOutcome {}

    /** The order had not started: the ERP's changes were applied. */
    record Updated(String orderCode, long orderId) implements ImportOutcome {}

    /** Same data as last time (or nothing the MES keeps changed). */
    record Unchanged(String orderCode) implements ImportOutcome {}

    /** The order had started: the ERP's changes were recorded for PCP instead of applied. */
    record DiscrepancyRecorded(String orderCode, long orderId, List<String> fields) implements ImportOutcome {}

    /** The record cannot be imported; nothing was changed. */
    record Rejected(String orderCode, String reason) implements ImportOutcome {}
}
