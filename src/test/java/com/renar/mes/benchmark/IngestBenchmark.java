package com.renar.mes.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scan and count ingest over HTTP with real JWT authentication, against the app on the machine's PostgreSQL
 * (durable commits), at 1, 16 and 64 clients — and, in the same run against the same database, the ceiling: the
 * scan's SQL sent straight over JDBC as four round trips and as the one statement the app uses, and the count
 * batch's SQL. Not a test: it asserts nothing and prints figures. Run it with {@code ./mvnw -Pbenchmark test}
 * (docs/benchmarks.md); {@code -Dbench.seconds=20} measures longer.
 */
@Tag("benchmark")
class IngestBenchmark {

    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final double WARMUP = Double.parseDouble(System.getProperty("bench.warmup", "3"));
    /** Before any measured run: load until the JIT has compiled the hot paths (slow on two small cores). */
    private static final double JIT_WARMUP = Double.parseDouble(System.getProperty("bench.jit-warmup", "45"));

    private static final int[] CLIENTS = {1, 16, 64};
    private static final int ORDERS = 256;
    private static final int BATCH = 100;

    @Test
    void ingest() throws Exception {
        List<LoadRun.Result> results = new ArrayList<>();
        try (BenchmarkApp app = BenchmarkApp.start("mes_bench_")) {
            int port = app.port();
            String url = app.url;
            Plant plant = Plant.prepare(url, port);
            System.out.println(
                    "benchmark: app on port " + port + ", database " + app.database + ", " + ORDERS + " orders");

            System.out.println("benchmark: warming up the JIT for " + JIT_WARMUP + " s (not measured)");
            httpScans(plant, port, 16, "warm-scans", JIT_WARMUP * 2 / 3);
            httpCounts(plant, port, 16, "warm-counts", JIT_WARMUP / 3);
            for (int clients : CLIENTS) {
                results.add(httpScans(plant, port, clients, "hs" + clients, SECONDS));
            }
            for (int clients : CLIENTS) {
                results.add(httpCounts(plant, port, clients, "hc" + clients, SECONDS));
            }
            for (int clients : CLIENTS) {
                results.add(jdbcScansFourRoundTrips(plant, url, clients));
            }
            for (int clients : CLIENTS) {
                results.add(jdbcScansOneStatement(plant, url, clients));
            }
            for (int clients : CLIENTS) {
                results.add(jdbcCountBatches(plant, url, clients));
            }
        }
        report(results);
    }

    private static LoadRun.Result httpScans(Plant plant, int port, int clients, String run, double seconds)
            throws Exception {
        ThreadLocal<RawHttp> connection = ThreadLocal.withInitial(() -> new RawHttp("127.0.0.1", port));
        return LoadRun.run("HTTP POST /scans", clients, WARMUP, seconds, (client, sequence) -> {
            int order = plant.orderFor(client, sequence);
            byte[] body = ("{\"barcode\":\"OP:" + plant.codes.get(order) + "\",\"workcenter\":\"" + plant.workcenter
                            + "\",\"processStep\":\"OPTIMIZER\"}")
                    .getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer answer =
                    connection.get().post("/api/v1/scans", plant.bearer, run + "-" + client + "-" + sequence, body);
            if (answer.status() != 201) {
                throw new IllegalStateException("scan answered " + answer.status() + ": " + answer.body());
            }
            return 1;
        });
    }

    private static LoadRun.Result httpCounts(Plant plant, int port, int clients, String run, double seconds)
            throws Exception {
        ThreadLocal<RawHttp> connection = ThreadLocal.withInitial(() -> new RawHttp("127.0.0.1", port));
        return LoadRun.run(
                "HTTP POST /count, " + BATCH + " increments", clients, WARMUP, seconds, (client, sequence) -> {
                    int order = plant.orderFor(client, sequence);
                    StringBuilder body =
                            new StringBuilder(BATCH * 48).append("{\"source\":\"MACHINE\",\"increments\":[");
                    for (int i = 0; i < BATCH; i++) {
                        body.append(i == 0 ? "" : ",")
                                .append("{\"countId\":\"")
                                .append(run)
                                .append('-')
                                .append(client)
                                .append('-')
                                .append(sequence)
                                .append('-')
                                .append(i)
                                .append("\",\"quantity\":1}");
                    }
                    body.append("]}");
                    RawHttp.Answer answer = connection
                            .get()
                            .post(
                                    "/api/v1/ops/" + plant.ids.get(order) + "/steps/10/count",
                                    plant.bearer,
                                    null,
                                    body.toString().getBytes(StandardCharsets.UTF_8));
                    if (answer.status() != 200) {
                        throw new IllegalStateException("count answered " + answer.status() + ": " + answer.body());
                    }
                    return BATCH;
                });
    }

