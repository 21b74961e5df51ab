package com.renar.mes.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes events to this instance's STOMP clients through the in-memory broker. The body is serialised once and
 * sent to every topic the event belongs to; the broker hands it to each subscriber's session, whose send buffer
 * and send time are bounded (a stuck dashboard is closed, not buffered for). Without Redis this is where the relay
 * delivers; with Redis the Redis subscriber calls it.
 */
final class StompBroadcaster implements RelaySink {

    private final SimpMessagingTemplate broker;
    private final JsonMapper json;
    private final Counter relayed;

    StompBroadcaster(SimpMessagingTemplate broker, JsonMapper json, MeterRegistry meters) {
        this.broker = broker;
        this.json = json;
        this.relayed = Counter.builder("realtime.events.relayed")
                .description("Plant events pushed to this instance's STOMP clients")
                .register(meters);
    }

    void broadcast(RelayedEvent event) {
        Message<byte[]> message = MessageBuilder.withPayload(json.writeValueAsBytes(event))
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON)
                .build();
        for (String topic : Topics.of(event)) {
            broker.send(topic, message);
        }
        relayed.increment();
    }

    @Override
    public boolean needsLeader() {
        return false;
    }

    @Override
    public void deliver(List<RelayedEvent> events) {
        events.forEach(this::broadcast);
    }
}
