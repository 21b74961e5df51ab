package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@MesIntegrationTest
class StepCommandTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    ShopFloor floor;
    String cnc;
    String sander;
    long order;

    /** Two steps, no bill of materials (so no material checks get in the way). */
    @BeforeEach
    void plant() {
        floor = new ShopFloor(mvc, tokens, jdbc);
        String part = floor.item("PART", "COMPONENT");
        cnc = floor.workcenter("CNC", "CNC");
        sander = floor.workcenter("SND", "FINISHING");
        floor.routing(part, "CNC", cnc, "SANDING", sander);
        order = floor.order(part, 10);
    }

    private void assertConflict(org.springframework.test.web.servlet.assertj.MvcTestResult result, String detail) {
        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://mes.renar.com.br/problems/conflict");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(detail);
    }

    @Test
    void refusesIllegalTransitions() {
        assertConflict(floor.complete(order, 10), "is NOT_STARTED");
        assertConflict(floor.step(order, 10, "pause", null), "is NOT_STARTED");
        assertConflict(floor.step(order, 10, "resume", null), "is NOT_STARTED");
        assertThat(floor.start(order, 10, cnc)).hasStatusOk();
        assertConflict(floor.start(order, 10, cnc), "is IN_PROGRESS");
        assertConflict(floor.step(order, 10, "resume", null), "is IN_PROGRESS");
        assertThat(floor.step(order, 10, "pause", "{\"reason\":\"lunch\"}")).hasStatusOk();
        assertConflict(floor.step(order, 10, "pause", null), "is PAUSED");
        assertThat(floor.step(order, 10, "resume", null)).hasStatusOk();
        assertThat(floor.count(order, 10, 10)).hasStatusOk();
        assertThat(floor.complete(order, 10)).hasStatusOk();
        assertConflict(floor.complete(order, 10), "is COMPLETED");
        assertConflict(floor.count(order, 10, 1), "is COMPLETED");
        assertThat(floor.count("select count(*) from step_transition where order_id = ?", order))
                .as("start, pause, resume, complete")
                .isEqualTo(4);
    }

    @Test
    void theOrderFollowsItsSteps() {
        assertThat(floor.status(order)).isEqualTo("OPEN_NOT_STARTED");
        floor.start(order, 10, cnc);
        assertThat(floor.status(order)).isEqualTo("IN_PROGRESS");
        floor.step(order, 10, "pause", null);
        assertThat(floor.status(order)).isEqualTo("OPEN_PARTIAL");
        floor.step(order, 10, "resume", null);
        assertThat(floor.status(order)).isEqualTo("IN_PROGRESS");
        floor.count(order, 10, 10);
        floor.complete(order, 10);
        assertThat(floor.status(order)).isEqualTo("OPEN_PARTIAL");
        floor.start(order, 20, sander);
        floor.count(order, 20, 10);
        floor.complete(order, 20);
        assertThat(floor.status(order)).isEqualTo("CLOSED");
        assertThat(floor.count("select count(*) from replenishment_link where original_order_id = ?", order))
                .isZero();
        assertConflict(floor.start(order, 20, sander), "is CLOSED");
    }

    @Test
    void countsCannotStartBeforeTheStep() {
        assertConflict(floor.count(order, 10, 1), "start it before recording pieces");
    }

    @Test
    void refusesScrapAboveWhatIsStillGood() {
        floor.start(order, 10, cnc);
        floor.count(order, 10, 5);
        var result = floor.scrap(order, 10, 6, "SCR-DIM");
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("only 5 of the 5");
        assertThat(floor.count("select scrap from step_execution where order_id = ? and step_sequence = 10", order))
                .isZero();
        assertThat(floor.count("select count(*) from quality_record where order_id = ?", order))
                .isZero();
    }

    @Test
    void refusesUnknownWrongKindAndMisplacedReasonCodes() {
        floor.start(order, 10, cnc);
        floor.count(order, 10, 5);
        var unknown = floor.scrap(order, 10, 1, "NO-SUCH-REASON");
        assertThat(unknown).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(unknown).bodyJson().extractingPath("$.detail").asString().contains("does not exist");
        var reworkReason = floor.scrap(order, 10, 1, "RWK-EDGE");
        assertThat(reworkReason).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(reworkReason)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("REWORK reason");
        var paintReason = floor.scrap(order, 10, 1, "SCR-PAINT");
        assertThat(paintReason).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(paintReason).bodyJson().extractingPath("$.detail").asString().contains("does not apply at CNC");
        assertThat(floor.count("select count(*) from quality_record where order_id = ?", order))
                .isZero();
    }

    @Test
    void reworkThatComesBackGoodRaisesNoReplenishment() {
        floor.start(order, 10, cnc);
        floor.count(order, 10, 10);
        var rework = floor.step(
                order, 10, "quality", "{\"disposition\":\"REUSE\",\"reasonCode\":\"RWK-EDGE\",\"quantity\":3}");
        assertThat(rework).hasStatusOk();
        assertThat(rework).bodyJson().extractingPath("$.step.good").isEqualTo(7);
        assertThat(rework).bodyJson().extractingPath("$.step.reworkPending").isEqualTo(3);
        assertConflict(floor.complete(order, 10), "still in rework");
        var back = floor.step(order, 10, "count", "{\"source\":\"REWORK\",\"quantity\":3}");
        assertThat(back).hasStatusOk();
        assertThat(back).bodyJson().extractingPath("$.step.good").isEqualTo(10);
        assertThat(back).bodyJson().extractingPath("$.step.produced").isEqualTo(10);
        var tooMany = floor.step(order, 10, "count", "{\"source\":\"REWORK\",\"quantity\":1}");
        assertThat(tooMany).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        var complete = floor.complete(order, 10);
        assertThat(complete).hasStatusOk();
        assertThat(complete).bodyJson().extractingPath("$.released").isEqualTo(10);
        assertThat(complete).bodyJson().extractingPath("$.rework").isEqualTo(3);
        assertThat(floor.count("select count(*) from replenishment_link where original_order_id = ?", order))
                .isZero();
    }

    @Test
    void aBatchAddsEachCountIdOnce() {
        floor.start(order, 10, cnc);
        String batch = """
                {"source": "MACHINE", "increments": [
                  {"countId": "m-1", "quantity": 2}, {"countId": "m-2", "quantity": 3}, {"countId": "m-1", "quantity": 2}
                ]}""";
        var first = floor.step(order, 10, "count", batch);
        assertThat(first).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.piecesAdded").isEqualTo(5);
        assertThat(first).bodyJson().extractingPath("$.duplicates").isEqualTo(1);
        var resent = floor.step(order, 10, "count", batch);
        assertThat(resent).bodyJson().extractingPath("$.piecesAdded").isEqualTo(0);
        assertThat(resent).bodyJson().extractingPath("$.step.produced").isEqualTo(5);
        assertThat(floor.count("select produced from step_execution where order_id = ? and step_sequence = 10", order))
                .isEqualTo(5);
    }

    @Test
    void refusesACountInBothForms() {
        floor.start(order, 10, cnc);
        var result = floor.step(order, 10, "count", "{\"quantity\":1,\"increments\":[{\"quantity\":1}]}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("either quantity");
        assertThat(floor.step(order, 10, "count", "{\"quantity\":0}")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void replaysACommandRetriedWithItsKeyAndRefusesTheKeyForAnother() {
        floor.start(order, 10, cnc);
        String key = "count-" + floor.tag;
        var first = floor.step(Role.OPERATOR, order, 10, "count", "{\"quantity\":4}", key);
        var retry = floor.step(Role.OPERATOR, order, 10, "count", "{\"quantity\":4}", key);
        assertThat(retry).hasStatusOk();
        assertThat(retry).hasHeader("Idempotent-Replayed", "true");
        assertThat(retry.getResponse().getContentAsByteArray())
                .isEqualTo(first.getResponse().getContentAsByteArray());
        assertThat(floor.count("select produced from step_execution where order_id = ? and step_sequence = 10", order))
                .isEqualTo(4);
        var other = floor.step(Role.OPERATOR, order, 10, "count", "{\"quantity\":5}", key);
        assertThat(other).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(other)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://mes.renar.com.br/problems/idempotency-key-reused");
        // keys are the caller's own: the same key from someone else is another request
        var supervisor = floor.step(Role.SUPERVISOR, order, 10, "count", "{\"quantity\":1}", key);
        assertThat(supervisor).hasStatusOk();
        assertThat(supervisor).doesNotContainHeader("Idempotent-Replayed");
    }

    @Test
    void refusesADisabledWorkcenterAndOneThatDoesNotFit() {
        var wrongType = floor.start(order, 10, sander);
        assertThat(wrongType).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        jdbc.sql("update workcenter set enabled = false where code = :c")
                .param("c", cnc)
                .update();
        assertConflict(floor.start(order, 10, cnc), "disabled");
        assertThat(floor.status(order)).isEqualTo("OPEN_NOT_STARTED");
    }

    @Test
    void aStationRecordsOnBehalfOfTheOperatorItNames() {
        var result = floor.step(
                Role.SUPERVISOR,
                order,
                10,
                "start",
                "{\"workcenter\":\"%s\",\"operatorBadge\":\"1001\"}".formatted(cnc),
                null);
        assertThat(result).hasStatusOk();
        assertThat(jdbc.sql("select operator || '/' || recorded_by from step_transition where order_id = :o")
                        .param("o", order)
                        .query(String.class)
                        .single())
                .isEqualTo("operator/supervisor");
        var unknown = floor.step(Role.SUPERVISOR, order, 10, "pause", "{\"operatorBadge\":\"no-such-badge\"}", null);
        assertThat(unknown).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void planningMayNotRecordWork() {
        assertThat(floor.step(Role.PCP, order, 10, "start", "{\"workcenter\":\"" + cnc + "\"}", null))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void unknownOrdersAndStepsAreNotFound() {
        assertThat(floor.start(Long.MAX_VALUE, 10, cnc)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(floor.start(order, 99, cnc)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void missingPiecesAtCompletionAreADivergenceThatIsReplenished() {
        floor.start(order, 10, cnc);
        floor.count(order, 10, 7);
        var complete = floor.complete(order, 10);
        assertThat(complete).hasStatusOk();
        assertThat(complete)
                .bodyJson()
                .extractingPath("$.replenishments")
                .asArray()
                .hasSize(1);
        assertThat(floor.count(
                        "select quantity::bigint from replenishment_link where original_order_id = ? and trigger_type = 'DIVERGENCE'",
                        order))
                .isEqualTo(3);
        assertThat(floor.count(
                        "select count(*) from execution_discrepancy where order_id = ? and kind = 'DIVERGENCE'", order))
                .isEqualTo(1);
    }
}
