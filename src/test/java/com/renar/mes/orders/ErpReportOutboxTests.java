package com.renar.mes.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renar.mes.orders.ErpReporting.OrderCompletion;
import com.renar.mes.orders.ErpReporting.StepCompletion;
import com.renar.mes.orders.erp.ErpGateway;
import com.renar.mes.orders.erp.ErpOrderPage;
import com.renar.mes.orders.erp.ErpUnavailableException;
import com.renar.mes.orders.erp.FetchProgress;
import com.renar.mes.orders.erp.ProductionReport;
import com.renar.mes.orders.erp.ReportOutcome;
import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.MutableClock;
import com.renar.mes.support.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@MesIntegrationTest
class ErpReportOutboxTests {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    ErpReporting reporting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    private long orderId;
    private String orderCode;

    /** An ERP that answers with whatever the test scripts, and remembers what it booked. */
    static final class ScriptedErp implements ErpGateway {
        final List<Function<ProductionReport, ReportOutcome>> answers = new ArrayList<>();
        final List<ProductionReport> booked = new ArrayList<>();
        int calls;

        @Override
        public Stream<ErpOrderPage> fetchOrders(Consumer<FetchProgress> progress) {
            return Stream.empty();
        }

        @Override
        public ReportOutcome report(ProductionReport report) {
            Function<ProductionReport, ReportOutcome> answer =
                    answers.isEmpty() ? r -> new ReportOutcome.Delivered(r.reportId()) : answers.remove(0);
            calls++;
            ReportOutcome outcome = answer.apply(report);
            if (outcome instanceof ReportOutcome.Delivered) {
                booked.add(report);
            }
            return outcome;
        }

        @Override
        public String describe() {
            return "scripted";
        }
    }

    private static Function<ProductionReport, ReportOutcome> down() {
        return r -> {
            throw new ErpUnavailableException("connection refused", null);
        };
    }

