package com.renar.mes.realtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the relay: to this instance's STOMP clients when no Redis is configured ({@code MES_REDIS_URL} blank), or
 * through Redis with one leader for all instances. Only in the web server (a one-shot job relays nothing).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RealtimeConfiguration {

    @Bean
    StompBroadcaster stompBroadcaster(
            SimpMessagingTemplate brokerMessagingTemplate, JsonMapper json, MeterRegistry meters) {
        return new StompBroadcaster(brokerMessagingTemplate, json, meters);
    }

    @Bean
    StompSessions stompSessions(MeterRegistry meters) {
        return new StompSessions(meters);
    }

    @Bean
    @ConditionalOnExpression("'${mes.redis.url:}'.trim() != ''")
    RedisFanOut redisFanOut(
            Environment environment,
            StompBroadcaster stompBroadcaster,
            JsonMapper json,
            RealtimeProperties properties) {
        return new RedisFanOut(environment.getProperty("mes.redis.url").trim(), stompBroadcaster, json, properties);
    }

    @Bean
    EventRelay eventRelay(
            DataSource dataSource,
            StompBroadcaster stompBroadcaster,
            ObjectProvider<RedisFanOut> redis,
            JsonMapper json,
            RealtimeProperties properties,
            MeterRegistry meters) {
        RedisFanOut fanOut = redis.getIfAvailable();
        RelaySink sink = fanOut != null ? fanOut : stompBroadcaster;
        EventRelay relay = new EventRelay(new RelayConnections(dataSource), sink, json, properties);
        Gauge.builder("realtime.relay.leader", relay, r -> r.state() == EventRelay.State.RELAYING ? 1 : 0)
                .description("1 while this instance reads the event log for the real-time relay")
                .register(meters);
        return relay;
    }
}
