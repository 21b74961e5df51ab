package com.renar.mes.execution;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After {@code mes.execution.idempotency-retention} a scan's idempotency key, request hash and stored answer are
 * cleared; the scan itself stays in the audit. A terminal retrying after that would record a new scan.
 */
@Component
class ScanKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(ScanKeyPurge.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutionProperties properties;

    ScanKeyPurge(JdbcClient jdbc, Clock clock, ExecutionProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(cron = "${mes.idempotency.purge-cron:0 17 * * * *}")
    int purge() {
        int purged = jdbc.sql("""
                        update scan set idempotency_key = null, request_hash = null, response_body = null
                         where idempotency_key is not null and received_at < :cutoff
                        """)
                .param("cutoff", Timestamp.from(clock.instant().minus(properties.idempotencyRetention())))
                .update();
        if (purged > 0) {
            log.info(
                    "Cleared the idempotency keys of {} scans older than {}",
                    purged,
                    properties.idempotencyRetention());
        }
        return purged;
    }
}
