package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@MesIntegrationTest
class ScanTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    ShopFloor floor;
    String saw;
    String cnc;
    String sheets;
    long order;
    String code;

    @BeforeEach
    void plant() {
        floor = new ShopFloor(mvc, tokens, jdbc);
        String sheet = floor.item("SHEET", "RAW_MATERIAL");
        String panel = floor.item("PANEL", "COMPONENT");
        floor.bom(panel, sheet, "0.25");
        saw = floor.workcenter("SAW", "OPTIMIZER");
        cnc = floor.workcenter("CNC", "CNC");
        floor.routing(panel, "OPTIMIZER", saw, "CNC", cnc);
        sheets = floor.lot(sheet, "40");
        order = floor.order(panel, 20);
        code = floor.code(order);
    }

    private long scans(String status) {
        return floor.count("select count(*) from scan where order_id = ? and status = ?", order, status);
    }

    @Test
    void acceptsAScanOfTheOrderCodeAndAnnouncesIt() {
        var result = floor.scan("k1-" + floor.tag, "OP:" + code, saw, "OPTIMIZER", sheets);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).hasHeader("Location", "/api/v1/scans/" + jsonString(result, "$.scanId"));
        assertThat(result).bodyJson().extractingPath("$.orderCode").isEqualTo(code);
        assertThat(result).bodyJson().extractingPath("$.barcodeKind").isEqualTo("ORDER");
        assertThat(result).bodyJson().extractingPath("$.operator").isEqualTo("operator");
        assertThat(scans("ACCEPTED")).isEqualTo(1);
        assertThat(floor.count("select scans from step_execution where order_id = ? and step_sequence = 10", order))
                .isEqualTo(1);
        assertThat(floor.count(
                        "select count(*) from event_log where event_type = 'BARCODE_SCANNED' and order_id = ?", order))
                .isEqualTo(1);
    }

    @Test
    void acceptsLotCodesPartLabelsAndPlainCodes() {
        assertThat(floor.scan("a-" + floor.tag, "LOT:" + code + "-L", saw, "OPTIMIZER", sheets))
                .hasStatus(HttpStatus.CREATED);
        assertThat(floor.scan("b-" + floor.tag, "PART:" + code + "-L:0001", saw, "OPTIMIZER", sheets))
                .bodyJson()
                .extractingPath("$.lot")
                .isEqualTo(code + "-L");
        assertThat(floor.scan("c-" + floor.tag, code, saw, "OPTIMIZER", sheets)).hasStatus(HttpStatus.CREATED);
        assertThat(scans("ACCEPTED")).isEqualTo(3);
    }

    @Test
    void replaysTheStoredAnswerForARepeatedIdempotencyKey() {
        String key = "same-" + floor.tag;
        var first = floor.scan(key, "OP:" + code, saw, "OPTIMIZER", sheets);
        var again = floor.scan(key, "OP:" + code, saw, "OPTIMIZER", sheets);
        assertThat(again).hasStatus(HttpStatus.CREATED);
        assertThat(again).hasHeader("Idempotent-Replayed", "true");
        assertThat(again.getResponse().getContentAsByteArray())
                .isEqualTo(first.getResponse().getContentAsByteArray());
        assertThat(scans("ACCEPTED")).isEqualTo(1);
        assertThat(floor.count("select scans from step_execution where order_id = ? and step_sequence = 10", order))
                .isEqualTo(1);
    }

    @Test
    void refusesAKeyReusedForAnotherScan() {
        String key = "reuse-" + floor.tag;
        floor.scan(key, "OP:" + code, saw, "OPTIMIZER", sheets);
        var other = floor.scan(key, "LOT:" + code + "-L", saw, "OPTIMIZER", sheets);
        assertThat(other).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(other)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://mes.renar.com.br/problems/idempotency-key-reused");
        assertThat(scans("ACCEPTED")).isEqualTo(1);
    }

    @Test
    void requiresAnIdempotencyKey() {
        var result = floor.scan(null, "OP:" + code, saw, "OPTIMIZER", sheets);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("Idempotency-Key");
        assertThat(floor.count("select count(*) from scan where order_id = ?", order))
                .isZero();
    }

    @Test
    void keepsARejectedScanAndReplaysItsProblem() {
        String key = "bad-" + floor.tag;
        var rejected = floor.scan(key, "OP:NO-SUCH-" + floor.tag, saw, "OPTIMIZER", sheets);
        assertThat(rejected).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(rejected).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(rejected).bodyJson().extractingPath("$.detail").asString().contains("No production order");
        var again = floor.scan(key, "OP:NO-SUCH-" + floor.tag, saw, "OPTIMIZER", sheets);
        assertThat(again).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(again).hasHeader("Idempotent-Replayed", "true");
        assertThat(again.getResponse().getContentAsByteArray())
                .isEqualTo(rejected.getResponse().getContentAsByteArray());
        assertThat(floor.count(
                        "select count(*) from scan where barcode = ? and status = 'REJECTED' and problem_type = 'unprocessable'",
                        "OP:NO-SUCH-" + floor.tag))
                .isEqualTo(1);
    }

    @Test
    void rejectsAScanInNoKnownFormat() {
        var result = floor.scan("fmt-" + floor.tag, "two words", saw, "OPTIMIZER", sheets);
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("no known format");
    }

    @Test
    void rejectsAScanForAClosedOrder() {
        jdbc.sql("update production_order set status = 'CLOSED' where id = :id")
                .param("id", order)
                .update();
        var result = floor.scan("closed-" + floor.tag, "OP:" + code, saw, "OPTIMIZER", sheets);
        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("is CLOSED");
        assertThat(scans("REJECTED")).isEqualTo(1);
        assertThat(floor.count(
                        "select count(*) from event_log where event_type = 'BARCODE_SCANNED' and order_id = ?", order))
                .isZero();
    }

    @Test
    void rejectsAScanAtADisabledWorkcenter() {
        jdbc.sql("update workcenter set enabled = false where code = :c")
                .param("c", saw)
                .update();
        var result = floor.scan("off-" + floor.tag, "OP:" + code, saw, "OPTIMIZER", sheets);
        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("disabled");
        assertThat(scans("REJECTED")).isEqualTo(1);
    }

    @Test
    void rejectsAWorkcenterThatDoesNotFitTheStep() {
        var result = floor.scan("fit-" + floor.tag, "OP:" + code, cnc, "OPTIMIZER", sheets);
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("does not fit");
    }

    @Test
    void rejectsAScanAtAStepWhosePreviousStepReleasedNothing() {
        var result = floor.scan("early-" + floor.tag, "OP:" + code, cnc, "CNC", null);
        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("has not released any pieces");
    }

    @Test
    void theFirstStepNeedsAnAvailableRawMaterialLot() {
        var noLot = floor.scan("nolot-" + floor.tag, "OP:" + code, saw, "OPTIMIZER", null);
        assertThat(noLot).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(noLot).bodyJson().extractingPath("$.detail").asString().contains("material lot");
        jdbc.sql("update material_lot set quantity_available = 0 where lot_code = :l")
                .param("l", sheets)
                .update();
        var usedUp = floor.scan("usedup-" + floor.tag, "OP:" + code, saw, "OPTIMIZER", sheets);
        assertThat(usedUp).hasStatus(HttpStatus.CONFLICT);
        assertThat(usedUp).bodyJson().extractingPath("$.detail").asString().contains("used up");
    }

    @Test
    void validatesTheBody() {
        var result =
                floor.post(com.renar.mes.shared.Role.OPERATOR, "/api/v1/scans", "{\"barcode\":\"\"}", "v-" + floor.tag);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors").asArray().hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void planningMayReadScansButNotScan() {
        var result = floor.post(
                com.renar.mes.shared.Role.PCP,
                "/api/v1/scans",
                "{\"barcode\":\"OP:%s\",\"workcenter\":\"%s\",\"processStep\":\"OPTIMIZER\"}".formatted(code, saw),
                "pcp-" + floor.tag);
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        floor.scan("audit-" + floor.tag, "two words", saw, "OPTIMIZER", sheets);
        var audit = floor.get(com.renar.mes.shared.Role.PCP, "/api/v1/scans?status=REJECTED&workcenter=" + saw);
        assertThat(audit).hasStatusOk();
        assertThat(audit).bodyJson().extractingPath("$.totalElements").isEqualTo(1);
    }

    private static String jsonString(org.springframework.test.web.servlet.assertj.MvcTestResult result, String path) {
        try {
            return com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), path);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
