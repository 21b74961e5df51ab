package com.renar.mes.realtime;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Opens the relay's own long-lived connection. It LISTENs, holds the leader's session advisory lock and reads the
 * log, so it must not be a pooled connection: it would hold one of the pool's few connections for good, and the
 * pool could recycle it and silently drop the lock. With the application's Hikari pool (always, today) it is opened
 * beside the pool with the pool's URL and credentials; any other {@link DataSource} lends one connection for as
 * long as the relay runs (returned when it stops).
 */
final class RelayConnections {

    private final DataSource dataSource;

    RelayConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Connection open() throws SQLException {
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        Connection connection;
        if (hikari != null) {
            Properties properties = new Properties();
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", "mes-realtime-relay");
            // A dead server or a silently dropped connection must surface as an error, not a wait forever.
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("socketTimeout", "60");
            properties.setProperty("connectTimeout", "10");
            connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        } else {
            connection = dataSource.getConnection();
        }
        connection.setAutoCommit(true);
        return connection;
    }
}
