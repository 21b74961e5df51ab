package com.renar.mes.orders.erp;

import java.util.List;
import java.util.OptionalInt;

/**
 * One page of a fetch: the outcome of every record on it, in the order the ERP sent them.
 *
 * @param number 0-based page number
 * @param totalPages how many pages the ERP announced, when it does (REST); empty for a database cursor
 * @param records one outcome per raw record
 */
public record ErpOrderPage(int number, OptionalInt totalPages, List<ErpRecordOutcome> records) {

    public ErpOrderPage {
        records = List.copyOf(records);
    }

    /** The valid orders of this page. */
    public List<ErpOrder> accepted() {
        return records.stream()
                .filter(ErpRecordOutcome.Accepted.class::isInstance)
                .map(outcome -> ((ErpRecordOutcome.Accepted) outcome).order())
                .toList();
    }

    /** The rejected records of this page, with their reasons. */
    public List<ErpRecordOutcome.Rejected> rejected() {
        return records.stream()
                .filter(ErpRecordOutcome.Rejected.class::isInstance)
                .map(ErpRecordOutcome.Rejected.class::cast)
                .toList();
    }
}
