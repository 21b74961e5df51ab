package com.renar.mes.realtime;

import java.util.Arrays;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * STOMP over WebSocket at {@code /ws} with Spring's in-memory broker on {@code /topic}. There are no application
 * destinations: clients only subscribe ({@link StompAccessPolicy}).
 *
 * <p>Every session's outbound side is bounded: at most {@code sendBufferSize} queued and {@code sendTimeLimit}
 * per send, after which the session is closed; the container's own blocking write gives up after the same time.
 * A stuck dashboard is dropped instead of growing memory or holding a broker thread. Publish order is kept per
 * session, so a dashboard sees events in log order. Tomcat sets TCP_NODELAY on its sockets by default, so small
 * frames are not held back by Nagle's algorithm.
 *
 * <p>Handshakes are accepted from the origins in {@code mes.http.cors-allowed-origins} (comma-separated; blank =
 * same origin only). Clients that send no {@code Origin} (non-browser ones) are always accepted; they still need
 * a token to CONNECT.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocketMessageBroker
class StompConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ENDPOINT = "/ws";

    /** Tomcat's per-session timeout of a blocking WebSocket write (its default is 20 s). */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final RealtimeProperties properties;
    private final JwtDecoder jwtDecoder;
    private final JwtAuthenticationConverter jwtAuthenticationConverter;
    private final String[] allowedOrigins;
    private final TaskScheduler brokerScheduler;

    StompConfiguration(
            RealtimeProperties properties,
            JwtDecoder jwtDecoder,
            JwtAuthenticationConverter jwtAuthenticationConverter,
            @Value("${mes.http.cors-allowed-origins:}") String allowedOrigins,
            @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler brokerScheduler) {
        this.properties = properties;
        this.jwtDecoder = jwtDecoder;
        this.jwtAuthenticationConverter = jwtAuthenticationConverter;
        this.allowedOrigins = Arrays.stream(allowedOrigins.split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .toArray(String[]::new);
        this.brokerScheduler = brokerScheduler;
    }

    /**
     * The scheduler of the application's {@code @Scheduled} jobs, as Spring Boot would make it. The message broker
     * declares a {@link TaskScheduler} bean of its own ({@code messageBrokerTaskScheduler}), which makes Boot's
     * default back off and would put the ERP jobs on the broker's heart-beat threads (spring-boot#28449); a bean
     * named {@code taskScheduler} is what {@code @EnableScheduling} picks when there are several.
     */
    @Bean
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.build();
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint(ENDPOINT).setAllowedOrigins(allowedOrigins);
        registry.setErrorHandler(new StompErrors());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        long heartbeat = properties.heartbeat().toMillis();
        var broker = registry.enableSimpleBroker("/topic");
        if (heartbeat > 0) {
            broker.setHeartbeatValue(new long[] {heartbeat, heartbeat}).setTaskScheduler(brokerScheduler);
        }
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new StompAccessPolicy(jwtDecoder, jwtAuthenticationConverter));
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        int sendTimeLimit = (int) properties.sendTimeLimit().toMillis();
        registration
                .setSendBufferSizeLimit((int) properties.sendBufferSize().toBytes())
                .setSendTimeLimit(sendTimeLimit)
                .setMessageSizeLimit((int) properties.messageSizeLimit().toBytes())
                .addDecoratorFactory(handler -> new BoundedBlockingWrites(handler, sendTimeLimit));
    }

    /** Caps how long the container blocks in one write to a client that stopped reading. */
    private static final class BoundedBlockingWrites extends WebSocketHandlerDecorator {

        private final long timeoutMillis;

        BoundedBlockingWrites(WebSocketHandler delegate, long timeoutMillis) {
            super(delegate);
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            if (session instanceof NativeWebSocketSession nativeSession) {
                jakarta.websocket.Session container = nativeSession.getNativeSession(jakarta.websocket.Session.class);
                if (container != null) {
                    container.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, timeoutMillis);
                }
            }
            super.afterConnectionEstablished(session);
        }
    }
}
