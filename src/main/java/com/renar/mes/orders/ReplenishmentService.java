package com.renar.mes.orders;

import com.renar.mes.orders.ProductionOrder.OrderLot;
import com.renar.mes.shared.MesProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One replenishment order per loss. Concurrent requests for the same loss serialize on a transaction-scoped
 * advisory lock keyed by (original order, loss key); the unique key on {@code replenishment_link} backs it up.
 * The new order copies the original's routing with the shortfall as planned quantity, its due time and
 * priority, and gets the lot {@code <code>}.
 */
@Service
class ReplenishmentService implements Replenishments {

    private final ProductionOrderRepository orders;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReplenishmentService(
            ProductionOrderRepository orders, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Replenishment replenish(ReplenishmentRequest request) {
        if (request.quantity() == null || request.quantity().signum() <= 0) {
            throw MesProblemException.unprocessable("A replenishment needs a positive quantity");
        }
        if (request.lossKey() == null
                || request.lossKey().isBlank()
                || request.lossKey().length() > 100) {
            throw MesProblemException.unprocessable("A replenishment needs a loss key of 1 to 100 characters");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "replenishment:" + request.originalOrderId() + ":" + request.lossKey())
                .query()
                .singleRow();
        var existing = jdbc.sql("""
                        select o.id, o.order_code from replenishment_link l
                          join production_order o on o.id = l.replenishment_order_id
                         where l.original_order_id = :original and l.loss_key = :key
                        """)
                .param("original", request.originalOrderId())
                .param("key", request.lossKey())
                .query((rs, n) -> new Replenishment(rs.getLong("id"), rs.getString("order_code"), false))
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        ProductionOrder original = orders.findById(request.originalOrderId())
                .orElseThrow(() -> MesProblemException.notFound("Production order", request.originalOrderId()));
        if (request.stepSequence() != null
                && original.steps().stream().noneMatch(s -> s.sequence() == request.stepSequence())) {
            throw MesProblemException.unprocessable(
                    "Order " + original.orderCode() + " has no step " + request.stepSequence());
        }
        int number = jdbc.sql("select count(*) from replenishment_link where original_order_id = :id")
                        .param("id", original.id())
                        .query(Integer.class)
                        .single()
                + 1;
        String code = original.orderCode() + "-R" + number;
        Instant now = clock.instant();
        ProductionOrder replenishment = orders.save(new ProductionOrder(
                null,
                code,
                OrderType.REPLENISHMENT,
                OrderStatus.OPEN_NOT_STARTED,
                original.itemId(),
                original.itemCode(),
                request.quantity(),
                original.dueAt(),
                original.priority(),
                null,
                null,
                null,
                null,
                original.steps().stream()
                        .map(s -> s.withPlannedQuantity(request.quantity()))
                        .collect(java.util.stream.Collectors.toSet()),
                Set.of(new OrderLot(code)),
                0,
                now,
                now));
        jdbc.sql("""
                        insert into replenishment_link (original_order_id, replenishment_order_id, trigger_type, quantity,
                                                        step_sequence, loss_key, created_at)
                        values (:original, :replenishment, :trigger, :quantity, :step, :key, :now)
                        """)
                .param("original", original.id())
                .param("replenishment", replenishment.id())
                .param("trigger", request.trigger().name())
                .param("quantity", request.quantity())
                .param("step", request.stepSequence())
                .param("key", request.lossKey())
                .param("now", java.sql.Timestamp.from(now))
                .update();
        events.publishEvent(new ReplenishmentOrderCreated(
                UUID.randomUUID(),
                replenishment.id(),
                code,
                original.id(),
                original.orderCode(),
                request.trigger(),
                request.quantity(),
                request.stepSequence(),
                now));
        return new Replenishment(replenishment.id(), code, true);
    }
}
