package com.renar.mes.realtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes event log rows on a connection of its own, so that a test can keep a transaction open (an event that
 * commits late) while other events commit.
 */
final class EventLogRows implements AutoCloseable {

    private final Connection connection;

    EventLogRows(DataSource dataSource) throws SQLException {
        this.connection = dataSource.getConnection();
        connection.setAutoCommit(false);
    }

    /** Makes the transaction take its id now, as a transaction that has already changed something has. */
    void takeTransactionId() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_current_xact_id()")) {
            statement.executeQuery().close();
        }
    }

    /** Inserts an event in the open transaction; returns its log id. */
    long insert(UUID eventId, Long orderId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into event_log (event_id, event_type, order_id, occurred_at, payload)
                values (?, 'TEST_EVENT', ?, now(), '{"note": "written on a held transaction"}')
                returning id
                """)) {
            statement.setObject(1, eventId);
            statement.setObject(2, orderId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
