package com.renar.mes.realtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/** Counts the STOMP sessions connected to this instance (gauge {@code realtime_sessions}). */
final class StompSessions {

    private final Set<String> open = ConcurrentHashMap.newKeySet();

    StompSessions(MeterRegistry meters) {
        Gauge.builder("realtime.sessions", open, Set::size)
                .description("STOMP sessions (dashboards) connected to this instance")
                .register(meters);
    }

    int count() {
        return open.size();
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        String session =
                SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        if (session != null) {
            open.add(session);
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        open.remove(event.getSessionId());
    }
}
