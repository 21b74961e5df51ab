package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.HttpCalls;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Many terminals at once, over real HTTP: duplicates make one effect, losses one replenishment. */
@MesIntegrationTest
class ConcurrencyTests {

    private static final int CLIENTS = 50;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    ShopFloor floor;
    HttpCalls http;
    String saw;
    String sheets;
    long order;

    @BeforeEach
    void plant() {
        floor = new ShopFloor(mvc, tokens, jdbc);
        http = new HttpCalls(port);
        String sheet = floor.item("SHEET", "RAW_MATERIAL");
        String panel = floor.item("PANEL", "COMPONENT");
        floor.bom(panel, sheet, "0.1");
        saw = floor.workcenter("SAW", "OPTIMIZER");
        floor.routing(panel, "OPTIMIZER", saw);
        sheets = floor.lot(sheet, "500");
        order = floor.order(panel, 100);
    }

    @Test
    void fiftyConcurrentIdenticalScansMakeOneEffectAndFiftyIdenticalAnswers() throws Exception {
        String body = "{\"barcode\":\"OP:%s\",\"workcenter\":\"%s\",\"processStep\":\"OPTIMIZER\",\"lot\":\"%s\"}"
                .formatted(floor.code(order), saw, sheets);
        String key = "storm-" + floor.tag;
        String token = tokens.bearer(Role.OPERATOR);
        List<HttpResponse<String>> answers = HttpCalls.together(
                CLIENTS, i -> http.post("/api/v1/scans", body, "Authorization", token, "Idempotency-Key", key));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(answers)
                .extracting(HttpResponse::body)
                .containsOnly(answers.get(0).body());
        assertThat(answers.stream()
                        .filter(a ->
                                a.headers().firstValue("Idempotent-Replayed").isPresent())
                        .count())
                .isEqualTo(CLIENTS - 1);
        assertThat(floor.count("select count(*) from scan where order_id = ?", order))
                .isEqualTo(1);
        assertThat(floor.count("select scans from step_execution where order_id = ? and step_sequence = 10", order))
                .isEqualTo(1);
        assertThat(floor.count(
                        "select count(*) from event_log where event_type = 'BARCODE_SCANNED' and order_id = ?", order))
                .isEqualTo(1);
    }

    @Test
    void fiftyConcurrentCountsWithOneKeyCountOnce() throws Exception {
        floor.step(order, 10, "start", "{\"workcenter\":\"%s\",\"lot\":\"%s\"}".formatted(saw, sheets));
        String token = tokens.bearer(Role.OPERATOR);
        String key = "count-storm-" + floor.tag;
        List<HttpResponse<String>> answers = HttpCalls.together(
                CLIENTS,
                i -> http.post(
                        "/api/v1/ops/" + order + "/steps/10/count",
                        "{\"quantity\":3}",
                        "Authorization",
                        token,
                        "Idempotency-Key",
                        key));
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answers)
                .extracting(HttpResponse::body)
                .containsOnly(answers.get(0).body());
        assertThat(floor.count("select produced from step_execution where order_id = ? and step_sequence = 10", order))
                .isEqualTo(3);
    }

    @Test
    void fiftyConcurrentScrapRecordsRaiseOneReplenishmentOrderForAllOfThem() throws Exception {
        floor.step(order, 10, "start", "{\"workcenter\":\"%s\",\"lot\":\"%s\"}".formatted(saw, sheets));
        floor.count(order, 10, 100);
        String token = tokens.bearer(Role.OPERATOR);
        List<HttpResponse<String>> answers = HttpCalls.together(
                CLIENTS,
                i -> http.post(
                        "/api/v1/ops/" + order + "/steps/10/quality",
                        "{\"disposition\":\"SCRAP\",\"reasonCode\":\"SCR-DIM\",\"quantity\":1}",
                        "Authorization",
                        token,
                        "Idempotency-Key",
                        "scrap-" + i + "-" + floor.tag));

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(floor.count("select count(*) from quality_record where order_id = ?", order))
                .isEqualTo(CLIENTS);
        assertThat(floor.count("select scrap from step_execution where order_id = ? and step_sequence = 10", order))
                .isEqualTo(CLIENTS);
        assertThat(floor.count("select count(*) from replenishment_link where original_order_id = ?", order))
                .as("one replenishment order for the step's scrap")
                .isEqualTo(1);
        assertThat(floor.count("""
                        select o.planned_quantity::bigint from replenishment_link l
                          join production_order o on o.id = l.replenishment_order_id
                         where l.original_order_id = ?
                        """, order))
                .as("covering every scrapped piece exactly once")
                .isEqualTo(CLIENTS);
        assertThat(floor.count("""
                        select count(*) from event_log
                         where event_type = 'REPLENISHMENT_OP_CREATED' and payload ->> 'originalOrderId' = ?
                        """, String.valueOf(order))).isEqualTo(1);

        // completing the step changes nothing: the loss is already covered
        assertThat(floor.complete(order, 10)).hasStatusOk();
        assertThat(floor.count("select count(*) from replenishment_link where original_order_id = ?", order))
                .isEqualTo(1);
    }
}
