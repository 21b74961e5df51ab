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
     * Makes sure the replenishment orders raised for one loss cover {@code request.quantity()} pieces in all. A loss
     * may grow (more scrap on the same step): the newest order of the loss grows with it while it has not started;
     * once it has, another order is made for the difference. Asking for a total that is already covered changes
     * nothing, so retries and concurrent callers can never raise the same loss twice.
     */
    Coverage cover(ReplenishmentRequest request);

    /** What the replenishment orders raised for losses of an order add up to, by the step the loss happened at. */
    java.util.Map<Integer, BigDecimal> coverageByStep(long originalOrderId);

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

    /**
     * @param covered what the loss's replenishment orders add up to now
     * @param changed the order this call made or grew (empty when the total was already covered)
     */
    record Coverage(BigDecimal covered, java.util.Optional<Replenishment> changed) {}
}
