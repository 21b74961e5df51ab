package com.renar.mes.benchmark;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * How long a dashboard waits for an event on an idle machine: one count at a time is recorded over HTTP, and the
 * time from the HTTP answer (the transaction has committed) to the PIECE_COUNTED message on the order's STOMP
 * topic is measured. Default settings (relay polling every 50 ms, no NOTIFY). Not a test: it prints figures.
 * {@code ./mvnw -Pbenchmark test -Dtest=RealtimeLatencyBenchmark}.
 */
@Tag("benchmark")
class RealtimeLatencyBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 200);

    @Test
    void commitToDashboard() throws Exception {
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new SimpleMessageConverter());
        try (BenchmarkApp app = BenchmarkApp.start("mes_rtbench_")) {
            int port = app.port();
            IngestBenchmark.Plant plant = IngestBenchmark.Plant.prepare(app.url, port);
            long order = plant.ids.get(0);

            BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(EVENTS * 2);
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", plant.bearer);
            StompSession session = stomp.connectAsync(
                            "ws://127.0.0.1:" + port + "/ws",
                            new WebSocketHttpHeaders(),
                            connect,
                            new StompSessionHandlerAdapter() {})
                    .get(20, TimeUnit.SECONDS);
            session.subscribe("/topic/ops/" + order, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    if (new String((byte[]) payload, StandardCharsets.UTF_8).contains("\"PIECE_COUNTED\"")) {
                        arrivals.add(System.nanoTime());
                    }
                }
            });
            Thread.sleep(500); // let the broker register the subscription before the first event

            long[] latencies = new long[EVENTS];
            try (RawHttp http = new RawHttp("127.0.0.1", port)) {
                byte[] body = "{\"quantity\":1}".getBytes(StandardCharsets.UTF_8);
                for (int i = -20; i < EVENTS; i++) {
                    RawHttp.Answer answer =
                            http.post("/api/v1/ops/" + order + "/steps/10/count", plant.bearer, null, body);
                    long committed = System.nanoTime();
                    if (answer.status() != 200) {
                        throw new IllegalStateException("count answered " + answer.status() + ": " + answer.body());
                    }
                    Long arrived = arrivals.poll(5, TimeUnit.SECONDS);
                    if (arrived == null) {
                        throw new IllegalStateException("no PIECE_COUNTED on the dashboard within 5 s");
                    }
                    if (i >= 0) {
                        latencies[i] = arrived - committed;
                    }
                    Thread.sleep(20); // idle between events: this measures latency, not throughput
                }
            }
            session.disconnect();
            Arrays.sort(latencies);
            String report = String.format(
                    "Real-time latency, %s, %d events one at a time: commit -> STOMP message p50 %.1f ms, p90 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms%n",
                    Instant.now(),
                    EVENTS,
                    latencies[EVENTS / 2] / 1e6,
                    latencies[(int) (EVENTS * 0.9)] / 1e6,
                    latencies[(int) (EVENTS * 0.99)] / 1e6,
                    latencies[EVENTS - 1] / 1e6);
            System.out.println(report);
            Path file = Path.of("target", "benchmark", "realtime.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } finally {
            stomp.stop();
        }
    }
}
