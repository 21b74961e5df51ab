package com.renar.mes.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renar.mes.orders.erp.ErpGateway;
import com.renar.mes.orders.erp.ErpOrderPage;
import com.renar.mes.orders.erp.ErpOrderParser;
import com.renar.mes.orders.erp.FetchProgress;
import com.renar.mes.orders.erp.ProductionReport;
import com.renar.mes.orders.erp.ReportOutcome;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.ProblemType;
import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@MesIntegrationTest
class ErpSyncTests {

    private static final ZoneId PLANT = ZoneId.of("America/Sao_Paulo");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderImport importer;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    private String tag;

    @BeforeEach
    void itemWithRouting() {
        tag = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long item = jdbc.sql(
                        "insert into item (code, description, type, unit) values (:c, 'Desk', 'FINISHED_GOOD', 'PC')"
                                + " returning id")
                .param("c", tag + "-DESK")
                .query(Long.class)
                .single();
        long step = jdbc.sql("insert into process_step (code, name, sequence) values (:c, :c,"
                        + " (select coalesce(max(sequence), 0) + 1 from process_step)) returning id")
                .param("c", tag + "-CUT")
                .query(Long.class)
                .single();
        long wc = jdbc.sql("insert into workcenter (code, name, type, department) values (:c, 'Saw', 'PRE_CUT', 'CUT')"
                        + " returning id")
                .param("c", tag + "-SAW")
                .query(Long.class)
                .single();
        long routing = jdbc.sql("insert into routing (item_id, routing_version) values (:i, 1) returning id")
                .param("i", item)
                .query(Long.class)
                .single();
        jdbc.sql("insert into routing_step (routing_id, routing_key, sequence, process_step_id, workcenter_id,"
                        + " setup_minutes, standard_seconds) values (:r, 0, 10, :p, :w, 10, 20)")
                .param("r", routing)
                .param("p", step)
                .param("w", wc)
                .update();
    }

    private String pushBody() {
        return """
                {"orders": [
                  {"orderCode": "%1$s-OP1", "itemCode": "%1$s-DESK", "quantity": 40, "dueDate": "2026-12-05",
                   "priority": 2, "lots": ["%1$s-L1"]},
                  {"orderCode": "%1$s-OP2", "itemCode": "%1$s-DESK", "quantity": 0, "dueDate": "2026-12-05"},
                  {"orderCode": "%1$s-OP3", "itemCode": "NO-SUCH-ITEM", "quantity": 5, "dueDate": "2026-12-05"},
                  {"orderCode": "%1$s-OP4", "itemCode": "%1$s-DESK", "quantity": "7.5", "dueDate": "2026-12-06T10:00:00-03:00"}
                ]}
                """.formatted(tag);
    }

