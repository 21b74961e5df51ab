package com.renar.mes.orders;

import com.renar.mes.orders.erp.ErpException;
import com.renar.mes.orders.erp.ErpGateway;
import com.renar.mes.orders.erp.ErpUnavailableException;
import com.renar.mes.orders.erp.ProductionReport;
import com.renar.mes.orders.erp.ReportOutcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers queued production reports to the ERP. A run claims due reports with {@code FOR UPDATE SKIP LOCKED}
 * and a lease (so several instances never send the same report at once, and a crashed instance's claim expires),
 * sends them outside any transaction, and records the result:
 *
 * <ul>
 *   <li>delivered, or already delivered (the ERP deduplicated a retry) → DELIVERED;
 *   <li>ERP unreachable → stays PENDING, next attempt after an exponential backoff (30 s doubling, at most 1 h);
 *       it is never dropped;
 *   <li>refused by the ERP, or a protocol error that needs a person → FAILED with the reason, listed by the API
 *       and counted by the {@code erp_reports} metric until someone retries it.
 * </ul>
 */
class ErpReportDispatcher {

    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ErpReportDispatcher.class);

    private final ErpGateway gateway;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final int batchSize;

    ErpReportDispatcher(ErpGateway gateway, JdbcClient jdbc, JsonMapper json, Clock clock, int batchSize) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Sends the reports that are due now; returns how many were delivered. */
    int dispatchDue() {
        Instant now = clock.instant();
        List<Claimed> claimed = jdbc.sql("""
                        update erp_report_outbox set next_attempt_at = :lease
                         where report_id in (select report_id from erp_report_outbox
                                              where status = 'PENDING' and next_attempt_at <= :now
                                              order by created_at limit :batch for update skip locked)
                        returning report_id, payload, attempts
                        """)
                .param("lease", Timestamp.from(now.plus(LEASE)))
                .param("now", Timestamp.from(now))
                .param("batch", batchSize)
                .query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
        int delivered = 0;
        for (Claimed report : claimed) {
            if (send(report)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean send(Claimed claimed) {
        ProductionReport report = json.readValue(claimed.payload(), ProductionReport.class);
        try {
            ReportOutcome outcome = gateway.report(report);
            if (outcome instanceof ReportOutcome.Refused refused) {
                fail(claimed, "refused by the ERP: " + refused.reason());
                return false;
            }
            jdbc.sql("""
                            update erp_report_outbox set status = 'DELIVERED', delivered_at = :now,
                                   attempts = attempts + 1, last_error = null where report_id = :id
                            """)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", claimed.reportId())
                    .update();
            return true;
        } catch (ErpUnavailableException e) {
            int attempts = claimed.attempts() + 1;
            Instant next = clock.instant().plus(backoff(attempts));
            log.info(
                    "ERP unavailable for report {} (attempt {}), next try at {}: {}",
                    claimed.reportId(),
                    attempts,
                    next,
                    e.getMessage());
            jdbc.sql("""
                            update erp_report_outbox set attempts = :attempts, next_attempt_at = :next,
                                   last_error = :error where report_id = :id
                            """)
                    .param("attempts", attempts)
                    .param("next", Timestamp.from(next))
                    .param("error", truncate(e.getMessage()))
                    .param("id", claimed.reportId())
                    .update();
            return false;
        } catch (ErpException e) {
            fail(claimed, e.getMessage());
            return false;
        }
    }

    private void fail(Claimed claimed, String reason) {
        log.warn("ERP report {} failed and needs attention: {}", claimed.reportId(), reason);
        jdbc.sql("""
                        update erp_report_outbox set status = 'FAILED', attempts = attempts + 1, last_error = :error
                         where report_id = :id
                        """)
                .param("error", truncate(reason))
                .param("id", claimed.reportId())
                .update();
    }

    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    private record Claimed(String reportId, String payload, int attempts) {}
}
