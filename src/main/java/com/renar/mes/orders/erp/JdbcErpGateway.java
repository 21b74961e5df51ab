package com.renar.mes.orders.erp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.springframework.util.StringUtils;

/**
 * The ERP through its own database (contract in docs/erp-integration.md).
 *
 * <ul>
 *   <li>Orders: one configurable query (default: the view {@code mes_released_orders}) read through a forward-only
 *       cursor, {@code fetchSize} rows per round trip and per page, in a read-only transaction that is rolled back
 *       when the stream closes. Column names map to fields ({@code order_code} → {@code orderCode}); {@code lots}
 *       may be comma-separated text or an array; {@code routing}, if selected, JSON text.
 *   <li>Reports: one {@code INSERT} into the report table keyed by report id; a duplicate key is answered as
 *       already delivered, so re-sending is a no-op.
 *   <li>Its own tiny pool (at most 2 connections, none kept idle), separate from the MES database; the app
 *       starts even when the ERP database is down.
 * </ul>
 *
 * <p>No in-adapter retries: a failed fetch is retried by the next scheduled sync and a failed report by the
 * outbox (see ADR 0005).
 */
final class JdbcErpGateway implements ErpGateway, AutoCloseable {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    /** SQL Server's {@code datetimeoffset} (microsoft.sql.Types.DATETIMEOFFSET). */
    private static final int SQLSERVER_DATETIMEOFFSET = -155;

    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final ErpProperties.Database config;
    private final ErpOrderParser parser;
    private final Clock clock;
    private final String insertReport;
    private final String selectReport;

    JdbcErpGateway(
            DataSource dataSource,
            AutoCloseable ownedPool,
            ErpProperties.Database config,
            ErpOrderParser parser,
            Clock clock) {
        requirePlainTableName(config);
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.config = config;
        this.parser = parser;
        this.clock = clock;
        this.insertReport = "insert into " + config.reportTable()
                + " (report_id, order_code, step_sequence, process_step_code, workcenter_code, good_quantity,"
                + " scrap_quantity, rework_quantity, started_at, ended_at, lots, sent_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.selectReport = "select count(*) from " + config.reportTable() + " where report_id = ?";
    }

    /** The adapter with its own small Hikari pool on the configured URL. */
    static JdbcErpGateway create(ErpProperties.Database config, ErpOrderParser parser, Clock clock) {
        if (!StringUtils.hasText(config.url())) {
            throw new IllegalStateException(
                    "mes.erp.database.url (ERP_DB_URL) must be set when mes.erp.type=database and mes.erp.enabled=true");
        }
        requirePlainTableName(config);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("erp-db");
        pool.setJdbcUrl(config.url());
        pool.setUsername(config.user());
        pool.setPassword(config.password());
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(60_000);
        pool.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
        pool.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(pool);
        return new JdbcErpGateway(dataSource, dataSource, config, parser, clock);
    }

    /** The table name is put into SQL text, so it must be a plain identifier, never a fragment of SQL. */
    private static void requirePlainTableName(ErpProperties.Database config) {
        if (!TABLE_NAME.matcher(config.reportTable()).matches()) {
            throw new IllegalStateException("mes.erp.database.report-table must be a plain table name (optionally"
                    + " schema.table), was '" + config.reportTable() + "'");
        }
    }

    @Override
    public String describe() {
        String url = config.url() == null ? "(data source)" : config.url();
        int query = url.indexOf('?');
        int semicolon = url.indexOf(';');
        int cut = query < 0 ? semicolon : semicolon < 0 ? query : Math.min(query, semicolon);
        return "database " + (cut < 0 ? url : url.substring(0, cut));
    }

