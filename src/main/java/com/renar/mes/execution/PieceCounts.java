package com.renar.mes.execution;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.stereotype.Component;

/**
 * Stores a batch of count increments in one statement (three arrays unnested into rows). Increments whose key was
 * stored before are dropped by the primary key, so a machine resending a burst, or a terminal retrying, adds
 * nothing twice; the caller adds only what this statement inserted.
 */
@Component
class PieceCounts {

    private final JdbcClient jdbc;

    PieceCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One increment: its key (unique per step), pieces, and when it was counted. */
    record Increment(String key, int quantity, Instant countedAt) {}

    /** What a batch added: pieces and increments inserted, increments dropped as duplicates. */
    record Added(long pieces, int inserted, int duplicates) {}

    Added insert(
            long orderId,
            int sequence,
            List<Increment> increments,
            String source,
            String workcenter,
            String operator,
            Instant now) {
        String[] keys = new String[increments.size()];
        Integer[] quantities = new Integer[increments.size()];
        Timestamp[] times = new Timestamp[increments.size()];
        for (int i = 0; i < keys.length; i++) {
            Increment increment = increments.get(i);
            keys[i] = increment.key();
            quantities[i] = increment.quantity();
            times[i] = Timestamp.from(increment.countedAt() == null ? now : increment.countedAt());
        }
        List<Integer> inserted = jdbc.sql("""
                        insert into piece_count (order_id, step_sequence, count_key, quantity, source, workcenter_code,
                                                 operator, counted_at, recorded_at)
                        select :order, :step, t.k, t.q, :source, :workcenter, :operator, t.c, :now
                          from unnest(:keys, :quantities, :times) as t(k, q, c)
                        on conflict do nothing
                        returning quantity
                        """)
                .param("order", orderId)
                .param("step", sequence)
                .param("source", source)
                .param("workcenter", workcenter)
                .param("operator", operator)
                .param("now", Timestamp.from(now))
                .param("keys", array("varchar", keys))
                .param("quantities", array("int4", quantities))
                .param("times", array("timestamptz", times))
                .query(Integer.class)
                .list();
        long pieces = inserted.stream().mapToLong(Integer::longValue).sum();
        return new Added(pieces, inserted.size(), increments.size() - inserted.size());
    }

    private static SqlParameterValue array(String type, Object[] values) {
        return new SqlParameterValue(Types.ARRAY, new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
                Array array = connection.createArrayOf(type, values);
                return array;
            }
        });
    }
}
