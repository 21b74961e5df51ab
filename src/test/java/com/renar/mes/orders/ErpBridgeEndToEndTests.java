package com.renar.mes.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.orders.ErpReporting.OrderCompletion;
import com.renar.mes.orders.erp.FakeErp;
import com.renar.mes.orders.erp.FakeErp.Request;
import com.renar.mes.orders.erp.FakeErp.Response;
import com.renar.mes.shared.Role;
import com.renar.mes.support.MutableClock;
import com.renar.mes.support.TestTokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ERP bridge end to end, with the real REST adapter talking HTTP to a stand-in ERP: orders come in through a
 * pull, a completion goes out through the outbox, and an ERP outage in between loses and duplicates nothing.
 * Its own application context (the ERP is enabled here); schedules are pushed far out so the test drives them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestTokens.class, com.renar.mes.support.TestClockConfiguration.class})
class ErpBridgeEndToEndTests {

    private static final FakeErp ERP = startErp();
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static FakeErp startErp() {
        try {
            return new FakeErp();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void erp(DynamicPropertyRegistry registry) {
        registry.add("mes.erp.enabled", () -> "true");
        registry.add("mes.erp.type", () -> "rest");
        registry.add("mes.erp.rest.base-url", ERP::baseUrl);
        registry.add("mes.erp.rest.api-key", () -> "e2e-key");
        registry.add("mes.erp.rest.retry.attempts", () -> "1");
        registry.add("mes.erp.sync-cron", () -> "0 0 0 1 1 *");
        registry.add("mes.erp.report-interval", () -> "1h");
    }

    @AfterAll
    static void stopErp() {
        ERP.close();
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ErpReporting reporting;

    @Autowired
    ErpSchedules schedules;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void catalog() {
        long item = jdbc.sql(
                        "insert into item (code, description, type, unit) values ('E2E-BED', 'Bed', 'FINISHED_GOOD',"
                                + " 'PC') returning id")
                .query(Long.class)
                .single();
        long step = jdbc.sql("insert into process_step (code, name, sequence) values ('E2E-PACK', 'Pack',"
                        + " (select coalesce(max(sequence), 0) + 1 from process_step)) returning id")
                .query(Long.class)
                .single();
        long line = jdbc.sql("insert into workcenter (code, name, type, department) values ('E2E-LINE', 'Line',"
                        + " 'PACKAGING', 'SHIP') returning id")
                .query(Long.class)
                .single();
        long routing = jdbc.sql("insert into routing (item_id, routing_version) values (:i, 1) returning id")
                .param("i", item)
                .query(Long.class)
                .single();
        jdbc.sql("insert into routing_step (routing_id, routing_key, sequence, process_step_id, workcenter_id,"
                        + " setup_minutes, standard_seconds) values (:r, 0, 10, :p, :w, 5, 60)")
                .param("r", routing)
                .param("p", step)
                .param("w", line)
                .update();
    }

    @Test
    void ordersComeInByPullAndTheCompletionGoesOutOnceDespiteAnOutage() {
        catalog();
        List<Request> reports = new CopyOnWriteArrayList<>();
        int[] reportAnswers = {503, 503, 201};
        ERP.answer(request -> {
            if (request.method().equals("GET")) {
                return Response.json(200, """
                        {"orders": [
                          {"orderCode": "E2E-OP1", "itemCode": "E2E-BED", "quantity": 8, "dueDate": "2026-12-01",
                           "lots": ["E2E-L1"]},
                          {"orderCode": "E2E-OP2", "itemCode": "E2E-BED", "quantity": "2.5", "dueDate": "2026-12-02"}
                        ], "page": 0, "totalPages": 1}""");
            }
            reports.add(request);
            return Response.status(reportAnswers[Math.min(reports.size() - 1, reportAnswers.length - 1)]);
        });

        var first = mvc.post()
                .uri("/api/v1/erp/sync")
                .header("Authorization", tokens.bearer(Role.PCP))
                .exchange();
        var second = mvc.post()
                .uri("/api/v1/erp/sync")
                .header("Authorization", tokens.bearer(Role.PCP))
                .exchange();

        assertThat(first).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.created").isEqualTo(2);
        assertThat(second).bodyJson().extractingPath("$.created").isEqualTo(0);
        assertThat(second).bodyJson().extractingPath("$.unchanged").isEqualTo(2);

        long orderId = jdbc.sql("select id from production_order where order_code = 'E2E-OP1'")
                .query(Long.class)
                .single();
        clock.fixAt(T0);
        transactions.executeWithoutResult(tx -> reporting.orderCompleted(new OrderCompletion(
                orderId, new BigDecimal("8"), BigDecimal.ZERO, BigDecimal.ZERO, T0.minusSeconds(7200), T0)));

        schedules.deliverReports(); // ERP answers 503
        clock.advance(Duration.ofSeconds(31));
        schedules.deliverReports(); // 503 again
        clock.advance(Duration.ofSeconds(61));
        schedules.deliverReports(); // 201: booked
        clock.advance(Duration.ofHours(2));
        schedules.deliverReports(); // nothing left to send

        assertThat(reports).hasSize(3);
        assertThat(reports).allSatisfy(r -> {
            assertThat(r.path()).endsWith("/production-reports");
            assertThat(r.header("Idempotency-Key")).isEqualTo("E2E-OP1:order");
            assertThat(r.header("X-API-Key")).isEqualTo("e2e-key");
        });
        assertThat(jdbc.sql("select status from erp_report_outbox where report_id = 'E2E-OP1:order'")
                        .query(String.class)
                        .single())
                .isEqualTo("DELIVERED");
    }
}
