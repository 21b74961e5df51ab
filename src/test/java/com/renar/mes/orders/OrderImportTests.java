package com.renar.mes.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.orders.ImportCandidate.RoutingStep;
import com.renar.mes.orders.ImportOutcome.Created;
import com.renar.mes.orders.ImportOutcome.DiscrepancyRecorded;
import com.renar.mes.orders.ImportOutcome.Rejected;
import com.renar.mes.orders.ImportOutcome.Unchanged;
import com.renar.mes.orders.ImportOutcome.Updated;
import com.renar.mes.support.MesIntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@MesIntegrationTest
@RecordApplicationEvents
class OrderImportTests {

    private static final Instant DUE = Instant.parse("2026-12-10T20:00:00Z");

    @Autowired
    OrderImport importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private String tag;
    private long routingId;

    @BeforeEach
    void catalog() {
        tag = "I" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long item = id(
                "insert into item (code, description, type, unit) values (:c, 'Wardrobe', 'FINISHED_GOOD', 'PC')",
                tag + "-WARDROBE");
        id(
                "insert into item (code, description, type, unit) values (:c, 'Loose', 'COMPONENT', 'PC')",
                tag + "-NOROUTE");
        long cut = id(
                "insert into process_step (code, name, sequence) values (:c, :c,"
                        + " (select coalesce(max(sequence), 0) + 1 from process_step))",
                tag + "-CUT");
        long pack = id(
                "insert into process_step (code, name, sequence) values (:c, :c,"
                        + " (select coalesce(max(sequence), 0) + 1 from process_step))",
                tag + "-PACK");
        long saw = id(
                "insert into workcenter (code, name, type, department) values (:c, 'Saw', 'PRE_CUT', 'CUT')",
                tag + "-SAW");
        long line = id(
                "insert into workcenter (code, name, type, department) values (:c, 'Line', 'PACKAGING', 'SHIP')",
                tag + "-LINE");
        routingId = jdbc.sql("insert into routing (item_id, routing_version) values (:i, 1) returning id")
                .param("i", item)
                .query(Long.class)
                .single();
        routingStep(1, 10, cut, saw, "15", "42.5");
        routingStep(2, 20, pack, line, "5", "30");
    }

    private void routingStep(int key, int seq, long step, long wc, String setup, String std) {
        jdbc.sql("""
                        insert into routing_step (routing_id, routing_key, sequence, process_step_id, workcenter_id,
                                                  setup_minutes, standard_seconds)
                        values (:r, :k, :s, :p, :w, cast(:setup as numeric), cast(:std as numeric))
                        """)
                .param("r", routingId)
                .param("k", key)
                .param("s", seq)
                .param("p", step)
                .param("w", wc)
                .param("setup", setup)
                .param("std", std)
                .update();
    }

