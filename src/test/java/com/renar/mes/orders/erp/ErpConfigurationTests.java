package com.renar.mes.orders.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which beans exist for which settings, without starting the application. */
class ErpConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(Clock.class, Clock::systemUTC)
            .withUserConfiguration(ErpConfiguration.class);

    @Test
    void createsNoGatewayUnlessEnabled() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app).doesNotHaveBean(ErpGateway.class);
            assertThat(app).hasSingleBean(ErpOrderParser.class);
        });
    }

    @Test
    void createsRestGatewayByDefaultWhenEnabled() {
        context.withPropertyValues("mes.erp.enabled=true", "mes.erp.rest.base-url=https://erp.example.test/api")
                .run(app -> {
                    assertThat(app).hasSingleBean(ErpGateway.class);
                    assertThat(app.getBean(ErpGateway.class)).isInstanceOf(RestErpGateway.class);
                    assertThat(app.getBean(ErpGateway.class).describe()).isEqualTo("REST https://erp.example.test/api");
                });
    }

    @Test
    void createsDatabaseGatewayForTypeDatabase() {
        context.withPropertyValues(
                        "mes.erp.enabled=true",
                        "mes.erp.type=database",
                        "mes.erp.database.url=jdbc:mariadb://127.0.0.1:3306/erp?user=x",
                        "mes.erp.database.fetch-size=50")
                .run(app -> {
                    assertThat(app.getBean(ErpGateway.class)).isInstanceOf(JdbcErpGateway.class);
                    assertThat(app.getBean(ErpGateway.class).describe())
                            .isEqualTo("database jdbc:mariadb://127.0.0.1:3306/erp");
                });
    }

    @Test
    void bindsEnvironmentStyleValues() {
        context.withPropertyValues(
                        "mes.erp.type=DATABASE",
                        "mes.erp.time-zone=Europe/Lisbon",
                        "mes.erp.rest.read-timeout=250ms",
                        "mes.erp.rest.retry.attempts=7",
                        "mes.erp.rest.circuit-breaker.open-duration=2m")
                .run(app -> {
                    ErpProperties properties = app.getBean(ErpProperties.class);
                    assertThat(properties.enabled()).isFalse();
                    assertThat(properties.type()).isEqualTo(ErpProperties.Type.DATABASE);
                    assertThat(properties.timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
                    assertThat(properties.rest().readTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(properties.rest().retry().attempts()).isEqualTo(7);
                    assertThat(properties.rest().retry().baseDelay()).isEqualTo(Duration.ofMillis(500));
                    assertThat(properties.rest().circuitBreaker().openDuration())
                            .isEqualTo(Duration.ofMinutes(2));
                    assertThat(properties.rest().apiKeyHeader()).isEqualTo("X-API-Key");
                    assertThat(properties.database().query()).isEqualTo(ErpProperties.Database.DEFAULT_QUERY);
                    assertThat(properties.database().reportTable()).isEqualTo("mes_production_reports");
                });
    }

    @Test
    void refusesToStartEnabledRestAdapterWithoutBaseUrl() {
        context.withPropertyValues("mes.erp.enabled=true")
                .run(app -> assertThat(app)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("mes.erp.rest.base-url (ERP_API_URL) must be set"));
    }

    @Test
    void refusesReportTableNameThatIsNotAPlainIdentifier() {
        context.withPropertyValues(
                        "mes.erp.enabled=true",
                        "mes.erp.type=database",
                        "mes.erp.database.url=jdbc:postgresql://127.0.0.1/erp",
                        "mes.erp.database.report-table=reports; drop table x")
                .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("plain table name"));
    }
}
