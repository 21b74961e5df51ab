package com.renar.mes.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** A supervisor's screen follows the floor: what operators record reaches the order's and the machine's topics. */
@MesIntegrationTest
class ShopFloorDashboardTests {

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

    private MvcTestResult post(Role role, String path, String body) {
        return mvc.post()
                .uri(path)
                .header("Authorization", tokens.bearer(role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void stepStartedCountedAndScrappedReachTheOrderAndWorkcenterTopics() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String code = "DASH-" + tag;
        String lot = "MDF6-" + tag;
        // demo plant: thin backs are cut from MDF-06-RAW on OPT-02
        assertThat(post(
                        Role.SUPERVISOR,
                        "/api/v1/material-lots",
                        "{\"lotCode\":\"%s\",\"itemCode\":\"MDF-06-RAW\",\"quantity\":50}".formatted(lot)))
                .hasStatus(201);
        assertThat(post(Role.PCP, "/api/v1/erp/orders", """
                        {"orders": [{"orderCode": "%s", "itemCode": "PNL-BACK-1850", "quantity": 20,
                                     "dueDate": "2030-01-10", "lots": ["%s-L"]}]}
                        """.formatted(code, code)))
                .hasStatusOk();
        long order = jdbc.sql("select id from production_order where order_code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
        String orderTopic = Topics.OPS + order;
        String machineTopic = Topics.WORKCENTERS + "OPT-02";

        try (StompTestClient dashboard = StompTestClient.connect(port, tokens.bearer(Role.SUPERVISOR))) {
            dashboard.subscribe(context, orderTopic);
            dashboard.subscribe(context, machineTopic);

            String steps = "/api/v1/ops/" + order + "/steps/10/";
            assertThat(post(
                            Role.OPERATOR,
                            steps + "start",
                            "{\"workcenter\":\"OPT-02\",\"lot\":\"%s\"}".formatted(lot)))
                    .hasStatusOk();
            assertThat(post(Role.OPERATOR, steps + "count", "{\"source\":\"MACHINE\",\"quantity\":20}"))
                    .hasStatusOk();
            assertThat(post(
                            Role.OPERATOR,
                            steps + "quality",
                            "{\"disposition\":\"SCRAP\",\"reasonCode\":\"SCR-DIM\",\"quantity\":1}"))
                    .hasStatusOk();

            await().atMost(StompTestClient.WAIT)
                    .untilAsserted(() -> assertThat(types(dashboard, orderTopic))
                            .contains("STEP_STARTED", "PIECE_COUNTED", "QUALITY_RECORDED", "REPLENISHMENT_OP_CREATED"));
            await().atMost(StompTestClient.WAIT)
                    .untilAsserted(() -> assertThat(types(dashboard, machineTopic))
                            .contains("STEP_STARTED", "PIECE_COUNTED", "QUALITY_RECORDED"));
            JsonNode counted = dashboard.received(orderTopic).stream()
                    .filter(m -> m.path("eventType").asString().equals("PIECE_COUNTED"))
                    .findFirst()
                    .orElseThrow();
            assertThat(counted.path("payload").path("quantity").asLong()).isEqualTo(20);
            assertThat(counted.path("payload").path("source").asString()).isEqualTo("MACHINE");
            assertThat(counted.path("workcenter").asString()).isEqualTo("OPT-02");
            // in commit order: the start came before the count
            assertThat(types(dashboard, orderTopic).indexOf("STEP_STARTED"))
                    .isLessThan(types(dashboard, orderTopic).indexOf("PIECE_COUNTED"));
        }
    }

    private static java.util.List<String> types(StompTestClient dashboard, String topic) {
        return dashboard.received(topic).stream()
                .map(m -> m.path("eventType").asString())
                .toList();
    }
}
