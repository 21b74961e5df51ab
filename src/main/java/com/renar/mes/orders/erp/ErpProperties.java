package com.renar.mes.orders.erp;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * How the MES reaches the ERP ({@code mes.erp.*}; the environment variables are in application.yml and
 * docs/erp-integration.md). Nothing is contacted unless {@code enabled} is true.
 *
 * @param enabled create the ERP adapter at all ({@code ERP_ENABLED}, default false)
 * @param type which adapter: {@code rest} or {@code database} ({@code ERP_TYPE})
 * @param timeZone the zone of date-times the ERP sends without offset (database {@code DATETIME} columns)
 * @param rest the REST adapter
 * @param database the database adapter
 */
@ConfigurationProperties("mes.erp")
record ErpProperties(boolean enabled, Type type, ZoneId timeZone, Rest rest, Database database) {

    ErpProperties {
        if (type == null) {
            type = Type.REST;
        }
        if (timeZone == null) {
            timeZone = ZoneId.of("America/Sao_Paulo");
        }
        if (rest == null) {
            rest = new Rest(null, null, null, 0, null, null, null, null);
        }
        if (database == null) {
            database = new Database(null, null, null, null, 0, null, null, null);
        }
    }

    enum Type {
        REST,
        DATABASE
    }

    /**
     * @param baseUrl e.g. {@code https://erp.renar.local/api/mes}; orders are at {@code {baseUrl}/orders}
     * @param apiKey sent in {@code apiKeyHeader} on every request; blank sends none
     * @param apiKeyHeader header name, default {@code X-API-Key}
     * @param pageSize orders asked per page
     * @param connectTimeout TCP/TLS connect timeout
     * @param readTimeout longest wait for a whole response after sending a request
     * @param retry retries of transient failures
     * @param circuitBreaker fail fast after repeated failures
     */
    record Rest(
            String baseUrl,
            String apiKey,
            String apiKeyHeader,
            int pageSize,
            Duration connectTimeout,
            Duration readTimeout,
            Retry retry,
            CircuitBreaker circuitBreaker) {

        Rest {
            if (!StringUtils.hasText(apiKeyHeader)) {
                apiKeyHeader = "X-API-Key";
            }
            if (pageSize <= 0) {
                pageSize = 200;
            }
            if (connectTimeout == null) {
                connectTimeout = Duration.ofSeconds(5);
            }
            if (readTimeout == null) {
                readTimeout = Duration.ofSeconds(30);
            }
            if (retry == null) {
                retry = new Retry(0, null, null);
            }
            if (circuitBreaker == null) {
                circuitBreaker = new CircuitBreaker(0, null);
            }
        }

        /** Base URL without a trailing slash, for appending paths. */
        String base() {
            String base = baseUrl.trim();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
    }

    /**
     * @param attempts total attempts per call, including the first
     * @param baseDelay delay before the first retry; doubles each time
     * @param maxDelay cap on a single delay
     */
    record Retry(int attempts, Duration baseDelay, Duration maxDelay) {
        Retry {
            if (attempts <= 0) {
                attempts = 4;
            }
            if (baseDelay == null) {
                baseDelay = Duration.ofMillis(500);
            }
            if (maxDelay == null) {
                maxDelay = Duration.ofSeconds(30);
            }
        }

        RetryPolicy policy() {
            return new RetryPolicy(attempts, baseDelay, maxDelay);
        }
    }

    /**
     * @param failureThreshold consecutive failed calls that open the circuit
     * @param openDuration how long it stays open before one trial call
     */
    record CircuitBreaker(int failureThreshold, Duration openDuration) {
        CircuitBreaker {
            if (failureThreshold <= 0) {
                failureThreshold = 5;
            }
            if (openDuration == null) {
                openDuration = Duration.ofSeconds(60);
            }
        }
    }

    /**
     * @param url JDBC URL of the ERP database ({@code jdbc:mariadb:}, {@code jdbc:sqlserver:}, {@code
     *     jdbc:postgresql:})
     * @param user database user (read on the view, insert on the report table)
     * @param password its password
     * @param query the SQL that lists released orders; blank means {@link #DEFAULT_QUERY}
     * @param fetchSize rows per round trip, also rows per page handed to the import
     * @param queryTimeout longest a statement may run
     * @param connectTimeout longest wait for a connection
     * @param reportTable table production reports are inserted into, keyed by report id
     */
    record Database(
            String url,
            String user,
            String password,
            String query,
            int fetchSize,
            Duration queryTimeout,
            Duration connectTimeout,
            String reportTable) {

        static final String DEFAULT_QUERY = "select order_code, item_code, quantity, due_date, priority, lots, status,"
                + " updated_at from mes_released_orders";

        Database {
            if (!StringUtils.hasText(query)) {
                query = DEFAULT_QUERY;
            }
            if (fetchSize <= 0) {
                fetchSize = 500;
            }
            if (queryTimeout == null) {
                queryTimeout = Duration.ofSeconds(120);
            }
            if (connectTimeout == null) {
                connectTimeout = Duration.ofSeconds(10);
            }
            if (!StringUtils.hasText(reportTable)) {
                reportTable = "mes_production_reports";
            }
        }
    }
}
