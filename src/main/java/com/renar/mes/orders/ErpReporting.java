package com.renar.mes.orders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Tells the ERP what really happened. Call it inside the transaction that records the completion: the report is
 * written to an outbox in that same transaction and delivered afterwards, with retries, so an ERP outage loses
 * nothing. Reporting the same completion twice queues one report.
 */
public interface ErpReporting {

    /** A routing step of an order completed. */
    void stepCompleted(StepCompletion completion);

    /** The whole order completed (its last step). */
    void orderCompleted(OrderCompletion completion);

    record StepCompletion(
            long orderId,
            int stepSequence,
            String workcenterCode,
            BigDecimal good,
            BigDecimal scrap,
            BigDecimal rework,
            Instant startedAt,
            Instant endedAt) {}

    record OrderCompletion(
            long orderId, BigDecimal good, BigDecimal scrap, BigDecimal rework, Instant startedAt, Instant endedAt) {}
}