    @BeforeEach
    void order() {
        clock.fixAt(T0);
        String tag = "O" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long item = jdbc.sql(
                        "insert into item (code, description, type, unit) values (:c, 'Shelf', 'WIP', 'PC') returning id")
                .param("c", tag + "-ITEM")
                .query(Long.class)
                .single();
        long step = jdbc.sql("insert into process_step (code, name, sequence) values (:c, :c,"
                        + " (select coalesce(max(sequence), 0) + 1 from process_step)) returning id")
                .param("c", tag + "-STEP")
                .query(Long.class)
                .single();
        orderCode = tag + "-OP";
        orderId = jdbc.sql("""
                        insert into production_order (order_code, type, status, item_id, item_code, planned_quantity, due_at)
                        values (:code, 'PRODUCTION', 'CLOSED', :item, :itemCode, 20, now())
                        returning id
                        """)
                .param("code", orderCode)
                .param("item", item)
                .param("itemCode", tag + "-ITEM")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into production_order_step (production_order, sequence, process_step_id, process_step_code,
                            workcenter_type, setup_minutes, standard_seconds, planned_quantity)
                        values (:o, 10, :s, :code, 'CNC', 0, 1, 20)
                        """)
                .param("o", orderId)
                .param("s", step)
                .param("code", tag + "-STEP")
                .update();
        jdbc.sql("insert into production_order_lot (production_order, lot_code) values (:o, :l)")
                .param("o", orderId)
                .param("l", tag + "-LOT")
                .update();
        // reports of other tests must not be sent by this test's dispatcher
        jdbc.sql("update erp_report_outbox set status = 'DELIVERED' where status = 'PENDING'")
                .update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void completeOrder() {
        transactions.executeWithoutResult(tx -> reporting.orderCompleted(new OrderCompletion(
                orderId, new BigDecimal("18"), new BigDecimal("2"), BigDecimal.ZERO, T0.minusSeconds(3600), T0)));
    }

    private String status() {
        return jdbc.sql("select status from erp_report_outbox where report_id = :id")
                .param("id", orderCode + ":order")
                .query(String.class)
                .single();
    }

    private ErpReportDispatcher dispatcher(ErpGateway erp) {
        return new ErpReportDispatcher(erp, jdbc, json, clock, 50);
    }

    @Test
    void queuesOneReportPerCompletionEvenWhenReportedTwice() {
        completeOrder();
        completeOrder();
        transactions.executeWithoutResult(tx -> reporting.stepCompleted(new StepCompletion(
                orderId, 10, "CNC-01", new BigDecimal("18"), new BigDecimal("2"), BigDecimal.ZERO, T0, T0)));

        assertThat(jdbc.sql("select report_id from erp_report_outbox where order_id = :o order by report_id")
                        .param("o", orderId)
                        .query(String.class)
                        .list())
                .containsExactly(orderCode + ":order", orderCode + ":step:10");
        assertThat(status()).isEqualTo("PENDING");
    }

    @Test
    void refusesToQueueOutsideTheCompletionTransaction() {
        assertThatThrownBy(() -> reporting.orderCompleted(
                        new OrderCompletion(orderId, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, T0, T0)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void survivesAnErpOutageAndIsDeliveredOnceWhenTheErpReturns() {
        completeOrder();
        ScriptedErp erp = new ScriptedErp();
        erp.answers.add(down());
        erp.answers.add(down());
        ErpReportDispatcher dispatcher = dispatcher(erp);

        assertThat(dispatcher.dispatchDue()).isZero(); // ERP down: attempt 1
        assertThat(status()).isEqualTo("PENDING");
        assertThat(dispatcher.dispatchDue()).isZero(); // backing off: not due, not sent
        assertThat(erp.calls).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        assertThat(dispatcher.dispatchDue()).isZero(); // still down: attempt 2, backoff doubles to 60 s
        clock.advance(Duration.ofSeconds(31));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(erp.calls).isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1); // the ERP is back
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(dispatcher.dispatchDue()).isZero();

        assertThat(status()).isEqualTo("DELIVERED");
        assertThat(erp.booked).singleElement().satisfies(report -> {
            assertThat(report.reportId()).isEqualTo(orderCode + ":order");
            assertThat(report.goodQuantity()).isEqualByComparingTo("18");
            assertThat(report.scrapQuantity()).isEqualByComparingTo("2");
            assertThat(report.lots()).containsExactly(orderCode.replace("-OP", "-LOT"));
        });
    }

    @Test
    void aReportTheErpAlreadyHadCountsAsDelivered() {
        completeOrder();
        ScriptedErp erp = new ScriptedErp();
        erp.answers.add(r -> new ReportOutcome.AlreadyDelivered(r.reportId()));
        assertThat(dispatcher(erp).dispatchDue()).isEqualTo(1);
        assertThat(status()).isEqualTo("DELIVERED");
    }

    @Test
    void refusedReportIsFailedVisibleAndCanBeRetried() {
        completeOrder();
        ScriptedErp erp = new ScriptedErp();
        erp.answers.add(r -> new ReportOutcome.Refused(r.reportId(), "unknown order"));
        dispatcher(erp).dispatchDue();
        assertThat(status()).isEqualTo("FAILED");

        var failed = mvc.get()
                .uri("/api/v1/erp/reports?status=FAILED&size=500")
                .header("Authorization", tokens.bearer(Role.PCP))
                .exchange();
        assertThat(failed).hasStatusOk();
        assertThat(failed)
                .bodyJson()
                .extractingPath("$.content[?(@.reportId == '" + orderCode + ":order')].lastError")
                .asArray()
                .containsExactly("refused by the ERP: unknown order");

        var retry = mvc.post()
                .uri("/api/v1/erp/reports/" + orderCode + ":order/retry")
                .header("Authorization", tokens.bearer(Role.PCP))
                .exchange();
        assertThat(retry).hasStatusOk();
        assertThat(status()).isEqualTo("PENDING");
        assertThat(mvc.post()
                        .uri("/api/v1/erp/reports/" + orderCode + ":order/retry")
                        .header("Authorization", tokens.bearer(Role.PCP))
                        .exchange())
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(dispatcher(erp).dispatchDue()).isEqualTo(1);
        assertThat(status()).isEqualTo("DELIVERED");
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToAnHour() {
        assertThat(ErpReportDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ErpReportDispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ErpReportDispatcher.backoff(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(ErpReportDispatcher.backoff(50)).isEqualTo(Duration.ofHours(1));
    }
}