    private MvcTestResult push(String body, Role role) {
        return mvc.post()
                .uri("/api/v1/erp/orders")
                .header("Authorization", tokens.bearer(role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void pushImportsGoodRecordsAndRejectsBadOnesOneByOne() {
        var result = push(pushBody(), Role.PCP);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.created").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.rejected").asArray().hasSize(2);
        assertThat(result).bodyJson().extractingPath("$.rejected[0].orderCode").isEqualTo(tag + "-OP2");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[0].reason")
                .asString()
                .contains("quantity");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[1].reason")
                .asString()
                .contains("unknown item");
        // a day is due at the end of that day in the plant's zone
        assertThat(jdbc.sql("select due_at from production_order where order_code = :c")
                        .param("c", tag + "-OP1")
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(java.time.LocalDate.parse("2026-12-06")
                        .atStartOfDay(PLANT)
                        .toInstant());
    }

    @Test
    void pushingTheSameBatchAgainChangesNothing() {
        push(pushBody(), Role.PCP);
        var again = push(pushBody(), Role.MANAGER);

        assertThat(again).bodyJson().extractingPath("$.created").isEqualTo(0);
        assertThat(again).bodyJson().extractingPath("$.unchanged").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from production_order where order_code like :p")
                        .param("p", tag + "-%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void malformedPushesAreClientProblemsAndChangeNothing() {
        assertThat(push("{\"orders\": 5}", Role.PCP)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(push("{\"orders\": [", Role.PCP)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(push("[]", Role.PCP)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(push(pushBody(), Role.OPERATOR)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select count(*) from production_order where order_code like :p")
                        .param("p", tag + "-%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void pullWithoutAConfiguredErpIsServiceUnavailable() {
        var result = mvc.post()
                .uri("/api/v1/erp/sync")
                .header("Authorization", tokens.bearer(Role.PCP))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("ERP_ENABLED");
    }

    /** An ERP whose pages are fixed JSON records, parsed by the real parser. */
    private ErpGateway erpWith(List<Map<String, Object>> records) {
        ErpOrderParser.Batch batch = new ErpOrderParser(PLANT).newBatch();
        List<com.renar.mes.orders.erp.ErpRecordOutcome> parsed =
                records.stream().map(batch::parse).toList();
        return new ErpGateway() {
            @Override
            public Stream<ErpOrderPage> fetchOrders(Consumer<FetchProgress> progress) {
                progress.accept(new FetchProgress(1, OptionalInt.of(1), parsed.size(), 0));
                return Stream.of(new ErpOrderPage(0, OptionalInt.of(1), parsed));
            }

            @Override
            public ReportOutcome report(ProductionReport report) {
                return new ReportOutcome.Delivered(report.reportId());
            }

            @Override
            public String describe() {
                return "test ERP";
            }
        };
    }

    private ErpSync syncWith(ErpGateway erp) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("erp", erp));
        return new ErpSync(importer, beans.getBeanProvider(ErpGateway.class), dataSource, PLANT, clock);
    }

    @Test
    void pullImportsWhatTheErpListsAndSummarisesIt() {
        ErpSync sync = syncWith(erpWith(List.of(
                Map.of("orderCode", tag + "-P1", "itemCode", tag + "-DESK", "quantity", "3", "dueDate", "2026-12-01"),
                Map.of(
                        "orderCode",
                        tag + "-P2",
                        "itemCode",
                        tag + "-DESK",
                        "quantity",
                        "x",
                        "dueDate",
                        "2026-12-01"))));

        SyncSummary first = sync.pull();
        SyncSummary second = sync.pull();

        assertThat(first.source()).isEqualTo("test ERP");
        assertThat(first.created()).isEqualTo(1);
        assertThat(first.rejected()).singleElement().satisfies(r -> {
            assertThat(r.orderCode()).isEqualTo(tag + "-P2");
            assertThat(r.position()).isEqualTo(2);
        });
        assertThat(second.created()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
    }

    @Test
    void onlyOnePullRunsAtATimeAcrossInstances() throws Exception {
        ErpSync sync = syncWith(erpWith(List.of()));
        try (Connection otherInstance = dataSource.getConnection();
                PreparedStatement lock = otherInstance.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, ErpSync.SYNC_LOCK_KEY);
            lock.execute();
            assertThatThrownBy(sync::pull)
                    .isInstanceOfSatisfying(
                            MesProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
            try (PreparedStatement unlock = otherInstance.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, ErpSync.SYNC_LOCK_KEY);
                unlock.execute();
            }
        }
        assertThat(sync.pull().created()).isZero();
    }

    @Test
    void theErpSyncJobExitsNonZeroWhenRecordsAreRejected() {
        ErpSync sync = syncWith(erpWith(List.of(
                Map.of("orderCode", tag + "-J1", "itemCode", "NOPE", "quantity", "3", "dueDate", "2026-12-01"))));
        assertThat(new ErpSyncJob(sync).run()).isEqualTo(3);
        ErpSync clean = syncWith(erpWith(List.of(Map.of(
                "orderCode", tag + "-J2", "itemCode", tag + "-DESK", "quantity", "3", "dueDate", "2026-12-01"))));
        assertThat(new ErpSyncJob(clean).run()).isZero();
    }
}
