package com.renar.mes.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deadline and volume compliance of a production order, as the search screen shows them. Pure: everything it
 * needs is passed in, "now" included.
 *
 * <ul>
 *   <li><b>Deadline</b>: a closed order is ON_TIME when it closed by its due time, LATE otherwise. An open order
 *       is LATE once its due time has passed, AT_RISK when now + the standard time still needed passes the due
 *       time, ON_TIME otherwise. A cancelled order is ON_TIME (nothing is owed).
 *   <li><b>Standard time still needed</b>: for every step, the pieces it still has to make good times its
 *       standard seconds per piece, plus its setup when the step has not started.
 *   <li><b>Volume</b>: good quantity of the last step / planned quantity, in percent with one decimal, truncated
 *       (not rounded) so 99.96% never shows as 100% before the order is really done.
 * </ul>
 */
final class CompliancePolicy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CompliancePolicy() {}

    /** What the policy needs to know of one routing step. */
    record StepLoad(
            BigDecimal plannedQuantity,
            BigDecimal goodQuantity,
            BigDecimal standardSecondsPerPiece,
            BigDecimal setupMinutes,
            boolean started) {}

    static DeadlineCompliance deadline(
            OrderStatus status, Instant dueAt, Instant closedAt, Duration remainingStandardTime, Instant now) {
        if (status == OrderStatus.CANCELLED) {
            return DeadlineCompliance.ON_TIME;
        }
        if (status == OrderStatus.CLOSED) {
            return closedAt != null && closedAt.isAfter(dueAt) ? DeadlineCompliance.LATE : DeadlineCompliance.ON_TIME;
        }
        if (now.isAfter(dueAt)) {
            return DeadlineCompliance.LATE;
        }
        return now.plus(remainingStandardTime).isAfter(dueAt) ? DeadlineCompliance.AT_RISK : DeadlineCompliance.ON_TIME;
    }

    static Duration remainingStandardTime(List<StepLoad> steps) {
        BigDecimal seconds = BigDecimal.ZERO;
        for (StepLoad step : steps) {
            BigDecimal missing = step.plannedQuantity().subtract(step.goodQuantity());
            if (missing.signum() > 0) {
                seconds = seconds.add(missing.multiply(step.standardSecondsPerPiece()));
            }
            if (!step.started()) {
                seconds = seconds.add(step.setupMinutes().multiply(BigDecimal.valueOf(60)));
            }
        }
        return Duration.ofSeconds(seconds.setScale(0, RoundingMode.CEILING).longValueExact());
    }

    /** Percent of the planned quantity made good, 0.0 to any value (over-production shows above 100). */
    static BigDecimal volumePercent(BigDecimal goodQuantity, BigDecimal plannedQuantity) {
        if (plannedQuantity.signum() <= 0) {
            throw new IllegalArgumentException("planned quantity must be positive");
        }
        return goodQuantity.multiply(HUNDRED).divide(plannedQuantity, 1, RoundingMode.DOWN);
    }
}
