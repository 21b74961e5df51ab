package com.renar.mes.orders;

import com.renar.mes.orders.ProductionOrder.OrderLot;
import com.renar.mes.shared.MesProblemException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One replenishment per loss. Concurrent requests for the same loss serialize on a transaction-scoped advisory
 * lock keyed by (original order, loss key); the unique key on {@code replenishment_link} backs it up. A new order
 * copies the original's routing with the shortfall as planned quantity, its due time and priority, and gets the
 * lot {@code <code>}.
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
        validate(request);
        lock(request);
        Optional<Link> existing = links(request).stream()
                .filter(l -> l.lossKey().equals(request.lossKey()))
                .findFirst();
        if (existing.isPresent()) {
            return new Replenishment(existing.get().orderId(), existing.get().orderCode(), false);
        }
        return create(request, request.quantity(), request.lossKey());
    }

    @Override
    @Transactional
    public Coverage cover(ReplenishmentRequest request) {
        validate(request);
        lock(request);
        List<Link> links = links(request);
        BigDecimal covered = links.stream().map(Link::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (request.quantity().compareTo(covered) <= 0) {
            return new Coverage(covered, Optional.empty());
        }
        BigDecimal missing = request.quantity().subtract(covered);
        if (!links.isEmpty()) {
            Link newest = links.get(links.size() - 1);
            if (grow(newest, missing)) {
                return new Coverage(
                        request.quantity(),
                        Optional.of(new Replenishment(newest.orderId(), newest.orderCode(), false)));
            }
        }
        String key = links.isEmpty() ? request.lossKey() : request.lossKey() + "#" + (links.size() + 1);
        return new Coverage(request.quantity(), Optional.of(create(request, missing, key)));
    }

    @Override
    public Map<Integer, BigDecimal> coverageByStep(long originalOrderId) {
        Map<Integer, BigDecimal> coverage = new HashMap<>();
        jdbc.sql("""
                        select step_sequence, sum(quantity) as covered from replenishment_link
                         where original_order_id = :original and step_sequence is not null
                         group by step_sequence
                        """)
                .param("original", originalOrderId)
                .query((rs, n) -> coverage.put(rs.getInt("step_sequence"), rs.getBigDecimal("covered")))
                .list();
        return coverage;
    }

    private static void validate(ReplenishmentRequest request) {
        if (request.quantity() == null || request.quantity().signum() <= 0) {
            throw MesProblemException.unprocessable("A replenishment needs a positive quantity");
        }
        if (request.lossKey() == null
                || request.lossKey().isBlank()
                || request.lossKey().length() > 90) {
            throw MesProblemException.unprocessable("A replenishment needs a loss key of 1 to 90 characters");
        }
    }

    private void lock(ReplenishmentRequest request) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "replenishment:" + request.originalOrderId() + ":" + request.lossKey())
                .query()
                .singleRow();
    }

    /** The links of this loss: the one with the key itself and its follow-ups ({@code key#2}, {@code key#3}, …). */
    private List<Link> links(ReplenishmentRequest request) {
        return jdbc.sql("""
                        select l.loss_key, l.quantity, o.id, o.order_code, o.status
                          from replenishment_link l join production_order o on o.id = l.replenishment_order_id
                         where l.original_order_id = :original
                           and (l.loss_key = :key or left(l.loss_key, length(:key) + 1) = :key || '#')
                         order by l.id
                        """)
                .param("original", request.originalOrderId())
                .param("key", request.lossKey())
                .query((rs, n) -> new Link(
                        rs.getString("loss_key"),
                        rs.getBigDecimal("quantity"),
                        rs.getLong("id"),
                        rs.getString("order_code"),
                        OrderStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /** Adds to a replenishment order that has not started; false when it has (then the caller makes another). */
    private boolean grow(Link link, BigDecimal quantity) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                        update production_order
                           set planned_quantity = planned_quantity + :q, version = version + 1, updated_at = :now
                         where id = :id and status = 'OPEN_NOT_STARTED'
                        """)
                .param("q", quantity)
                .param("now", Timestamp.from(now))
                .param("id", link.orderId())
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql(
                        "update production_order_step set planned_quantity = planned_quantity + :q where production_order = :id")
                .param("q", quantity)
                .param("id", link.orderId())
                .update();
        jdbc.sql("update replenishment_link set quantity = quantity + :q where replenishment_order_id = :id")
                .param("q", quantity)
                .param("id", link.orderId())
                .update();
        BigDecimal total = jdbc.sql("select planned_quantity from production_order where id = :id")
                .param("id", link.orderId())
                .query(BigDecimal.class)
                .single();
        events.publishEvent(
                new ReplenishmentOrderResized(UUID.randomUUID(), link.orderId(), link.orderCode(), total, now));
        return true;
    }

    private Replenishment create(ReplenishmentRequest request, BigDecimal quantity, String lossKey) {
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
                quantity,
                original.dueAt(),
                original.priority(),
                null,
                null,
                null,
                null,
                original.steps().stream()
                        .map(s -> s.withPlannedQuantity(quantity))
                        .collect(Collectors.toSet()),
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
                .param("quantity", quantity)
                .param("step", request.stepSequence())
                .param("key", lossKey)
                .param("now", Timestamp.from(now))
                .update();
        events.publishEvent(new ReplenishmentOrderCreated(
                UUID.randomUUID(),
                replenishment.id(),
                code,
                original.id(),
                original.orderCode(),
                request.trigger(),
                quantity,
                request.stepSequence(),
                now));
        return new Replenishment(replenishment.id(), code, true);
    }

    private record Link(String lossKey, BigDecimal quantity, long orderId, String orderCode, OrderStatus status) {}
}
