package com.renar.mes.orders;

import java.time.Instant;

/**
 * How the execution module moves an order through its statuses. The order follows its steps: {@code IN_PROGRESS}
 * while a step runs, {@code OPEN_PARTIAL} when work stopped with part of it done, {@code CLOSED} when the last
 * step completed. Execution decides which; orders keeps the row. Both calls belong in the caller's transaction.
 */
public interface OrderLifecycle {

    /**
     * Locks the order for the rest of the transaction, so that step transitions of one order happen one at a time,
     * and answers its current status.
     *
     * @throws com.renar.mes.shared.MesProblemException (not found) when there is no such order
     */
    OrderStatus lockForExecution(long orderId);

    /**
     * Records a new status. {@code IN_PROGRESS} sets the start time the first time; {@code CLOSED} sets the close
     * time. Moving a closed or cancelled order is refused (409).
     */
    void moveTo(long orderId, OrderStatus status, Instant at);
}
