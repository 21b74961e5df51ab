package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** Every migration runs on a brand-new PostgreSQL, in order, and running them again changes nothing. */
class MigrationsOnAnEmptyDatabaseTests {

    @Test
    void migratesAnEmptyDatabaseOnceAndThenHasNothingLeftToDo() throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();

            MigrateResult first = flyway.migrate();
            assertThat(first.success).isTrue();
            assertThat(first.migrationsExecuted).isPositive();
            assertThat(first.migrationsExecuted).isEqualTo(flyway.info().applied().length);
            assertThat(tables(dataSource))
                    .contains(
                            "event_publication",
                            "event_log",
                            "app_user",
                            "item",
                            "bom",
                            "workcenter",
                            "routing",
                            "shift_pattern",
                            "production_order",
                            "erp_report_outbox");

            MigrateResult second = flyway.migrate();
            assertThat(second.success).isTrue();
            assertThat(second.migrationsExecuted).isZero();
            assertThat(flyway.info().pending()).isEmpty();
        }
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery(
                                "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
