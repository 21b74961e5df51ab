package com.renar.mes.platform.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys older than {@code mes.idempotency.retention}; a retry after that runs anew. */
@Component
class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyPurge(JdbcClient jdbc, Clock clock, @Value("${mes.idempotency.retention:7d}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${mes.idempotency.purge-cron:0 17 * * * *}")
    int purge() {
        int purged = jdbc.sql("delete from idempotency_record where created_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(retention)))
                .update();
        if (purged > 0) {
            log.info("Purged {} idempotency keys older than {}", purged, retention);
        }
        return purged;
    }
}
