package com.renar.mes.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renar.mes.MesApplication;
import com.renar.mes.platform.AccessTokens;
import com.renar.mes.realtime.EventRelay.State;
import com.renar.mes.shared.Role;
import com.renar.mes.support.ExternalServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two application instances on one PostgreSQL (a throw-away database on this machine's server) and this
 * machine's Redis: a dashboard connected to instance B hears of an order imported through instance A. One relay
 * leads; every instance pushes what arrives on the Redis channel (unique per run) to its own clients.
 */
class TwoInstancesOverRedisTests {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String database;
    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void twoInstances() throws SQLException {
        ExternalServices.assumeServiceReachable("127.0.0.1", 6379, "Redis");
        ExternalServices.assumeServiceReachable("127.0.0.1", 5432, "PostgreSQL");
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database = "mes_rt_" + run;
        admin("create database " + database);
        String channel = "mes:plant-events:test-" + run;
        // A first, with the demo plant; B once A has migrated and loaded it (two at once could race to load it).
        instanceA = start(channel, true);
        instanceB = start(channel, false);
    }

    @AfterAll
    static void stop() throws SQLException {
        try {
            if (instanceB != null) {
                instanceB.close();
            }
        } finally {
            try {
                if (instanceA != null) {
                    instanceA.close();
                }
            } finally {
                if (database != null) {
                    admin("drop database if exists " + database + " with (force)");
                }
            }
        }
    }

    @Test
    void aDashboardOnOneInstanceHearsOfAnOrderImportedThroughTheOther() throws Exception {
        await().atMost(WAIT)
                .until(() ->
                        fanOut(instanceA).isSubscribed() && fanOut(instanceB).isSubscribed());
        await().atMost(WAIT)
                .until(() -> List.of(relay(instanceA).state(), relay(instanceB).state())
                        .containsAll(List.of(State.RELAYING, State.FOLLOWING)));

        String orderCode = "RT2-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (StompTestClient dashboard = StompTestClient.connect(port(instanceB), bearer(instanceB, Role.OPERATOR))) {
            dashboard.subscribe(instanceB, Topics.PLANT);

            HttpResponse<String> pushed = pushOrder(orderCode);
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
            assertThat(pushed.body()).contains("\"created\":1");
            String eventId = JdbcClient.create(instanceA.getBean(javax.sql.DataSource.class))
                    .sql("""
                            select cast(e.event_id as text) from event_log e
                              join production_order o on o.id = e.order_id
                             where o.order_code = :code and e.event_type = 'OP_IMPORTED_FROM_ERP'
                            """)
                    .param("code", orderCode)
                    .query(String.class)
                    .single();

            await().atMost(WAIT)
                    .until(() -> !dashboard.receivedEvent(Topics.PLANT, eventId).isEmpty());
            JsonNode message = dashboard.receivedEvent(Topics.PLANT, eventId).get(0);
            assertThat(message.path("eventType").asString()).isEqualTo("OP_IMPORTED_FROM_ERP");
            assertThat(message.path("payload").path("orderCode").asString()).isEqualTo(orderCode);
        }
        // Exactly one of the two read the log all along.
        assertThat(List.of(relay(instanceA).state(), relay(instanceB).state()))
                .containsExactlyInAnyOrder(State.RELAYING, State.FOLLOWING);
    }

    private static HttpResponse<String> pushOrder(String orderCode) throws Exception {
        String body = """
                {"orders": [{"orderCode": "%s", "itemCode": "PNL-SIDE-1850", "quantity": 5, "dueDate": "2026-12-20"}]}
                """.formatted(orderCode);
        HttpClient http = HttpClient.newHttpClient();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instanceA) + "/api/v1/erp/orders"))
                        .header("Authorization", bearer(instanceA, Role.PCP))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext start(String channel, boolean demo) {
        return new SpringApplicationBuilder(MesApplication.class)
                .run(
                        "--mes.db.url=" + SERVER + database,
                        "--mes.db.user=postgres",
                        "--mes.db.pool-size=3",
                        "--mes.redis.url=redis://127.0.0.1:6379",
                        "--mes.realtime.redis-channel=" + channel,
                        "--mes.realtime.leader-retry-interval=500ms",
                        "--mes.jwt.secret=test-secret-test-secret-test-secret-0123456789",
                        "--mes.demo.enabled=" + demo,
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static String bearer(ConfigurableApplicationContext instance, Role role) {
        return "Bearer "
                + instance.getBean(AccessTokens.class)
                        .issue(role.name().toLowerCase(), role, "Test " + role)
                        .value();
    }

    private static RedisFanOut fanOut(ConfigurableApplicationContext instance) {
        return instance.getBean(RedisFanOut.class);
    }

    private static EventRelay relay(ConfigurableApplicationContext instance) {
        return instance.getBean(EventRelay.class);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
