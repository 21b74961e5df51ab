package com.renar.mes.masterdata;

import java.math.BigDecimal;
import java.util.List;

/**
 * The routing an item is made by today: its ordered steps, each on a workcenter with setup and standard time.
 *
 * @param steps ordered by {@code sequence}
 */
public record ActiveRouting(long routingId, long itemId, String itemCode, int routingVersion, List<Step> steps) {

    public ActiveRouting {
        steps = List.copyOf(steps);
    }

    /**
     * One step of the routing.
     *
     * @param setupMinutes planned setup before the first piece
     * @param standardSecondsPerPiece the ideal cycle time of one piece
     */
    public record Step(
            int sequence,
            long processStepId,
            String processStepCode,
            long workcenterId,
            String workcenterCode,
            WorkcenterType workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSecondsPerPiece) {}
}
