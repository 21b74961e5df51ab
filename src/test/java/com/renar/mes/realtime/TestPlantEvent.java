package com.renar.mes.realtime;

import com.renar.mes.shared.PlantEvent;
import java.time.Instant;
import java.util.UUID;

/** A plant event the tests publish themselves, with whatever order and workcenter topic they need. */
record TestPlantEvent(UUID eventId, Instant occurredAt, Long topicOrderId, String topicWorkcenter, String note)
        implements PlantEvent {

    static TestPlantEvent of(Long orderId, String workcenter, String note) {
        return new TestPlantEvent(UUID.randomUUID(), Instant.now(), orderId, workcenter, note);
    }

    @Override
    public String eventType() {
        return "TEST_EVENT";
    }
}
