package com.renar.mes.orders;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
class ProductionOrderLookup implements ProductionOrders {

    private final ProductionOrderRepository orders;
    private final JdbcClient jdbc;

    ProductionOrderLookup(ProductionOrderRepository orders, JdbcClient jdbc) {
        this.orders = orders;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OrderInfo> byId(long id) {
        return orders.findById(id).map(ProductionOrderLookup::info);
    }

    @Override
    public Optional<OrderInfo> byCode(String orderCode) {
        return orders.findByOrderCode(orderCode).map(ProductionOrderLookup::info);
    }

    @Override
    public Optional<OrderInfo> byLot(String lotCode) {
        return jdbc.sql("select production_order from production_order_lot where lot_code = :lot")
                .param("lot", lotCode)
                .query(Long.class)
                .optional()
                .flatMap(this::byId);
    }

    private static OrderInfo info(ProductionOrder o) {
        return new OrderInfo(
                o.id(),
                o.orderCode(),
                o.type(),
                o.status(),
                o.itemId(),
                o.itemCode(),
                o.plannedQuantity(),
                o.dueAt(),
                o.priority(),
                o.lotCodes().stream().sorted().toList(),
                o.orderedSteps().stream()
                        .map(s -> new Step(
                                s.sequence(),
                                s.processStepId(),
                                s.processStepCode(),
                                s.workcenterCode(),
                                s.workcenterType(),
                                s.setupMinutes(),
                                s.standardSeconds(),
                                s.plannedQuantity()))
                        .toList());
    }
}
