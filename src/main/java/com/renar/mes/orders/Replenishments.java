package com.renar.mes.orders;

import java.math.BigDecimal;

/**
 * Makes replenishment orders: one per loss, whatever the retries or concurrency. The caller names the loss with a
 * key that is stable across retries (e.g. the id of the quality record that scrapped the pieces); a second
 * request with the same key returns the order made the first time.
 */
public interface Replenishments {

    Replenishment replenish(ReplenishmentRequest request);

    /**
     * @param originalOrderId the order that lost the pieces
     * @param trigger why
     * @param quantity the shortfall to make again (exact, > 0)
     * @param stepSequence the routing step where the loss happened, if known
     * @param lossKey identifies the loss; unique per original order
     */
    record ReplenishmentRequest(
            long originalOrderId,
            ReplenishmentTrigger trigger,
            BigDecimal quantity,
            Integer stepSequence,
            String lossKey) {}

    /** The replenishment order for the loss, and whether this call made it. */
    record Replenishment(long orderId, String orderCode, boolean created) {}
}
