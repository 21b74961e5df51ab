package com.renar.mes.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.MutableClock;
import com.renar.mes.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@MesIntegrationTest
class OrderSearchTests {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z"); // 12:00 in São Paulo

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTokens tokens;

    @Autowired
    MutableClock clock;

    /** Unique per test, so tests sharing the database never see each other's orders. */
    private String tag;

    private long itemId;
    private long cutId;
    private long cncId;

    @BeforeEach
    void plant() {
        clock.fixAt(NOW);
        tag = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        itemId = insert(
                "insert into item (code, description, type, unit) values (:c, 'Panel', 'COMPONENT', 'PC')",
                tag + "-ITEM");
        long cutStep = processStep(tag + "-CUT");
        long cncStep = processStep(tag + "-CNC");
        cutId = workcenter(tag + "-WC-CUT", "PRE_CUT", cutStep);
        cncId = workcenter(tag + "-WC-CNC", "CNC", cncStep);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long processStep(String code) {
        return insert(
                "insert into process_step (code, name, sequence) values (:c, :c,"
                        + " (select coalesce(max(sequence), 0) + 1 from process_step))",
                code);
    }

    private long workcenter(String code, String type, long stepId) {
        long id = insert(
                "insert into workcenter (code, name, type, department) values (:c, :c, '" + type + "', 'D')", code);
        jdbc.sql("update workcenter set name = :n where id = :id")
                .param("n", code + "#" + stepId)
                .param("id", id)
                .update();
        return id;
    }

    private long insert(String sql, String code) {
        return jdbc.sql(sql + " returning id")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    /** An order of 100 pieces over two steps: cutting 10 min setup + 30 s/pc, CNC 20 min setup + 60 s/pc. */
    private long order(String code, OrderStatus status, OrderType type, int priority, Instant due, String... lots) {
        long id = jdbc.sql("""
                        insert into production_order (order_code, type, status, item_id, item_code, planned_quantity,
                                                      due_at, priority, closed_at)
                        values (:code, :type, :status, :item, :itemCode, 100, :due, :priority, :closed)
                        returning id
                        """)
                .param("code", code)
                .param("type", type.name())
                .param("status", status.name())
                .param("item", itemId)
                .param("itemCode", tag + "-ITEM")
                .param("due", java.sql.Timestamp.from(due))
                .param("priority", priority)
                .param("closed", status == OrderStatus.CLOSED ? java.sql.Timestamp.from(due.plusSeconds(60)) : null)
                .query(Long.class)
                .single();
        step(id, 10, tag + "-CUT", cutId, tag + "-WC-CUT", "PRE_CUT", "10", "30");
        step(id, 20, tag + "-CNC", cncId, tag + "-WC-CNC", "CNC", "20", "60");
        for (String lot : lots) {
            jdbc.sql("insert into production_order_lot (production_order, lot_code) values (:id, :lot)")
                    .param("id", id)
                    .param("lot", lot)
                    .update();
        }
        return id;
    }

    private void step(
            long order, int seq, String stepCode, long wcId, String wcCode, String wcType, String setup, String std) {
        jdbc.sql("""
                        insert into production_order_step (production_order, sequence, process_step_id, process_step_code,
                            workcenter_id, workcenter_code, workcenter_type, setup_minutes, standard_seconds, planned_quantity)
                        values (:o, :seq, (select id from process_step where code = :step), :step, :wc, :wcCode, :wcType,
                                cast(:setup as numeric), cast(:std as numeric), 100)
                        """)
                .param("o", order)
                .param("seq", seq)
                .param("step", stepCode)
                .param("wc", wcId)
                .param("wcCode", wcCode)
                .param("wcType", wcType)
                .param("setup", setup)
                .param("std", std)
                .update();
    }

    private MvcTestResult get(String uri) {
        return mvc.get()
                .uri(uri)
                .header("Authorization", tokens.bearer(Role.OPERATOR))
                .exchange();
    }

    private MvcTestResult search(String query) {
        return get("/api/v1/ops?item=" + tag + "-ITEM" + (query.isEmpty() ? "" : "&" + query));
    }

    private List<String> codes(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        try {
            return com.jayway.jsonpath.JsonPath.read(
                    result.getResponse().getContentAsString(), "$.content[*].orderCode");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sortsByPriorityThenDueTime() {
        order(tag + "-C", OrderStatus.OPEN_NOT_STARTED, OrderType.PRODUCTION, 2, NOW.plus(Duration.ofDays(1)));
        order(tag + "-A", OrderStatus.OPEN_NOT_STARTED, OrderType.PRODUCTION, 1, NOW.plus(Duration.ofDays(3)));
        order(tag + "-B", OrderStatus.OPEN_NOT_STARTED, OrderType.PRODUCTION, 2, NOW.plus(Duration.ofHours(20)));

        assertThat(codes(search(""))).containsExactly(tag + "-A", tag + "-B", tag + "-C");
    }

    @Test
    void filtersByStatusesTypeCodeLotAndWorkcenter() {
        order(
                tag + "-OPEN",
                OrderStatus.OPEN_NOT_STARTED,
                OrderType.PRODUCTION,
                1,
                NOW.plus(Duration.ofDays(2)),
                tag + "-LOT1");
        order(
                tag + "-RUN",
                OrderStatus.IN_PROGRESS,
                OrderType.PRODUCTION,
                1,
                NOW.plus(Duration.ofDays(2)),
                tag + "-LOT2");
        order(tag + "-REP", OrderStatus.IN_PROGRESS, OrderType.REPLENISHMENT, 1, NOW.plus(Duration.ofDays(2)));
        order(tag + "-DONE", OrderStatus.CLOSED, OrderType.PRODUCTION, 1, NOW.minus(Duration.ofDays(2)));

        assertThat(codes(search("status=IN_PROGRESS,OPEN_NOT_STARTED")))
                .containsExactlyInAnyOrder(tag + "-OPEN", tag + "-RUN", tag + "-REP");
        assertThat(codes(search("status=IN_PROGRESS&status=CLOSED")))
                .containsExactlyInAnyOrder(tag + "-RUN", tag + "-REP", tag + "-DONE");
        assertThat(codes(search("type=REPLENISHMENT"))).containsExactly(tag + "-REP");
        assertThat(codes(search("code=" + tag.toLowerCase() + "-r")))
                .containsExactlyInAnyOrder(tag + "-RUN", tag + "-REP");
        assertThat(codes(search("lot=LOT2"))).containsExactly(tag + "-RUN");
        assertThat(codes(get("/api/v1/ops?workcenter=" + tag + "-WC-CNC&status=CLOSED")))
                .containsExactly(tag + "-DONE");
        assertThat(codes(search("workcenter=NOWHERE"))).isEmpty();
    }

    @Test
    void treatsPercentAndUnderscoreInCodeFilterLiterally() {
        order(tag + "-X1", OrderStatus.OPEN_NOT_STARTED, OrderType.PRODUCTION, 1, NOW.plus(Duration.ofDays(1)));
        assertThat(codes(search("code=%25"))).isEmpty();
        assertThat(codes(search("code=_"))).isEmpty();
    }

    @Test
    void filtersByDueDateRangeInPlantCalendarDays() {
        // 2026-11-26T02:30Z is still the 25th in São Paulo (UTC-3)
        order(
                tag + "-D25",
                OrderStatus.OPEN_NOT_STARTED,
                OrderType.PRODUCTION,
                1,
                Instant.parse("2026-11-26T02:30:00Z"));
        order(
                tag + "-D26",
                OrderStatus.OPEN_NOT_STARTED,
                OrderType.PRODUCTION,
                1,
                Instant.parse("2026-11-26T03:30:00Z"));

        assertThat(codes(search("dueFrom=2026-11-25&dueTo=2026-11-25"))).containsExactly(tag + "-D25");
        assertThat(codes(search("dueFrom=2026-11-26"))).containsExactly(tag + "-D26");
    }

    @Test
    void lateOnlyKeepsOpenOrdersPastDueAndOrdersClosedLate() {
        order(tag + "-PAST", OrderStatus.IN_PROGRESS, OrderType.PRODUCTION, 1, NOW.minusSeconds(1));
        order(tag + "-FUTURE", OrderStatus.IN_PROGRESS, OrderType.PRODUCTION, 1, NOW.plus(Duration.ofDays(5)));
        order(tag + "-CLOSEDLATE", OrderStatus.CLOSED, OrderType.PRODUCTION, 1, NOW.minus(Duration.ofDays(5)));

        assertThat(codes(search("lateOnly=true"))).containsExactlyInAnyOrder(tag + "-PAST", tag + "-CLOSEDLATE");
        clock.fixAt(NOW.minus(Duration.ofHours(1)));
        assertThat(codes(search("lateOnly=true"))).containsExactly(tag + "-CLOSEDLATE");
    }

    @Test
    void rowsCarryDeadlineAndVolumeComplianceFromTheFixedClock() {
        // 100 pieces: 10 min + 100 x 30 s + 20 min + 100 x 60 s = 1800 s + 9000 s = 3 h of standard time
        order(tag + "-OK", OrderStatus.OPEN_NOT_STARTED, OrderType.PRODUCTION, 1, NOW.plus(Duration.ofHours(4)));
        order(tag + "-RISK", OrderStatus.OPEN_NOT_STARTED, OrderType.PRODUCTION, 2, NOW.plus(Duration.ofHours(2)));
        order(tag + "-LATE", OrderStatus.OPEN_NOT_STARTED, OrderType.PRODUCTION, 3, NOW.minus(Duration.ofHours(2)));

        var result = search("");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.content[0].deadlineCompliance")
                .isEqualTo("ON_TIME");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.content[1].deadlineCompliance")
                .isEqualTo("AT_RISK");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.content[2].deadlineCompliance")
                .isEqualTo("LATE");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.content[0].volumeCompliancePercent")
                .isEqualTo(0.0);
        assertThat(result).bodyJson().extractingPath("$.totalElements").isEqualTo(3);
    }

    @Test
    void paginates() {
        for (int i = 0; i < 5; i++) {
            order(tag + "-P" + i, OrderStatus.OPEN_NOT_STARTED, OrderType.PRODUCTION, i, NOW.plus(Duration.ofDays(1)));
        }
        var second = search("page=1&size=2");
        assertThat(codes(second)).containsExactly(tag + "-P2", tag + "-P3");
        assertThat(second).bodyJson().extractingPath("$.totalPages").isEqualTo(3);
    }

    @Test
    void detailsShowStepsLotsAndReplenishmentLinksBothWays() {
        long original = order(
                tag + "-ORIG",
                OrderStatus.IN_PROGRESS,
                OrderType.PRODUCTION,
                1,
                NOW.plus(Duration.ofDays(1)),
                tag + "-L1");
        long replenishment = order(
                tag + "-REPL", OrderStatus.OPEN_NOT_STARTED, OrderType.REPLENISHMENT, 1, NOW.plus(Duration.ofDays(1)));
        jdbc.sql("""
                        insert into replenishment_link (original_order_id, replenishment_order_id, trigger_type, quantity,
                                                        step_sequence, loss_key)
                        values (:o, :r, 'SCRAP', 7, 20, 'test')
                        """).param("o", original).param("r", replenishment).update();

        var details = get("/api/v1/ops/" + original);
        assertThat(details).hasStatusOk();
        assertThat(details).bodyJson().extractingPath("$.order.orderCode").isEqualTo(tag + "-ORIG");
        assertThat(details).bodyJson().extractingPath("$.lots").asArray().containsExactly(tag + "-L1");
        assertThat(details).bodyJson().extractingPath("$.steps[1].sequence").isEqualTo(20);
        assertThat(details)
                .bodyJson()
                .extractingPath("$.steps[1].workcenterCode")
                .isEqualTo(tag + "-WC-CNC");
        assertThat(details).bodyJson().extractingPath("$.steps[1].state").isEqualTo("NOT_STARTED");
        assertThat(details)
                .bodyJson()
                .extractingPath("$.replenishedBy[0].orderCode")
                .isEqualTo(tag + "-REPL");
        assertThat(details)
                .bodyJson()
                .extractingPath("$.replenishedBy[0].trigger")
                .isEqualTo("SCRAP");

        var byCode = get("/api/v1/ops/by-code/" + tag + "-REPL");
        assertThat(byCode).hasStatusOk();
        assertThat(byCode).bodyJson().extractingPath("$.order.id").isEqualTo((int) replenishment);
        assertThat(byCode)
                .bodyJson()
                .extractingPath("$.replenishes[0].orderCode")
                .isEqualTo(tag + "-ORIG");
    }

    @Test
    void unknownOrderIsNotFoundProblem() {
        assertThat(get("/api/v1/ops/987654321")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/api/v1/ops/by-code/NO-SUCH-OP")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void badFiltersAreClientProblems() {
        assertThat(search("status=NOPE")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(search("dueFrom=yesterday")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(search("size=0")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(search("dueFrom=2026-11-25&dueTo=2026-11-24")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(get("/api/v1/ops/abc")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void searchNeedsAToken() {
        assertThat(mvc.get().uri("/api/v1/ops").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
