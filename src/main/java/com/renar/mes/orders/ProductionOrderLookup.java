package com.renar.mes.orders;

import com.renar.mes.orders.ProductionOrders.OrderInfo;
import com.renar.mes.orders.ProductionOrders.Step;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an order with its lots and routing snapshot in one statement: the shop floor asks for orders on every scan
 * and every step command, so this is a hot path and loads no aggregate.
 */
@Component
class ProductionOrderLookup implements ProductionOrders {

    private static final String SELECT = """
            select o.id, o.order_code, o.type, o.status, o.item_id, o.item_code, o.planned_quantity, o.due_at,
                   o.priority,
                   array(select l.lot_code from production_order_lot l
                          where l.production_order = o.id order by l.lot_code) as lots,
                   s.sequence, s.process_step_id, s.process_step_code, s.workcenter_code, s.workcenter_type,
                   s.setup_minutes, s.standard_seconds, s.planned_quantity as step_quantity
              from production_order o
              left join production_order_step s on s.production_order = o.id
            """;

    private final JdbcClient jdbc;

    ProductionOrderLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrderInfo> byId(long id) {
        return one(jdbc.sql(SELECT + " where o.id = :key order by s.sequence").param("key", id));
    }

    @Override
    public Optional<OrderInfo> byCode(String orderCode) {
        return one(jdbc.sql(SELECT + " where o.order_code = :key order by s.sequence")
                .param("key", orderCode));
    }

    @Override
    public Optional<OrderInfo> byLot(String lotCode) {
        return one(jdbc.sql(SELECT + " where o.id = (select production_order from production_order_lot"
                        + " where lot_code = :key) order by s.sequence")
                .param("key", lotCode));
    }

    private static Optional<OrderInfo> one(JdbcClient.StatementSpec statement) {
        List<Row> rows = statement.query(ProductionOrderLookup::row).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.get(0);
        List<Step> steps = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (r.step() != null) {
                steps.add(r.step());
            }
        }
        OrderInfo h = first.order();
        return Optional.of(new OrderInfo(
                h.id(),
                h.orderCode(),
                h.type(),
                h.status(),
                h.itemId(),
                h.itemCode(),
                h.plannedQuantity(),
                h.dueAt(),
                h.priority(),
                h.lots(),
                List.copyOf(steps)));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OrderInfo order = new OrderInfo(
                rs.getLong("id"),
                rs.getString("order_code"),
                OrderType.valueOf(rs.getString("type")),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getLong("item_id"),
                rs.getString("item_code"),
                rs.getBigDecimal("planned_quantity"),
                rs.getTimestamp("due_at").toInstant(),
                rs.getInt("priority"),
                Arrays.asList((String[]) rs.getArray("lots").getArray()),
                List.of());
        Step step = null;
        if (rs.getObject("sequence") != null) {
            BigDecimal setup = rs.getBigDecimal("setup_minutes");
            step = new Step(
                    rs.getInt("sequence"),
                    rs.getLong("process_step_id"),
                    rs.getString("process_step_code"),
                    rs.getString("workcenter_code"),
                    rs.getString("workcenter_type"),
                    setup,
                    rs.getBigDecimal("standard_seconds"),
                    rs.getBigDecimal("step_quantity"));
        }
        return new Row(order, step);
    }

    private record Row(OrderInfo order, Step step) {}
}
