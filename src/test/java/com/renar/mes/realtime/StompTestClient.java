package com.renar.mes.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dashboard for tests: a real STOMP client over a real WebSocket (Spring's client on the JDK/Tomcat container)
 * that records what it receives per destination and any ERROR frame.
 */
final class StompTestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocketStompClient client;
    private final Recorder recorder;
    private final StompSession session;

    private StompTestClient(WebSocketStompClient client, Recorder recorder, StompSession session) {
        this.client = client;
        this.recorder = recorder;
        this.session = session;
    }

    /** Connects with the given {@code Authorization} header value; fails the test unless CONNECTED. */
    static StompTestClient connect(int port, String authorization) throws Exception {
        WebSocketStompClient client = newClient();
        Recorder recorder = new Recorder();
        try {
            StompSession session = client.connectAsync(
                            url(port), new WebSocketHttpHeaders(), headers(authorization), recorder)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return new StompTestClient(client, recorder, session);
        } catch (ExecutionException | TimeoutException e) {
            client.stop();
            throw new AssertionError("STOMP CONNECT failed; ERROR frames: " + recorder.errors, e);
        }
    }

    /**
     * Tries to connect and expects a refusal: returns the ERROR frame's message once the server has closed the
     * connection.
     */
    static String connectRefused(int port, String authorization) throws Exception {
        WebSocketStompClient client = newClient();
        Recorder recorder = new Recorder();
        try {
            var future = client.connectAsync(url(port), new WebSocketHttpHeaders(), headers(authorization), recorder);
            await().atMost(WAIT).until(future::isDone);
            assertThat(future).isCompletedExceptionally();
            await().atMost(WAIT).until(() -> !recorder.errors.isEmpty());
            return recorder.errors.get(0);
        } finally {
            client.stop();
        }
    }

    /** Whether the WebSocket handshake succeeds when the browser says it comes from {@code origin}. */
    static boolean handshakeAccepted(int port, String origin, String authorization) throws Exception {
        WebSocketStompClient client = newClient();
        try {
            WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
            handshake.setOrigin(origin);
            var future = client.connectAsync(url(port), handshake, headers(authorization), new Recorder());
            await().atMost(WAIT).until(future::isDone);
            if (future.isCompletedExceptionally()) {
                return false;
            }
            future.get().disconnect();
            return true;
        } finally {
            client.stop();
        }
    }

    /** Subscribes and waits until the server's broker has registered it, so nothing published later is missed. */
    void subscribe(ApplicationContext server, String destination) {
        int before = subscribers(server, destination);
        recorder.received.putIfAbsent(destination, new CopyOnWriteArrayList<>());
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                recorder.received
                        .get(destination)
                        .add(JSON.readTree(new String((byte[]) payload, StandardCharsets.UTF_8)));
            }
        });
        await().atMost(WAIT).until(() -> subscribers(server, destination) > before);
    }

    /** Subscribes without waiting (for frames the server refuses). */
    void subscribeUnchecked(String destination) {
        session.subscribe(destination, new StompSessionHandlerAdapter() {});
    }

    StompSession session() {
        return session;
    }

    List<JsonNode> received(String destination) {
        return new ArrayList<>(recorder.received.getOrDefault(destination, List.of()));
    }

    /** Events received on {@code destination} with the given eventId. */
    List<JsonNode> receivedEvent(String destination, Object eventId) {
        return received(destination).stream()
                .filter(m -> m.path("eventId").asString().equals(eventId.toString()))
                .toList();
    }

    List<String> errors() {
        return List.copyOf(recorder.errors);
    }

    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.disconnect();
            }
        } finally {
            client.stop();
        }
    }

    /** How many subscriptions the server's in-memory broker holds for a destination. */
    static int subscribers(ApplicationContext server, String destination) {
        SimpleBrokerMessageHandler broker = server.getBean(SimpleBrokerMessageHandler.class);
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        var message = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
        return broker.getSubscriptionRegistry().findSubscriptions(message).values().stream()
                .mapToInt(List::size)
                .sum();
    }

    private static WebSocketStompClient newClient() {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new SimpleMessageConverter());
        return client;
    }

    private static String url(int port) {
        return "ws://127.0.0.1:" + port + StompConfiguration.ENDPOINT;
    }

    private static StompHeaders headers(String authorization) {
        StompHeaders headers = new StompHeaders();
        if (authorization != null) {
            headers.add("Authorization", authorization);
        }
        return headers;
    }

    private static final class Recorder extends StompSessionHandlerAdapter {

        final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return byte[].class;
        }

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            // Frames without a subscription: ERROR is the only one the server sends.
            String message = headers.getFirst("message");
            errors.add(message != null ? message : new String((byte[]) payload, StandardCharsets.UTF_8));
        }

        @Override
        public void handleException(
                StompSession session, StompCommand command, StompHeaders headers, byte[] payload, Throwable e) {
            errors.add("client exception: " + e);
        }
    }
}