    private static final String SCAN_INSERT = """
            insert into scan (id, caller, idempotency_key, request_hash, response_status, response_body, barcode,
                              barcode_kind, order_id, step_sequence, workcenter_code, process_step_code, operator,
                              status, received_at)
            values (?, 'bench', ?, 'h', 201, '{}', 'OP:X', 'ORDER', ?, 10, ?, 'OPTIMIZER', 'bench', 'ACCEPTED', ?)
            on conflict (caller, idempotency_key) where idempotency_key is not null do nothing
            """;

    private static LoadRun.Result jdbcScansFourRoundTrips(Plant plant, String url, int clients) throws Exception {
        String run = "j4" + clients;
        try (Connections connection = new Connections(url)) {
            return LoadRun.run(
                    "JDBC scan: BEGIN; insert; upsert; COMMIT", clients, WARMUP, SECONDS, (client, sequence) -> {
                        Connection c = connection.get();
                        long order = plant.ids.get(plant.orderFor(client, sequence));
                        try (Statement tx = c.createStatement()) {
                            tx.execute("BEGIN");
                            try (PreparedStatement insert = c.prepareStatement(SCAN_INSERT)) {
                                insert.setObject(1, UUID.randomUUID());
                                insert.setString(2, run + "-" + client + "-" + sequence);
                                insert.setLong(3, order);
                                insert.setString(4, plant.workcenter);
                                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                                insert.executeUpdate();
                            }
                            try (PreparedStatement bump = c.prepareStatement("""
                        insert into step_execution (order_id, step_sequence, scans, last_scan_at) values (?, 10, 1, now())
                        on conflict (order_id, step_sequence)
                        do update set scans = step_execution.scans + 1, last_scan_at = excluded.last_scan_at
                        """)) {
                                bump.setLong(1, order);
                                bump.executeUpdate();
                            }
                            tx.execute("COMMIT");
                        }
                        return 1;
                    });
        }
    }

    private static LoadRun.Result jdbcScansOneStatement(Plant plant, String url, int clients) throws Exception {
        String run = "j1" + clients;
        String sql = """
                with ins as (
                    insert into scan (id, caller, idempotency_key, request_hash, response_status, response_body,
                                      barcode, barcode_kind, order_id, step_sequence, workcenter_code,
                                      process_step_code, operator, status, received_at)
                    values (?, 'bench', ?, 'h', 201, '{"scanId":"x","status":"ACCEPTED"}', 'OP:X', 'ORDER', ?, 10, ?,
                            'OPTIMIZER', 'bench', 'ACCEPTED', ?)
                    on conflict (caller, idempotency_key) where idempotency_key is not null do nothing
                    returning order_id, step_sequence, status
                ), bump as (
                    insert into step_execution (order_id, step_sequence, scans, last_scan_at)
                    select order_id, step_sequence, 1, now() from ins where status = 'ACCEPTED'
                    on conflict (order_id, step_sequence)
                    do update set scans = step_execution.scans + 1, last_scan_at = excluded.last_scan_at
                ), event as (
                    insert into event_log (event_id, event_type, order_id, workcenter_code, occurred_at, payload)
                    select ?, 'BARCODE_SCANNED', order_id, ?, now(), cast(? as jsonb) from ins where status = 'ACCEPTED'
                )
                select count(*) from ins
                """;
        try (Connections connection = new Connections(url)) {
            return LoadRun.run(
                    "JDBC scan: one statement (scan+counter+event)", clients, WARMUP, SECONDS, (client, seq) -> {
                        Connection c = connection.get();
                        try (PreparedStatement statement = c.prepareStatement(sql)) {
                            statement.setObject(1, UUID.randomUUID());
                            statement.setString(2, run + "-" + client + "-" + seq);
                            statement.setLong(3, plant.ids.get(plant.orderFor(client, seq)));
                            statement.setString(4, plant.workcenter);
                            statement.setTimestamp(5, Timestamp.from(Instant.now()));
                            statement.setObject(6, UUID.randomUUID());
                            statement.setString(7, plant.workcenter);
                            statement.setString(8, "{\"eventType\":\"BARCODE_SCANNED\",\"barcode\":\"OP:X\"}");
                            statement.executeQuery().close();
                        }
                        return 1;
                    });
        }
    }

