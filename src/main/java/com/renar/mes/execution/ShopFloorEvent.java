package com.renar.mes.execution;

import com.renar.mes.shared.PlantEvent;

/**
 * An execution event: it happened on a step of an order, at a workcenter, and goes to both topics (the order's
 * and the workcenter's). Every execution event record carries these fields.
 */
public interface ShopFloorEvent extends PlantEvent {

    long orderId();

    String orderCode();

    int stepSequence();

    String workcenter();

    String operator();

    @Override
    default Long topicOrderId() {
        return orderId();
    }

    @Override
    default String topicWorkcenter() {
        return workcenter();
    }
}
