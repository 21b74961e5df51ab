package com.renar.mes.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Dashboards over a real WebSocket: what they receive, and what they may not do. */
@MesIntegrationTest
class StompDeliveryTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestTokens tokens;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    MeterRegistry meters;

    @Test
    void dashboardReceivesAnOrderImportedFromTheErpWithItsEventId() throws Exception {
        String orderCode = "RT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (StompTestClient dashboard = StompTestClient.connect(port, tokens.bearer(Role.OPERATOR))) {
            dashboard.subscribe(context, Topics.PLANT);

            assertThat(mvc.post()
                            .uri("/api/v1/erp/orders")
                            .header("Authorization", tokens.bearer(Role.PCP))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"orders": [{"orderCode": "%s", "itemCode": "PNL-SIDE-1850", "quantity": 12,
                                                 "dueDate": "2026-12-20"}]}
                                    """.formatted(orderCode))
                            .exchange())
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.created")
                    .isEqualTo(1);
            var logged = jdbc.sql("""
                            select e.id, e.event_id, e.order_id from event_log e
                              join production_order o on o.id = e.order_id
                             where o.order_code = :code and e.event_type = 'OP_IMPORTED_FROM_ERP'
                            """).param("code", orderCode).query().singleRow();

            await().atMost(StompTestClient.WAIT)
                    .until(() -> !dashboard
                            .receivedEvent(Topics.PLANT, logged.get("event_id"))
                            .isEmpty());
            JsonNode message = dashboard
                    .receivedEvent(Topics.PLANT, logged.get("event_id"))
                    .get(0);
            assertThat(message.path("id").asLong()).isEqualTo(((Number) logged.get("id")).longValue());
            assertThat(message.path("eventType").asString()).isEqualTo("OP_IMPORTED_FROM_ERP");
            assertThat(message.path("orderId").asLong()).isEqualTo(((Number) logged.get("order_id")).longValue());
            assertThat(message.path("occurredAt").asString()).isNotBlank();
            assertThat(message.path("payload").path("orderCode").asString()).isEqualTo(orderCode);
        }
    }

    @Test
    void eventsReachTheirOrderAndWorkcenterTopicsAndOnlyThose() throws Exception {
        long orderId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        long otherOrder = orderId + 1;
        String workcenter = "RT-" + ThreadLocalRandom.current().nextInt(100_000);
        try (StompTestClient dashboard = StompTestClient.connect(port, tokens.bearer(Role.SUPERVISOR))) {
            String orderTopic = Topics.OPS + orderId;
            String otherOrderTopic = Topics.OPS + otherOrder;
            String workcenterTopic = Topics.WORKCENTERS + workcenter;
            dashboard.subscribe(context, Topics.PLANT);
            dashboard.subscribe(context, orderTopic);
            dashboard.subscribe(context, otherOrderTopic);
            dashboard.subscribe(context, workcenterTopic);

            TestPlantEvent counted = TestPlantEvent.of(orderId, workcenter, "counted");
            TestPlantEvent elsewhere = TestPlantEvent.of(otherOrder, null, "elsewhere");
            publish(counted);
            publish(elsewhere);

            await().atMost(StompTestClient.WAIT).untilAsserted(() -> {
                assertThat(dashboard.receivedEvent(Topics.PLANT, counted.eventId()))
                        .hasSize(1);
                assertThat(dashboard.receivedEvent(Topics.PLANT, elsewhere.eventId()))
                        .hasSize(1);
                assertThat(dashboard.receivedEvent(orderTopic, counted.eventId()))
                        .hasSize(1);
                assertThat(dashboard.receivedEvent(workcenterTopic, counted.eventId()))
                        .hasSize(1);
                assertThat(dashboard.receivedEvent(otherOrderTopic, elsewhere.eventId()))
                        .hasSize(1);
            });
            // Both events were delivered (above), each once per topic it belongs to and nowhere else.
            assertThat(dashboard.received(orderTopic)).hasSize(1);
            assertThat(dashboard.received(otherOrderTopic)).hasSize(1);
            assertThat(dashboard.received(workcenterTopic)).hasSize(1);
            JsonNode message =
                    dashboard.receivedEvent(workcenterTopic, counted.eventId()).get(0);
            assertThat(message.path("workcenter").asString()).isEqualTo(workcenter);
            assertThat(message.path("payload").path("note").asString()).isEqualTo("counted");
        }
    }

    @Test
    void refusesConnectWithoutAToken() throws Exception {
        assertThat(StompTestClient.connectRefused(port, null)).contains("valid access token is required");
    }

    @Test
    void refusesConnectWithABadToken() throws Exception {
        String valid = tokens.bearer(Role.MANAGER);
        String tampered = valid.substring(0, valid.length() - 4) + "AAAA";

        assertThat(StompTestClient.connectRefused(port, "Bearer not-a-jwt")).contains("valid access token");
        assertThat(StompTestClient.connectRefused(port, tampered)).contains("valid access token");
        assertThat(StompTestClient.connectRefused(port, valid.substring("Bearer ".length())))
                .contains("Authorization: Bearer");
    }

    @Test
    void acceptsTheHandshakeWithoutAnHttpTokenButOnlyFromTheSameOrigin() throws Exception {
        String token = tokens.bearer(Role.OPERATOR);

        assertThat(StompTestClient.handshakeAccepted(port, "http://127.0.0.1:" + port, token))
                .isTrue();
        assertThat(StompTestClient.handshakeAccepted(port, "https://elsewhere.example", token))
                .isFalse();
    }

    @Test
    void refusesSubscriptionsOutsideThePlantTopics() throws Exception {
        try (StompTestClient dashboard = StompTestClient.connect(port, tokens.bearer(Role.OPERATOR))) {
            dashboard.subscribeUnchecked("/queue/orders");

            await().atMost(StompTestClient.WAIT).untilAsserted(() -> {
                assertThat(dashboard.errors()).singleElement().asString().contains("You may subscribe to /topic/plant");
                assertThat(dashboard.session().isConnected()).isFalse();
            });
        }
    }

    @Test
    void refusesSend() throws Exception {
        try (StompTestClient dashboard = StompTestClient.connect(port, tokens.bearer(Role.MANAGER))) {
            dashboard.session().send(Topics.PLANT, "hello".getBytes());

            await().atMost(StompTestClient.WAIT).untilAsserted(() -> {
                assertThat(dashboard.errors()).singleElement().asString().contains("SEND is not accepted");
                assertThat(dashboard.session().isConnected()).isFalse();
            });
        }
    }

    @Test
    void countsConnectedSessionsAndRelayedEvents() throws Exception {
        double relayedBefore = meters.get("realtime.events.relayed").counter().count();
        try (StompTestClient dashboard = StompTestClient.connect(port, tokens.bearer(Role.OPERATOR))) {
            await().atMost(StompTestClient.WAIT)
                    .until(() -> meters.get("realtime.sessions").gauge().value() >= 1);
            dashboard.subscribe(context, Topics.PLANT);
            TestPlantEvent event = TestPlantEvent.of(null, null, "metered");
            publish(event);
            await().atMost(StompTestClient.WAIT)
                    .until(() -> !dashboard
                            .receivedEvent(Topics.PLANT, event.eventId())
                            .isEmpty());
            assertThat(meters.get("realtime.events.relayed").counter().count()).isGreaterThan(relayedBefore);
        }
        await().atMost(StompTestClient.WAIT)
                .until(() -> meters.get("realtime.sessions").gauge().value() == 0);
    }

    @Test
    void scheduledJobsKeepTheirOwnSchedulerBesideTheBrokers() throws Exception {
        TaskScheduler broker = context.getBean(SimpleBrokerMessageHandler.class).getTaskScheduler();
        TaskScheduler jobs = context.getBean("taskScheduler", TaskScheduler.class);

        assertThat(threadOf(broker)).startsWith("MessageBroker-");
        assertThat(threadOf(jobs)).startsWith("scheduling-");
    }

    private static String threadOf(TaskScheduler scheduler) throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        scheduler.schedule(() -> thread.complete(Thread.currentThread().getName()), Instant.now());
        return thread.get(20, TimeUnit.SECONDS);
    }

    private void publish(TestPlantEvent event) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
    }
}
