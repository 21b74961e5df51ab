package com.renar.mes.platform.db;

import com.renar.mes.platform.DatabaseMode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the one {@link DataSource}: an external PostgreSQL when {@code MES_DB_URL} is set, otherwise an
 * embedded PostgreSQL started in-process whose data directory survives restarts. See ADR 0002.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseMode databaseMode(DatabaseProperties properties) {
        return properties.embedded() ? DatabaseMode.EMBEDDED : DatabaseMode.EXTERNAL;
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        return properties.embedded() ? EmbeddedDatabase.start(properties) : EmbeddedDatabase.NONE;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("mes");
        config.setMaximumPoolSize(properties.poolSize());
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
            log.info("Using external PostgreSQL at {}", redact(properties.url()));
        }
        return new HikariDataSource(config);
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The embedded server, or nothing when an external one is configured. */
    static final class EmbeddedDatabase implements AutoCloseable {

        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);

        private final EmbeddedPostgres postgres;

        private EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase start(DatabaseProperties properties) {
            try {
                // No JVM shutdown hook of its own: it would race Spring's, stopping the server while beans
                // that still need it (the event publication registry) are being closed. This bean's close()
                // stops it, after everything that depends on the data source.
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "50")
                        .setServerConfig("timezone", "UTC");
                if (properties.embeddedPort() > 0) {
                    builder.setPort(properties.embeddedPort());
                }
                if (!properties.ephemeral()) {
                    Path dir = properties.dataDir().resolve("postgres").toAbsolutePath();
                    Files.createDirectories(dir);
                    builder.setDataDirectory(dir).setCleanDataDirectory(false);
                }
                EmbeddedPostgres postgres = builder.start();
                log.info(
                        "Embedded PostgreSQL started on port {} ({})",
                        postgres.getPort(),
                        properties.ephemeral()
                                ? "ephemeral data directory"
                                : "data in "
                                        + properties
                                                .dataDir()
                                                .resolve("postgres")
                                                .toAbsolutePath());
                return new EmbeddedDatabase(postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
            }
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