    private static LoadRun.Result jdbcCountBatches(Plant plant, String url, int clients) throws Exception {
        String run = "jc" + clients;
        String insert = """
                insert into piece_count (order_id, step_sequence, count_key, quantity, source, workcenter_code, operator,
                                         counted_at, recorded_at)
                select ?, 10, t.k, 1, 'MACHINE', ?, 'bench', now(), now() from unnest(?) as t(k)
                on conflict do nothing returning quantity
                """;
        String bump = "update step_execution set produced = produced + ? where order_id = ? and step_sequence = 10";
        try (Connections connection = new Connections(url)) {
            return LoadRun.run(
                    "JDBC count: " + BATCH + "-row insert + counter, 1 tx", clients, WARMUP, SECONDS, (client, seq) -> {
                        Connection c = connection.get();
                        long order = plant.ids.get(plant.orderFor(client, seq));
                        String[] keys = new String[BATCH];
                        for (int i = 0; i < BATCH; i++) {
                            keys[i] = run + "-" + client + "-" + seq + "-" + i;
                        }
                        c.setAutoCommit(false);
                        try (PreparedStatement rows = c.prepareStatement(insert);
                                PreparedStatement counter = c.prepareStatement(bump)) {
                            rows.setLong(1, order);
                            rows.setString(2, plant.workcenter);
                            rows.setArray(3, c.createArrayOf("varchar", keys));
                            int added = 0;
                            try (var rs = rows.executeQuery()) {
                                while (rs.next()) {
                                    added += rs.getInt(1);
                                }
                            }
                            counter.setInt(1, added);
                            counter.setLong(2, order);
                            counter.executeUpdate();
                            c.commit();
                        } finally {
                            c.setAutoCommit(true);
                        }
                        return BATCH;
                    });
        }
    }

    /** One connection per load thread, all closed when the run ends (PostgreSQL allows only so many). */
    private static final class Connections implements AutoCloseable {
        private final String url;
        private final List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        private final ThreadLocal<Connection> mine;

        Connections(String url) {
            this.url = url;
            this.mine = ThreadLocal.withInitial(() -> {
                Connection c = BenchmarkApp.connect(this.url);
                opened.add(c);
                return c;
            });
        }

