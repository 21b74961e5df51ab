package com.renar.mes.orders;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What has happened on one routing step of an order, as the execution module records it.
 *
 * @param sequence the step (its sequence in the routing snapshot)
 * @param state NOT_STARTED, IN_PROGRESS, PAUSED or COMPLETED
 * @param produced pieces made
 * @param good pieces made and still good (produced − scrap − rework pending)
 * @param scrap pieces lost
 * @param rework pieces set aside to be reworked
 * @param released good pieces handed to the next step
 * @param startedAt when the step first started, if it did
 * @param completedAt when it completed, if it did
 * @param runSeconds time actually spent running (pauses excluded)
 */
public record StepProgress(
        int sequence,
        String state,
        BigDecimal produced,
        BigDecimal good,
        BigDecimal scrap,
        BigDecimal rework,
        BigDecimal released,
        Instant startedAt,
        Instant completedAt,
        long runSeconds) {

    public static StepProgress notStarted(int sequence) {
        return new StepProgress(
                sequence,
                "NOT_STARTED",
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                null,
                0);
    }

    public boolean started() {
        return startedAt != null;
    }
}
