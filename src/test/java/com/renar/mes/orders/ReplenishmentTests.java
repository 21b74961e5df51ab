package com.renar.mes.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.orders.Replenishments.Replenishment;
import com.renar.mes.orders.Replenishments.ReplenishmentRequest;
import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@MesIntegrationTest
@RecordApplicationEvents
class ReplenishmentTests {

    @Autowired
    Replenishments replenishments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    ApplicationEvents events;

    private long orderId;
    private String orderCode;

    @BeforeEach
    void order() {
        String tag = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long item = jdbc.sql(
                        "insert into item (code, description, type, unit) values (:c, 'Drawer', 'WIP', 'PC') returning id")
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
                        insert into production_order (order_code, type, status, item_id, item_code, planned_quantity, due_at, priority)
                        values (:code, 'PRODUCTION', 'IN_PROGRESS', :item, :itemCode, 50, now() + interval '2 days', 3)
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
                        values (:o, 10, :s, :code, 'CNC', 5, 40, 50)
                        """)
                .param("o", orderId)
                .param("s", step)
                .param("code", tag + "-STEP")
                .update();
    }

    private ReplenishmentRequest scrap(String key, String quantity) {
        return new ReplenishmentRequest(orderId, ReplenishmentTrigger.SCRAP, new BigDecimal(quantity), 10, key);
    }

    @Test
    void makesAReplenishmentOrderCopyingTheRoutingWithTheShortfall() {
        Replenishment made = replenishments.replenish(scrap("quality-1", "7"));

        assertThat(made.created()).isTrue();
        assertThat(made.orderCode()).isEqualTo(orderCode + "-R1");
        var row = jdbc.sql("select type, status, planned_quantity, priority from production_order where id = :id")
                .param("id", made.orderId())
                .query()
                .singleRow();
        assertThat(row).containsEntry("type", "REPLENISHMENT").containsEntry("status", "OPEN_NOT_STARTED");
        assertThat((BigDecimal) row.get("planned_quantity")).isEqualByComparingTo("7");
        assertThat(jdbc.sql("select planned_quantity from production_order_step where production_order = :id")
                        .param("id", made.orderId())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("7");
        assertThat(events.stream(ReplenishmentOrderCreated.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.originalOrderCode()).isEqualTo(orderCode);
                    assertThat(e.trigger()).isEqualTo(ReplenishmentTrigger.SCRAP);
                    assertThat(e.eventId()).isNotNull();
                });
    }

    @Test
    void theSameLossNeverMakesTwoOrdersEvenUnderConcurrency() throws Exception {
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Replenishment>> calls = java.util.stream.IntStream.range(0, clients)
                    .<Callable<Replenishment>>mapToObj(i -> () -> {
                        start.await();
                        return replenishments.replenish(scrap("quality-42", "5"));
                    })
                    .toList();
            List<Future<Replenishment>> futures =
                    calls.stream().map(pool::submit).toList();
            start.countDown();
            List<Replenishment> results = new java.util.ArrayList<>();
            for (Future<Replenishment> f : futures) {
                results.add(f.get());
            }
            assertThat(results)
                    .extracting(Replenishment::orderId)
                    .containsOnly(results.get(0).orderId());
            assertThat(results).filteredOn(Replenishment::created).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from replenishment_link where original_order_id = :id")
                        .param("id", orderId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(events.stream(ReplenishmentOrderCreated.class)).hasSize(1);
        assertThat(jdbc.sql(
                                "select count(*) from event_log where order_id = :o and event_type = 'REPLENISHMENT_OP_CREATED'")
                        .param("o", orderId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void differentLossesMakeDifferentOrders() {
        Replenishment first = replenishments.replenish(scrap("q-1", "2"));
        Replenishment second = replenishments.replenish(scrap("q-2", "3"));
        assertThat(second.orderId()).isNotEqualTo(first.orderId());
        assertThat(second.orderCode()).isEqualTo(orderCode + "-R2");
    }

    @Test
    void planningRaisesOneByHandAndARetryReturnsTheSameOrder() {
        String body = "{\"trigger\":\"SHORTAGE\",\"quantity\":4,\"reference\":\"analysis-7\"}";
        var first = mvc.post()
                .uri("/api/v1/ops/" + orderId + "/replenishments")
                .header("Authorization", tokens.bearer(Role.PCP))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        var retry = mvc.post()
                .uri("/api/v1/ops/" + orderId + "/replenishments")
                .header("Authorization", tokens.bearer(Role.PCP))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(retry).hasStatusOk();
        assertThat(retry).bodyJson().extractingPath("$.orderCode").isEqualTo(orderCode + "-R1");
    }

    @Test
    void operatorMayNotRaiseOneAndBadInputChangesNothing() {
        var operator = mvc.post()
                .uri("/api/v1/ops/" + orderId + "/replenishments")
                .header("Authorization", tokens.bearer(Role.OPERATOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"trigger\":\"SCRAP\",\"quantity\":4,\"reference\":\"x\"}")
                .exchange();
        var negative = mvc.post()
                .uri("/api/v1/ops/" + orderId + "/replenishments")
                .header("Authorization", tokens.bearer(Role.PCP))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"trigger\":\"SCRAP\",\"quantity\":-4,\"reference\":\"x\"}")
                .exchange();
        var unknownStep = mvc.post()
                .uri("/api/v1/ops/" + orderId + "/replenishments")
                .header("Authorization", tokens.bearer(Role.PCP))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"trigger\":\"SCRAP\",\"quantity\":4,\"stepSequence\":99,\"reference\":\"x\"}")
                .exchange();
        var unknownOrder = mvc.post()
                .uri("/api/v1/ops/987654321/replenishments")
                .header("Authorization", tokens.bearer(Role.PCP))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"trigger\":\"SCRAP\",\"quantity\":4,\"reference\":\"x\"}")
                .exchange();
        assertThat(operator).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(negative).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(unknownStep).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(unknownOrder).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("select count(*) from replenishment_link where original_order_id = :id")
                        .param("id", orderId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
