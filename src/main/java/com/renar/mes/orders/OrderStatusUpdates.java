package com.renar.mes.orders;

import com.renar.mes.shared.MesProblemException;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Status changes driven by execution. Each bumps the order's version, so an ERP import that loaded the order
 * before the change fails its optimistic check instead of overwriting a started order.
 */
@Component
class OrderStatusUpdates implements OrderLifecycle {

    private final JdbcClient jdbc;

    OrderStatusUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderStatus lockForExecution(long orderId) {
        return jdbc.sql("select status from production_order where id = :id for update")
                .param("id", orderId)
                .query(String.class)
                .optional()
                .map(OrderStatus::valueOf)
                .orElseThrow(() -> MesProblemException.notFound("Production order", orderId));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void moveTo(long orderId, OrderStatus status, Instant at) {
        OrderStatus current = lockForExecution(orderId);
        if (current == status) {
            return;
        }
        if (current.isFinal()) {
            throw MesProblemException.conflict(
                    "Production order " + orderId + " is " + current + "; it cannot become " + status);
        }
        jdbc.sql("""
                        update production_order
                           set status = :status,
                               started_at = case when :started then coalesce(started_at, :at) else started_at end,
                               closed_at = case when :closed then :at else closed_at end,
                               version = version + 1,
                               updated_at = :at
                         where id = :id
                        """)
                .param("status", status.name())
                .param("started", status != OrderStatus.OPEN_NOT_STARTED)
                .param("closed", status == OrderStatus.CLOSED)
                .param("at", Timestamp.from(at))
                .param("id", orderId)
                .update();
    }
}