    private long id(String sql, String code) {
        return jdbc.sql(sql + " returning id")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private ImportCandidate order(String suffix, String quantity, Instant due, int priority, List<String> lots) {
        return new ImportCandidate(
                tag + "-" + suffix,
                OrderType.PRODUCTION,
                tag + "-WARDROBE",
                new BigDecimal(quantity),
                due,
                priority,
                lots,
                List.of(),
                false,
                null);
    }

    private Map<String, Object> row(String code) {
        return jdbc.sql("select * from production_order where order_code = :c")
                .param("c", code)
                .query()
                .singleRow();
    }

    private void start(String code) {
        jdbc.sql("update production_order set status = 'IN_PROGRESS' where order_code = :c")
                .param("c", code)
                .update();
    }

    @Test
    void createsOrderWithRoutingSnapshotAndPublishesItOnce() {
        ImportOutcome outcome = importer.importOrder(order("OP1", "120", DUE, 2, List.of(tag + "-L1", tag + "-L2")));

        assertThat(outcome).isInstanceOf(Created.class);
        var order = row(tag + "-OP1");
        assertThat(order).containsEntry("status", "OPEN_NOT_STARTED").containsEntry("type", "PRODUCTION");
        assertThat((BigDecimal) order.get("planned_quantity")).isEqualByComparingTo("120");
        var steps = jdbc.sql("select * from production_order_step where production_order = :o order by sequence")
                .param("o", order.get("id"))
                .query()
                .listOfRows();
        assertThat(steps).extracting(s -> s.get("workcenter_code")).containsExactly(tag + "-SAW", tag + "-LINE");
        assertThat((BigDecimal) steps.get(0).get("standard_seconds")).isEqualByComparingTo("42.5");
        assertThat(events.stream(OrderImportedFromErp.class)).singleElement().satisfies(e -> {
            assertThat(e.orderCode()).isEqualTo(tag + "-OP1");
            assertThat(e.routing())
                    .extracting(OrderImportedFromErp.Step::sequence)
                    .containsExactly(10, 20);
            assertThat(e.lots()).containsExactly(tag + "-L1", tag + "-L2");
        });
        assertThat(jdbc.sql("select event_type from event_log where order_id = :o")
                        .param("o", order.get("id"))
                        .query(String.class)
                        .list())
                .containsExactly("OP_IMPORTED_FROM_ERP");
    }

    @Test
    void reimportingTheSameDataChangesNothing() {
        importer.importOrder(order("OP2", "10", DUE, 1, List.of(tag + "-A", tag + "-B")));
        var before = row(tag + "-OP2");

        // same data, differently formatted: trailing zeros, lots in another order
        ImportOutcome again = importer.importOrder(order("OP2", "10.000", DUE, 1, List.of(tag + "-B", tag + "-A")));

        assertThat(again).isInstanceOf(Unchanged.class);
        assertThat(row(tag + "-OP2")).isEqualTo(before);
        assertThat(events.stream(OrderImportedFromErp.class)).hasSize(1);
    }

    @Test
    void concurrentImportsOfTheSameOrderMakeOneOrder() throws Exception {
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ImportOutcome>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return importer.importOrder(order("RACE", "5", DUE, 1, List.of(tag + "-R")));
                }));
            }
            start.countDown();
            List<ImportOutcome> outcomes = new ArrayList<>();
            for (Future<ImportOutcome> f : futures) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(Created.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(Unchanged.class::isInstance).hasSize(clients - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from production_order where order_code = :c")
                        .param("c", tag + "-RACE")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void appliesErpChangesWhileTheOrderHasNotStarted() {
        importer.importOrder(order("OP3", "10", DUE, 5, List.of(tag + "-X")));

        Instant later = DUE.plusSeconds(86_400);
        ImportOutcome outcome = importer.importOrder(order("OP3", "12.5", later, 1, List.of(tag + "-X", tag + "-Y")));

        assertThat(outcome).isInstanceOf(Updated.class);
        var order = row(tag + "-OP3");
        assertThat((BigDecimal) order.get("planned_quantity")).isEqualByComparingTo("12.5");
        assertThat(order).containsEntry("priority", 1);
        assertThat(((java.sql.Timestamp) order.get("due_at")).toInstant()).isEqualTo(later);
        assertThat(jdbc.sql("select planned_quantity from production_order_step where production_order = :o")
                        .param("o", order.get("id"))
                        .query(BigDecimal.class)
                        .list())
                .allSatisfy(q -> assertThat(q).isEqualByComparingTo("12.5"));
        assertThat(jdbc.sql("select count(*) from production_order_lot where production_order = :o")
                        .param("o", order.get("id"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void cancellationBeforeStartCancelsTheOrder() {
        importer.importOrder(order("OP4", "10", DUE, 5, List.of()));
        ImportOutcome outcome = importer.importOrder(new ImportCandidate(
                tag + "-OP4",
                OrderType.PRODUCTION,
                tag + "-WARDROBE",
                BigDecimal.TEN,
                DUE,
                5,
                List.of(),
                List.of(),
                true,
                null));
        assertThat(outcome).isInstanceOf(Updated.class);
        assertThat(row(tag + "-OP4")).containsEntry("status", "CANCELLED");
    }

    @Test
    void changesAfterStartBecomeDiscrepanciesAndAreNotApplied() {
        importer.importOrder(order("OP5", "10", DUE, 5, List.of()));
        start(tag + "-OP5");
        var before = row(tag + "-OP5");

        ImportOutcome outcome = importer.importOrder(order("OP5", "15", DUE, 2, List.of()));
        ImportOutcome repeated = importer.importOrder(order("OP5", "15", DUE, 2, List.of()));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        DiscrepancyRecorded.class, d -> assertThat(d.fields()).containsExactly("quantity", "priority"));
        assertThat(repeated).isInstanceOf(Unchanged.class);
        var after = row(tag + "-OP5");
        assertThat((BigDecimal) after.get("planned_quantity")).isEqualByComparingTo("10");
        assertThat(after.get("priority")).isEqualTo(before.get("priority"));
        var discrepancies = jdbc.sql("select field, mes_value, erp_value, status from order_discrepancy"
                        + " where order_id = :o order by field")
                .param("o", before.get("id"))
                .query()
                .listOfRows();
        assertThat(discrepancies).hasSize(2);
        assertThat(discrepancies.get(1))
                .containsEntry("field", "quantity")
                .containsEntry("mes_value", "10")
                .containsEntry("erp_value", "15")
                .containsEntry("status", "OPEN");
    }

    @Test
    void rejectsUnknownItemMissingRoutingAndTakenLotsChangingNothing() {
        importer.importOrder(order("OWNER", "1", DUE, 1, List.of(tag + "-TAKEN")));

        ImportOutcome unknownItem = importer.importOrder(new ImportCandidate(
                tag + "-U",
                OrderType.PRODUCTION,
                "NO-SUCH-ITEM",
                BigDecimal.ONE,
                DUE,
                1,
                List.of(),
                List.of(),
                false,
                null));
        ImportOutcome noRouting = importer.importOrder(new ImportCandidate(
                tag + "-N",
                OrderType.PRODUCTION,
                tag + "-NOROUTE",
                BigDecimal.ONE,
                DUE,
                1,
                List.of(),
                List.of(),
                false,
                null));
        ImportOutcome takenLot = importer.importOrder(order("T", "1", DUE, 1, List.of(tag + "-TAKEN")));
        ImportOutcome tooPrecise = importer.importOrder(order("P", "1.00001", DUE, 1, List.of()));

        assertThat(unknownItem)
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).contains("unknown item"));
        assertThat(noRouting)
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.reason()).contains("no active routing"));
        assertThat(takenLot)
                .isInstanceOfSatisfying(
                        Rejected.class,
                        r -> assertThat(r.reason()).contains("already belongs to order " + tag + "-OWNER"));
        assertThat(tooPrecise).isInstanceOf(Rejected.class);
        assertThat(jdbc.sql("select count(*) from production_order where order_code in (:c)")
                        .param("c", List.of(tag + "-U", tag + "-N", tag + "-T", tag + "-P"))
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void routingOverrideReplacesTheActiveRouting() {
        ImportOutcome outcome = importer.importOrder(new ImportCandidate(
                tag + "-OV",
                OrderType.PRODUCTION,
                tag + "-WARDROBE",
                BigDecimal.ONE,
                DUE,
                1,
                List.of(),
                List.of(new RoutingStep(5, tag + "-PACK", null, "PACKAGING", BigDecimal.ZERO, new BigDecimal("12"))),
                false,
                null));
        assertThat(outcome).isInstanceOf(Created.class);
        var steps = jdbc.sql("select sequence, workcenter_code, workcenter_type from production_order_step"
                        + " where production_order = :o")
                .param("o", row(tag + "-OV").get("id"))
                .query()
                .listOfRows();
        assertThat(steps)
                .singleElement()
                .satisfies(
                        s -> assertThat(s).containsEntry("sequence", 5).containsEntry("workcenter_type", "PACKAGING"));

        ImportOutcome badStep = importer.importOrder(new ImportCandidate(
                tag + "-OV2",
                OrderType.PRODUCTION,
                tag + "-WARDROBE",
                BigDecimal.ONE,
                DUE,
                1,
                List.of(),
                List.of(new RoutingStep(5, "NOPE", null, "PACKAGING", BigDecimal.ZERO, BigDecimal.ONE)),
                false,
                null));
        assertThat(badStep).isInstanceOf(Rejected.class);
    }

    @Test
    void laterRoutingEditsNeverRewriteAnImportedOrder() {
        importer.importOrder(order("SNAP", "3", DUE, 1, List.of()));
        jdbc.sql("update routing_step set standard_seconds = 999 where routing_id = :r")
                .param("r", routingId)
                .update();

        assertThat(jdbc.sql("select standard_seconds from production_order_step s join production_order o"
                                + " on o.id = s.production_order where o.order_code = :c order by sequence")
                        .param("c", tag + "-SNAP")
                        .query(BigDecimal.class)
                        .list())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("42.5"), new BigDecimal("30"));
    }
}
