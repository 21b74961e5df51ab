package com.renar.mes.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.MutableClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MesIntegrationTest
class IdempotencyPurgeTests {

    @Autowired
    IdempotencyPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void key(String key, Instant created) {
        jdbc.sql("""
                        insert into idempotency_record (caller, idempotency_key, request_hash, created_at, response_status)
                        values ('purge-test', :key, 'h', :at, 200)
                        """).param("key", key).param("at", Timestamp.from(created)).update();
    }

    @Test
    void forgetsKeysOlderThanTheRetentionAndKeepsTheRest() {
        Instant now = Instant.parse("2030-06-01T12:00:00Z");
        clock.fixAt(now);
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        key(old, now.minus(Duration.ofDays(7)).minusSeconds(1));
        key(recent, now.minus(Duration.ofDays(6)));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select idempotency_key from idempotency_record where caller = 'purge-test'")
                        .query(String.class)
                        .list())
                .contains(recent)
                .doesNotContain(old);
    }
}
