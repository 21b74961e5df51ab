package com.renar.mes.realtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the event log in the one order every reader shares: by writing transaction, then by id, and never past
 * the <em>transaction horizon</em> — the oldest transaction still running ({@code
 * pg_snapshot_xmin(pg_current_snapshot())}). Every transaction below the horizon has finished, so the part of the
 * log below it is final: no event can still appear there. Reading by id alone would not do: a transaction that
 * started earlier (or allocated its id earlier) may commit after a later one, and its event would appear behind a
 * reader that had already moved past its id.
 *
 * <p>The price: an event waits until every transaction older than its own has finished, however unrelated (any
 * writing transaction in the PostgreSQL cluster counts). With short transactions that is milliseconds; one long
 * transaction delays every event behind it until it ends.
 */
final class EventLogReader {

    private static final String COLUMNS = """
            id, event_id, event_type, order_id, workcenter_code, occurred_at,
            cast(payload as text) as payload, cast(tx_id as text) as tx_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventLogReader(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The transaction horizon now: every event of a transaction below it is committed (or never will be). */
    long horizon() {
        return Long.parseLong(jdbc.sql("select cast(pg_snapshot_xmin(pg_current_snapshot()) as text)")
                .query(String.class)
                .single());
    }

    /**
     * Up to {@code limit} events after {@code from}, below the horizon, in (transaction, id) order, and where to
     * continue. When fewer than {@code limit} came back the log is read up to the horizon, so the next read starts
     * there.
     */
    Batch readAfter(Position from, int limit) {
        long horizon = horizon();
        List<Entry> entries = jdbc.sql("select " + COLUMNS + """
                         from event_log
                        where (tx_id, id) > (cast(:tx as xid8), :id) and tx_id < cast(:horizon as xid8)
                        order by tx_id, id
                        limit :limit
                        """)
                .param("tx", Long.toString(from.txId()))
                .param("id", from.afterId())
                .param("horizon", Long.toString(horizon))
                .param("limit", limit)
                .query((rs, n) -> entry(rs))
                .list();
        Position next;
        if (entries.size() == limit) {
            Entry last = entries.get(entries.size() - 1);
            next = new Position(last.txId(), last.event().id());
        } else {
            next = from.max(Position.atHorizon(horizon));
        }
        return new Batch(entries.stream().map(Entry::event).toList(), next);
    }

    /**
     * The catch-up read: up to {@code limit} events below the horizon that come after the event with id {@code
     * afterId} in (transaction, id) order, optionally for one order or workcenter. When that event is not in the
     * log (0, or an id never used), every event with a greater id qualifies.
     */
    List<RelayedEvent> catchUp(long afterId, int limit, Long orderId, String workcenter) {
        Long afterTx = afterId <= 0
                ? null
                : jdbc.sql("select cast(tx_id as text) from event_log where id = :id")
                        .param("id", afterId)
                        .query(String.class)
                        .optional()
                        .map(Long::parseLong)
                        .orElse(null);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + """
                 from event_log
                where tx_id < pg_snapshot_xmin(pg_current_snapshot())
                """);
        sql.append(afterTx == null ? " and id > :after" : " and (tx_id, id) > (cast(:tx as xid8), :after)");
        if (orderId != null) {
            sql.append(" and order_id = :order");
        }
        if (workcenter != null) {
            sql.append(" and workcenter_code = :workcenter");
        }
        sql.append(" order by tx_id, id limit :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("after", afterId).param("limit", limit);
        if (afterTx != null) {
            statement = statement.param("tx", Long.toString(afterTx));
        }
        if (orderId != null) {
            statement = statement.param("order", orderId);
        }
        if (workcenter != null) {
            statement = statement.param("workcenter", workcenter);
        }
        return statement.query((rs, n) -> entry(rs).event()).list();
    }

    private Entry entry(ResultSet rs) throws SQLException {
        long orderId = rs.getLong("order_id");
        Long order = rs.wasNull() ? null : orderId;
        RelayedEvent event = new RelayedEvent(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                order,
                rs.getString("workcenter_code"),
                json.readTree(rs.getString("payload")));
        return new Entry(Long.parseLong(rs.getString("tx_id")), event);
    }

    /**
     * A place in the log: everything up to and including event {@code afterId} of transaction {@code txId} has
     * been read. {@code (horizon, 0)} means "everything of transactions below the horizon".
     */
    record Position(long txId, long afterId) {

        static Position atHorizon(long horizon) {
            return new Position(horizon, 0);
        }

        Position max(Position other) {
            if (other.txId != txId) {
                return other.txId > txId ? other : this;
            }
            return other.afterId > afterId ? other : this;
        }
    }

    /** Events read and where the next read starts. */
    record Batch(List<RelayedEvent> events, Position next) {}

    private record Entry(long txId, RelayedEvent event) {}
}
