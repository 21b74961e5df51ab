package com.renar.mes.execution;

import java.math.BigDecimal;

/**
 * How many pieces a step's losses leave an order short, so that replenishment orders cover exactly that — never
 * a piece twice. All figures are totals (absolute), not deltas, so evaluating them again after a retry asks for
 * nothing new.
 *
 * <ul>
 *   <li>A step must deliver its planned quantity less what replenishment orders already cover for losses at
 *       earlier steps ({@link #need}).
 *   <li>Scrap leaves the order short only beyond the spare pieces the step received ({@link #scrapShortfall}):
 *       if cutting made 105 for 100 planned, the first 5 scrapped at the next step cost nothing.
 *   <li>When the step completes, whatever is still missing from what it releases is a shortage of components
 *       (kitting released fewer sets than good pieces) or a divergence (pieces never counted)
 *       ({@link #atCompletion}). Rework is not a loss: rework that comes back good never raises anything.
 * </ul>
 */
final class ReplenishmentPolicy {

    private ReplenishmentPolicy() {}

    /** What the step must deliver: its planned quantity less losses upstream that replenishment orders cover. */
    static BigDecimal need(BigDecimal plannedAtStep, BigDecimal coveredUpstream) {
        return plannedAtStep.subtract(coveredUpstream).max(BigDecimal.ZERO);
    }

    /**
     * The shortfall the step's scrap causes.
     *
     * @param need what the step must deliver
     * @param input what it received (null while unknown: the first step, or work upstream still running; then
     *     it is taken to be exactly the need)
     * @param scrap pieces scrapped at this step so far
     */
    static BigDecimal scrapShortfall(BigDecimal need, BigDecimal input, long scrap) {
        BigDecimal received = input == null ? need : input;
        BigDecimal lost = BigDecimal.valueOf(scrap);
        BigDecimal shortfall = need.subtract(received.subtract(lost));
        return shortfall.max(BigDecimal.ZERO).min(lost);
    }

    /**
     * What is still missing when the step completes, beyond what replenishment orders already cover for this step.
     *
     * @param need what the step must deliver
     * @param good good pieces at completion
     * @param released what it releases (fewer than {@code good} when kitting found components missing)
     * @param coveredAtStep replenishment already raised for losses at this step (its scrap)
     */
    static Shortfall atCompletion(BigDecimal need, long good, long released, BigDecimal coveredAtStep) {
        BigDecimal missing = need.subtract(BigDecimal.valueOf(released))
                .max(BigDecimal.ZERO)
                .subtract(coveredAtStep)
                .max(BigDecimal.ZERO);
        BigDecimal shortage = missing.min(BigDecimal.valueOf(good - released));
        return new Shortfall(shortage, missing.subtract(shortage));
    }

    /**
     * @param shortage pieces made but not released for want of components
     * @param divergence pieces that should be there and are not (never counted, lost without a record)
     */
    record Shortfall(BigDecimal shortage, BigDecimal divergence) {}
}
