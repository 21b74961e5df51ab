package com.renar.mes.platform.events;

import com.renar.mes.shared.PlantEvent;
import java.sql.Timestamp;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every published {@link PlantEvent} to {@code event_log}, synchronously, in the publisher's transaction:
 * the event exists if and only if the state change it announces committed. Publishing one outside a transaction
 * is a programming error and fails loudly.
 */
@Component
class EventLogWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventLogWriter(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void append(PlantEvent event) {
        jdbc.sql("""
                        insert into event_log (event_id, event_type, order_id, workcenter_code, occurred_at, payload)
                        values (:id, :type, :order, :workcenter, :at, cast(:payload as jsonb))
                        on conflict (event_id) do nothing
                        """)
                .param("id", event.eventId())
                .param("type", event.eventType())
                .param("order", event.topicOrderId())
                .param("workcenter", event.topicWorkcenter())
                .param("at", Timestamp.from(event.occurredAt()))
                .param("payload", json.writeValueAsString(event))
                .update();
    }
}
