package com.renar.mes.execution;

import com.renar.mes.orders.OrderStatus;
import com.renar.mes.orders.ProductionOrders.OrderInfo;
import com.renar.mes.orders.ProductionOrders.Step;
import com.renar.mes.orders.Replenishments.Replenishment;
import com.renar.mes.shared.Quantities;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A step as the terminal shows it after a command: state, exact totals and what it may still take in.
 *
 * @param available pieces released by the previous step and not processed here yet (null on the first step,
 *     which takes raw material)
 * @param replenishments replenishment orders this command raised or grew
 */
record StepView(
        long orderId,
        String orderCode,
        OrderStatus orderStatus,
        int sequence,
        String processStep,
        StepState state,
        String workcenter,
        BigDecimal planned,
        Long available,
        long produced,
        long good,
        long scrap,
        long rework,
        long reworkPending,
        long released,
        Instant startedAt,
        Instant completedAt,
        long runSeconds,
        List<Replenishment> replenishments) {

    static StepView of(
            OrderInfo order,
            OrderStatus status,
            Step step,
            StepRecord r,
            Long available,
            Instant now,
            List<Replenishment> replenishments) {
        return new StepView(
                order.id(),
                order.orderCode(),
                status,
                step.sequence(),
                step.processStepCode(),
                r.state(),
                r.workcenter(),
                Quantities.plain(step.plannedQuantity()),
                available,
                r.produced(),
                r.good(),
                r.scrap(),
                r.rework(),
                r.reworkPending(),
                r.released(),
                r.startedAt(),
                r.completedAt(),
                r.runSecondsAt(now),
                List.copyOf(replenishments));
    }
}
