package com.renar.mes.execution;

import com.renar.mes.orders.ProductionOrders.OrderInfo;
import com.renar.mes.orders.ProductionOrders.Step;
import com.renar.mes.shared.ProblemType;

/** What a scan comes to, before it is stored: accepted for a step, or rejected with a problem for the operator. */
sealed interface ScanOutcome {

    /**
     * @param lot the order's lot the barcode named (lot code, part label), if any
     */
    record Accepted(ScannedCode code, OrderInfo order, Step step, String workcenter, String lot, Actor actor)
            implements ScanOutcome {}

    /**
     * @param order the order, when the barcode got that far
     * @param step the step, when the scan got that far
     */
    record Rejected(ScannedCode code, OrderInfo order, Step step, Actor actor, ProblemType type, String detail)
            implements ScanOutcome {}
}