    @Override
    public void close() throws Exception {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    // ---- orders -------------------------------------------------------------------------------------------------

    @Override
    public Stream<ErpOrderPage> fetchOrders(Consumer<FetchProgress> progress) {
        Cursor cursor = Cursor.open(this, parser.newBatch(), new FetchTracker(describe(), progress, clock));
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(cursor::close);
    }

    /** An open query, read a page at a time as the stream pulls. */
    private static final class Cursor implements Iterator<ErpOrderPage> {
        private final JdbcErpGateway gateway;
        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final String[] labels;
        private final int[] types;
        private final String[] typeNames;
        private final ErpOrderParser.Batch batch;
        private final FetchTracker tracker;
        private int pageNumber;
        private boolean hasRow;
        private boolean closed;

        private Cursor(
                JdbcErpGateway gateway,
                Connection connection,
                PreparedStatement statement,
                ResultSet rows,
                ErpOrderParser.Batch batch,
                FetchTracker tracker)
                throws SQLException {
            this.gateway = gateway;
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.batch = batch;
            this.tracker = tracker;
            ResultSetMetaData meta = rows.getMetaData();
            int columns = meta.getColumnCount();
            labels = new String[columns];
            types = new int[columns];
            typeNames = new String[columns];
            for (int i = 0; i < columns; i++) {
                labels[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
                types[i] = meta.getColumnType(i + 1);
                typeNames[i] = String.valueOf(meta.getColumnTypeName(i + 1)).toLowerCase(Locale.ROOT);
            }
        }

        static Cursor open(JdbcErpGateway gateway, ErpOrderParser.Batch batch, FetchTracker tracker) {
            Connection connection = null;
            PreparedStatement statement = null;
            try {
                connection = gateway.dataSource.getConnection();
                connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
                connection.setReadOnly(true);
                statement = connection.prepareStatement(
                        gateway.config.query(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                statement.setFetchSize(gateway.config.fetchSize());
                statement.setQueryTimeout(
                        (int) Math.max(1, gateway.config.queryTimeout().toSeconds()));
                ResultSet rows = statement.executeQuery();
                Cursor cursor = new Cursor(gateway, connection, statement, rows, batch, tracker);
                cursor.hasRow = rows.next(); // one row of look-ahead: no trailing empty page
                return cursor;
            } catch (SQLException e) {
                closeQuietly(statement, connection);
                throw gateway.translate("querying released orders", e);
            }
        }

        /** The first page always comes (possibly empty, like REST's); later ones only while rows remain. */
        @Override
        public boolean hasNext() {
            return !closed && (pageNumber == 0 || hasRow);
        }

        @Override
        public ErpOrderPage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            List<ErpRecordOutcome> outcomes = new ArrayList<>();
            try {
                while (hasRow && outcomes.size() < gateway.config.fetchSize()) {
                    outcomes.add(readRow());
                    hasRow = rows.next();
                }
            } catch (SQLException e) {
                close();
                throw gateway.translate("reading released orders", e);
            }
            ErpOrderPage page = new ErpOrderPage(pageNumber++, OptionalInt.empty(), outcomes);
            tracker.pageFetched(page);
            if (!hasRow) {
                tracker.finished();
                close();
            }
            return page;
        }

        private ErpRecordOutcome readRow() throws SQLException {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < labels.length; i++) {
                try {
                    fields.put(labels[i], value(i + 1, types[i], typeNames[i]));
                } catch (SQLException e) {
                    if (isConnectionProblem(e)) {
                        throw e;
                    }
                    fields.put(labels[i], null);
                    return batch.reject(fields, "column " + labels[i] + " cannot be read (" + e.getMessage() + ")");
                }
            }
            return batch.parse(fields);
        }

        /** A column as a plain Java value: exact numbers, java.time dates, text, lists. */
        private Object value(int column, int type, String typeName) throws SQLException {
            Object value;
            switch (type) {
                case Types.DATE -> value = rows.getObject(column, LocalDate.class);
                case Types.TIMESTAMP ->
                    value = typeName.contains("timestamptz")
                            ? rows.getObject(column, OffsetDateTime.class)
                            : rows.getObject(column, LocalDateTime.class);
                case Types.TIMESTAMP_WITH_TIMEZONE, SQLSERVER_DATETIMEOFFSET ->
                    value = rows.getObject(column, OffsetDateTime.class);
                case Types.NUMERIC, Types.DECIMAL -> value = rows.getBigDecimal(column);
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                    long number = rows.getLong(column);
                    value = rows.wasNull() ? null : number;
                }
                case Types.FLOAT, Types.REAL, Types.DOUBLE -> {
                    double number = rows.getDouble(column);
                    value = rows.wasNull() ? null : number;
                }
                case Types.ARRAY -> {
                    Array array = rows.getArray(column);
                    value = array == null ? null : Arrays.asList((Object[]) array.getArray());
                }
                case Types.CHAR,
                        Types.VARCHAR,
                        Types.LONGVARCHAR,
                        Types.NCHAR,
                        Types.NVARCHAR,
                        Types.LONGNVARCHAR,
                        Types.CLOB,
                        Types.NCLOB -> value = rows.getString(column);
                default -> value = rows.getObject(column);
            }
            return value;
        }

        /** Idempotent; rolls back the read-only transaction and returns the connection. */
        void close() {
            if (closed) {
                return;
            }
            closed = true;
            hasRow = false;
            try {
                rows.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // read-only: nothing to lose
            }
            closeQuietly(statement, connection);
        }
    }

    // ---- reports ------------------------------------------------------------------------------------------------

    @Override
    public ReportOutcome report(ProductionReport report) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement(insertReport)) {
                insert.setQueryTimeout((int) Math.max(1, config.queryTimeout().toSeconds()));
                bind(insert, report);
                insert.executeUpdate();
                return new ReportOutcome.Delivered(report.reportId());
            } catch (SQLException e) {
                if (!isConstraintViolation(e)) {
                    throw e;
                }
                if (alreadyStored(connection, report.reportId())) {
                    return new ReportOutcome.AlreadyDelivered(report.reportId());
                }
                return new ReportOutcome.Refused(
                        report.reportId(),
                        "the ERP table " + config.reportTable() + " refused the row (SQLState " + e.getSQLState()
                                + "): " + e.getMessage());
            }
        } catch (SQLException e) {
            throw translate("inserting report " + report.reportId(), e);
        }
    }

    private void bind(PreparedStatement insert, ProductionReport report) throws SQLException {
        ProductionReport.Step step = report.step();
        insert.setString(1, report.reportId());
        insert.setString(2, report.orderCode());
        if (step == null) {
            insert.setNull(3, Types.INTEGER);
            insert.setNull(4, Types.VARCHAR);
            insert.setNull(5, Types.VARCHAR);
        } else {
            insert.setInt(3, step.sequence());
            insert.setString(4, step.processStepCode());
            insert.setString(5, step.workcenterCode());
        }
        insert.setBigDecimal(6, report.goodQuantity());
        insert.setBigDecimal(7, report.scrapQuantity());
        insert.setBigDecimal(8, report.reworkQuantity());
        // UTC wall time in a plain TIMESTAMP/DATETIME column: the same on every engine and driver
        insert.setObject(9, LocalDateTime.ofInstant(report.startedAt(), ZoneOffset.UTC));
        insert.setObject(10, LocalDateTime.ofInstant(report.endedAt(), ZoneOffset.UTC));
        insert.setString(11, String.join(",", report.lots()));
        insert.setObject(12, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private boolean alreadyStored(Connection connection, String reportId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectReport)) {
            select.setString(1, reportId);
            try (ResultSet result = select.executeQuery()) {
                return result.next() && result.getLong(1) > 0;
            }
        }
    }

    // ---- errors -------------------------------------------------------------------------------------------------

    private static boolean isConstraintViolation(SQLException e) {
        return e instanceof SQLIntegrityConstraintViolationException
                || (e.getSQLState() != null && e.getSQLState().startsWith("23"));
    }

    private static boolean isConnectionProblem(SQLException e) {
        return e instanceof SQLTransientException
                || e instanceof SQLRecoverableException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
    }

    /** Transient (connection, timeout) → unavailable; anything else (bad SQL, missing view) → protocol. */
    private ErpException translate(String what, SQLException e) {
        String message =
                "ERP " + describe() + ": " + what + " failed (SQLState " + e.getSQLState() + "): " + e.getMessage();
        if (isConnectionProblem(e) || e instanceof SQLTimeoutException) {
            return new ErpUnavailableException(message, e);
        }
        return new ErpProtocolException(message, e);
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
