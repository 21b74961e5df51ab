package com.renar.mes.orders.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renar.mes.support.ExternalServices;
import com.renar.mes.support.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database adapter against a real server standing in for the ERP's database. Each subclass names a server;
 * the test creates a scratch database on it with an order table, the {@code mes_released_orders} view and the
 * report table, and drops it afterwards. Without the server the tests skip, except under {@code CI=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcErpGatewayContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final ErpOrderParser parser = new ErpOrderParser(ZoneId.of("America/Sao_Paulo"));
    private final String database =
            "erp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private DataSource erpDatabase;
    private JdbcClient erp;

    /** e.g. "MariaDB". */
    abstract String serverName();

    abstract int port();

    /** JDBC URL of the server's administrative database. */
    abstract String adminUrl();

    /** JDBC URL of the given database on the given port. */
    abstract String databaseUrl(String database, int port);

    abstract String user();

    /** The column type of a timestamp without time zone. */
    abstract String timestampType();

    /** SQL that drops the scratch database even if something still holds a connection to it. */
    abstract String dropDatabase(String database);

    @BeforeAll
    void createErpDatabase() {
        ExternalServices.assumeServiceReachable("127.0.0.1", port(), serverName());
        admin().sql("create database " + database).update();
        erpDatabase = new DriverManagerDataSource(databaseUrl(database, port()), user(), "");
        erp = JdbcClient.create(erpDatabase);
        erp.sql("""
                create table erp_order (
                    order_code varchar(40) primary key,
                    item_code  varchar(40),
                    quantity   decimal(16, 4),
                    due_date   varchar(40),
                    priority   int,
                    lots       varchar(400),
                    status     varchar(20),
                    updated_at %s)
                """.formatted(timestampType())).update();
        erp.sql("""
                create view mes_released_orders as
                select order_code, item_code, quantity, due_date, priority, lots, status, updated_at
                from erp_order where status in ('RELEASED', 'CANCELLED')
                """).update();
        erp.sql("""
                create table mes_production_reports (
                    report_id         varchar(100) primary key,
                    order_code        varchar(40) not null,
                    step_sequence     int,
                    process_step_code varchar(40),
                    workcenter_code   varchar(40),
                    good_quantity     decimal(16, 4) not null,
                    scrap_quantity    decimal(16, 4) not null,
                    rework_quantity   decimal(16, 4) not null,
                    started_at        %1$s not null,
                    ended_at          %1$s not null,
                    lots              varchar(2000),
                    sent_at           %1$s not null)
                """.formatted(timestampType())).update();
        insert("OP-1", "CHAIR-01", "10", "2026-12-01", 5, "L-1,L-2", "RELEASED");
        insert("OP-2", "TABLE-02", "12.5000", "2026-12-02T17:00:00-03:00", 1, "L-3", "RELEASED");
        insert("OP-3", "CHAIR-01", "4", "2026-13-45", 3, "L-4", "RELEASED");
        insert("OP-4", "CHAIR-01", "0", "2026-12-04", 3, "L-5", "RELEASED");
        insert("OP-5", "CHAIR-01", "7", "2026-12-05", 3, "L-6", "CANCELLED");
        insert("OP-6", "CHAIR-01", "7", "2026-12-06", 3, "L-7", "PLANNED");
    }

    private void insert(
            String code, String item, String quantity, String dueDate, int priority, String lots, String status) {
        erp.sql("""
                insert into erp_order (order_code, item_code, quantity, due_date, priority, lots, status, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        code,
                        item,
                        new BigDecimal(quantity),
                        dueDate,
                        priority,
                        lots,
                        status,
                        LocalDateTime.of(2026, 11, 20, 8, 30))
                .update();
    }

    @AfterAll
    void dropErpDatabase() {
        if (erp != null) {
            admin().sql(dropDatabase(database)).update();
        }
    }

    private JdbcClient admin() {
        return JdbcClient.create(new DriverManagerDataSource(adminUrl(), user(), ""));
    }

    private ErpProperties.Database config(String query, int fetchSize) {
        return new ErpProperties.Database(
                databaseUrl(database, port()),
                user(),
                "",
                query,
                fetchSize,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                null);
    }

    private JdbcErpGateway gateway(ErpProperties.Database config) {
        return new JdbcErpGateway(erpDatabase, null, config, parser, clock);
    }

    private static List<ErpOrderPage> all(Stream<ErpOrderPage> pages) {
        try (pages) {
            return pages.toList();
        }
    }

    @Test
    void parsesGoodRowsAndRejectsBadOnesPageByPage() {
        List<FetchProgress> progress = new ArrayList<>();

        List<ErpOrderPage> pages = all(gateway(config(null, 2)).fetchOrders(progress::add));

        assertThat(pages).extracting(page -> page.records().size()).containsExactly(2, 2, 1);
        assertThat(progress).last().isEqualTo(new FetchProgress(3, OptionalInt.empty(), 5, 2));
        Map<String, ErpOrder> accepted = pages.stream()
                .flatMap(page -> page.accepted().stream())
                .collect(Collectors.toMap(ErpOrder::orderCode, order -> order));
        assertThat(accepted).containsOnlyKeys("OP-1", "OP-2", "OP-5");
        ErpOrder first = accepted.get("OP-1");
        assertThat(first.itemCode()).isEqualTo("CHAIR-01");
        assertThat(first.quantity()).isEqualTo(new BigDecimal("10"));
        assertThat(first.dueDate()).isEqualTo(new DueDate.OnDay(LocalDate.of(2026, 12, 1)));
        assertThat(first.priority()).isEqualTo(5);
        assertThat(first.lots()).containsExactly("L-1", "L-2");
        assertThat(first.erpUpdatedAt()).isEqualTo(Instant.parse("2026-11-20T11:30:00Z"));
        assertThat(accepted.get("OP-2").quantity()).isEqualTo(new BigDecimal("12.5"));
        assertThat(accepted.get("OP-2").dueDate().deadline(ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-12-02T20:00:00Z"));
        assertThat(accepted.get("OP-5").status()).isEqualTo(ErpOrder.Status.CANCELLED);
        Map<String, String> rejected = pages.stream()
                .flatMap(page -> page.rejected().stream())
                .collect(Collectors.toMap(ErpRecordOutcome.Rejected::key, ErpRecordOutcome.Rejected::reason));
        assertThat(rejected).containsOnlyKeys("OP-3", "OP-4");
        assertThat(rejected.get("OP-3")).startsWith("dueDate '2026-13-45' is not an ISO date");
        assertThat(rejected.get("OP-4")).isEqualTo("quantity must be greater than zero (was 0)");
    }

    @Test
    void runsTheConfiguredQueryWithTypedDateColumns() {
        String query = """
                select order_code, item_code, quantity, cast(due_date as date) as due_date, priority, lots
                from erp_order where order_code = 'OP-1'
                """;

        List<ErpOrderPage> pages = all(gateway(config(query, 100)).fetchOrders());

        assertThat(pages)
                .singleElement()
                .satisfies(page -> assertThat(page.accepted()).singleElement().satisfies(order -> {
                    assertThat(order.dueDate()).isEqualTo(new DueDate.OnDay(LocalDate.of(2026, 12, 1)));
                    assertThat(order.erpUpdatedAt()).isNull();
                }));
    }

    @Test
    void insertsReportOnceEvenWhenSentTwice() {
        JdbcErpGateway gateway = gateway(config(null, 100));
        ProductionReport report = new ProductionReport(
                "R-" + UUID.randomUUID(),
                "OP-1",
                new ProductionReport.Step(10, "CUT", "OPT-01"),
                new BigDecimal("9.5"),
                new BigDecimal("0.5"),
                BigDecimal.ZERO,
                Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T09:15:00Z"),
                List.of("L-1", "L-2"));

        assertThat(gateway.report(report)).isEqualTo(new ReportOutcome.Delivered(report.reportId()));
        assertThat(gateway.report(report)).isEqualTo(new ReportOutcome.AlreadyDelivered(report.reportId()));

        assertThat(erp.sql("select count(*) from mes_production_reports where report_id = ?")
                        .param(report.reportId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        Map<String, Object> row = erp.sql("select * from mes_production_reports where report_id = ?")
                .param(report.reportId())
                .query()
                .singleRow();
        assertThat((BigDecimal) row.get("good_quantity")).isEqualByComparingTo("9.5");
        assertThat((BigDecimal) row.get("scrap_quantity")).isEqualByComparingTo("0.5");
        assertThat(row.get("order_code")).isEqualTo("OP-1");
        assertThat(row.get("lots")).isEqualTo("L-1,L-2");
        assertThat(erp.sql("select started_at from mes_production_reports where report_id = ?")
                        .param(report.reportId())
                        .query(LocalDateTime.class)
                        .single())
                .as("stored as UTC wall time")
                .isEqualTo(LocalDateTime.of(2026, 11, 24, 8, 0));
    }

    @Test
    void reportsMissingViewAsProtocolError() {
        JdbcErpGateway gateway = gateway(config("select * from no_such_view", 100));

        assertThatThrownBy(gateway::fetchOrders)
                .isInstanceOf(ErpProtocolException.class)
                .hasMessageContaining("querying released orders failed");
    }

    @Test
    void reportsUnreachableDatabaseAsUnavailable() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DataSource nowhere = new DriverManagerDataSource(databaseUrl(database, closedPort), user(), "");
        JdbcErpGateway gateway = new JdbcErpGateway(nowhere, null, config(null, 100), parser, clock);

        assertThatThrownBy(gateway::fetchOrders).isInstanceOf(ErpUnavailableException.class);
    }
}
