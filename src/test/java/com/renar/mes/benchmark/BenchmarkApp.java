package com.renar.mes.benchmark;

import com.renar.mes.MesApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application under a benchmark: started in-process on a throw-away database of the local PostgreSQL (durable
 * commits, default pool), with the demo plant, rate limiting off and logging at WARN; the database is dropped on
 * close.
 */
final class BenchmarkApp implements AutoCloseable {

    static final String PG = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");

    final String database;
    final String url;
    final ConfigurableApplicationContext context;

    private BenchmarkApp(String database, ConfigurableApplicationContext context) {
        this.database = database;
        this.url = PG + database;
        this.context = context;
    }

    static BenchmarkApp start(String prefix) throws SQLException {
        String database = prefix + Long.toHexString(System.nanoTime());
        admin("create database " + database);
        try {
            // command-line arguments: they outrank application.yml (default properties would not)
            ConfigurableApplicationContext context = new SpringApplicationBuilder(MesApplication.class)
                    .run(
                            "--mes.db.url=" + PG + database,
                            "--mes.db.user=postgres",
                            "--mes.db.password=",
                            "--mes.demo.enabled=true",
                            "--mes.jwt.secret=benchmark-secret-benchmark-secret-0123456789",
                            "--mes.rate-limit.enabled=false",
                            "--server.port=0",
                            "--management.server.port=0",
                            "--logging.level.root=WARN");
            return new BenchmarkApp(database, context);
        } catch (RuntimeException e) {
            admin("drop database if exists " + database + " with (force)");
            throw e;
        }
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Connection connect(String url) {
        try {
            return DriverManager.getConnection(url, "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            context.close();
        } finally {
            admin("drop database if exists " + database + " with (force)");
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
