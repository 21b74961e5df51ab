package com.renar.mes.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other modules may read of production orders: an order with its routing snapshot and lots. */
public interface ProductionOrders {

    Optional<OrderInfo> byId(long id);

    Optional<OrderInfo> byCode(String orderCode);

    /** The order a lot code belongs to. */
    Optional<OrderInfo> byLot(String lotCode);

    /**
     * A production order as other modules see it.
     *
     * @param steps the routing snapshot, ordered by sequence
     */
    record OrderInfo(
            long id,
            String orderCode,
            OrderType type,
            OrderStatus status,
            long itemId,
            String itemCode,
            BigDecimal plannedQuantity,
            Instant dueAt,
            int priority,
            List<String> lots,
            List<Step> steps) {

        public Optional<Step> step(int sequence) {
            return steps.stream().filter(s -> s.sequence() == sequence).findFirst();
        }

        /** The step before this one in the routing, if any. */
        public Optional<Step> previous(int sequence) {
            Step previous = null;
            for (Step s : steps) {
                if (s.sequence() == sequence) {
                    return Optional.ofNullable(previous);
                }
                previous = s;
            }
            return Optional.empty();
        }

        public boolean isLast(int sequence) {
            return !steps.isEmpty() && steps.get(steps.size() - 1).sequence() == sequence;
        }
    }

    /** One step of the routing snapshot. {@code workcenterCode} is null when any workcenter of the type may run it. */
    record Step(
            int sequence,
            long processStepId,
            String processStepCode,
            String workcenterCode,
            String workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSecondsPerPiece,
            BigDecimal plannedQuantity) {}
}