        Connection get() {
            return mine.get();
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : opened) {
                c.close();
            }
        }
    }

    private static void report(List<LoadRun.Result> results) throws IOException {
        StringBuilder out = new StringBuilder()
                .append("Ingest benchmark, ")
                .append(Instant.now())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(SECONDS)
                .append(" s per run after ")
                .append(WARMUP)
                .append(" s warm-up\n\n")
                .append(LoadRun.header())
                .append('\n');
        results.forEach(r -> out.append(r.row()).append('\n'));
        for (int clients : CLIENTS) {
            double http = find(results, "HTTP POST /scans", clients).operationsPerSecond();
            double four = find(results, "JDBC scan: BEGIN", clients).operationsPerSecond();
            double one = find(results, "JDBC scan: one statement", clients).operationsPerSecond();
            out.append(String.format(
                    "%n%d clients: HTTP scans = %.0f%% of the four-round-trip ceiling, %.0f%% of the one-statement form",
                    clients, 100 * http / four, 100 * http / one));
        }
        out.append('\n');
        System.out.println(out);
        Path file = Path.of("target", "benchmark", "ingest.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println("written to " + file.toAbsolutePath());
    }

    private static LoadRun.Result find(List<LoadRun.Result> results, String prefix, int clients) {
        return results.stream()
                .filter(r -> r.name().startsWith(prefix) && r.clients() == clients)
                .findFirst()
                .orElseThrow();
    }

    /** The benchmark's orders: imported through the API, step 10 started, a token for the demo operator. */
    static final class Plant {
        final List<Long> ids = new ArrayList<>();
        final List<String> codes = new ArrayList<>();
        String workcenter;
        String bearer;

        int orderFor(int client, long sequence) {
            return (int) ((client * 7L + sequence) % ids.size());
        }

        static Plant prepare(String url, int port) throws Exception {
            Plant plant = new Plant();
            plant.workcenter = "BENCH-SAW";
            try (Connection c = BenchmarkApp.connect(url);
                    Statement s = c.createStatement()) {
                s.execute(
                        "insert into item (code, description, type, unit) values ('BENCH-PANEL', 'Panel', 'COMPONENT', 'PC')");
                s.execute(
                        "insert into workcenter (code, name, type, department) values ('BENCH-SAW', 'Saw', 'OPTIMIZER', 'CUTTING')");
                s.execute("""
                        insert into routing (item_id, routing_version) select id, 1 from item where code = 'BENCH-PANEL'
                        """);
                s.execute("""
                        insert into routing_step (routing_id, routing_key, sequence, process_step_id, workcenter_id,
                                                  setup_minutes, standard_seconds)
                        select r.id, 0, 10, p.id, w.id, 5, 3
                          from routing r join item i on i.id = r.item_id, process_step p, workcenter w
                         where i.code = 'BENCH-PANEL' and p.code = 'OPTIMIZER' and w.code = 'BENCH-SAW'
                        """);
            }
            try (RawHttp http = new RawHttp("127.0.0.1", port)) {
                RawHttp.Answer login = loginAs(http, "pcp");
                String planner = "Bearer " + token(login.body());
                StringBuilder orders = new StringBuilder("{\"orders\":[");
                for (int i = 0; i < ORDERS; i++) {
                    orders.append(i == 0 ? "" : ",")
                            .append("{\"orderCode\":\"BENCH-")
                            .append(i)
                            .append(
                                    "\",\"itemCode\":\"BENCH-PANEL\",\"quantity\":100000000,\"dueDate\":\"2030-01-01\"}");
                }
                orders.append("]}");
                RawHttp.Answer imported = http.post(
                        "/api/v1/erp/orders", planner, null, orders.toString().getBytes(StandardCharsets.UTF_8));
                if (imported.status() != 200 || !imported.body().contains("\"created\":" + ORDERS)) {
                    throw new IllegalStateException("import failed: " + imported.body());
                }
                plant.bearer = "Bearer " + token(loginAs(http, "operator").body());
                try (Connection c = BenchmarkApp.connect(url);
                        Statement s = c.createStatement();
                        var rs = s.executeQuery(
                                "select id, order_code from production_order where order_code like 'BENCH-%' order by id")) {
                    while (rs.next()) {
                        plant.ids.add(rs.getLong(1));
                        plant.codes.add(rs.getString(2));
                    }
                }
                for (long id : plant.ids) {
                    RawHttp.Answer started = http.post(
                            "/api/v1/ops/" + id + "/steps/10/start",
                            plant.bearer,
                            null,
                            "{\"workcenter\":\"BENCH-SAW\"}".getBytes(StandardCharsets.UTF_8));
                    if (started.status() != 200) {
                        throw new IllegalStateException("start failed: " + started.body());
                    }
                }
            }
            return plant;
        }

        private static RawHttp.Answer loginAs(RawHttp http, String user) throws IOException {
            return http.post(
                    "/api/v1/auth/login",
                    "none",
                    null,
                    ("{\"username\":\"" + user + "\",\"password\":\"renar\"}").getBytes(StandardCharsets.UTF_8));
        }

        private static String token(String loginBody) {
            Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(loginBody);
            if (!m.find()) {
                throw new IllegalStateException("no token in " + loginBody);
            }
            return m.group(1);
        }
    }
}
