package com.renar.mes.orders;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visible side of the report outbox: what is pending or failed, a retry for failed ones, and the gauges
 * {@code erp_reports{status="pending"|"failed"}} for alerting.
 */
@Component
class ErpReportQueue {

    private final JdbcClient jdbc;
    private final Clock clock;

    ErpReportQueue(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (String status : List.of("PENDING", "FAILED")) {
            Gauge.builder("erp.reports", this, queue -> queue.count(status))
                    .tag("status", status.toLowerCase())
                    .description("Production reports for the ERP not delivered yet, by status")
                    .register(meters);
        }
    }

    long count(String status) {
        return jdbc.sql("select count(*) from erp_report_outbox where status = :s")
                .param("s", status)
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    PageResponse<ReportView> list(String status, PageQuery page) {
        List<ReportView> rows = jdbc.sql("""
                        select * from erp_report_outbox where status = :s order by created_at, report_id
                         limit :limit offset :offset
                        """)
                .param("s", status)
                .param("limit", page.size())
                .param("offset", (long) page.page() * page.size())
                .query(ErpReportQueue::view)
                .list();
        return PageResponse.of(rows, page, count(status));
    }

    /** Puts a failed report back in the queue, due now. */
    @Transactional
    ReportView retry(String reportId) {
        int updated = jdbc.sql("""
                        update erp_report_outbox set status = 'PENDING', next_attempt_at = :now
                         where report_id = :id and status = 'FAILED'
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", reportId)
                .update();
        ReportView report = jdbc.sql("select * from erp_report_outbox where report_id = :id")
                .param("id", reportId)
                .query(ErpReportQueue::view)
                .optional()
                .orElseThrow(() -> MesProblemException.notFound("ERP report", reportId));
        if (updated == 0) {
            throw MesProblemException.conflict("ERP report " + reportId + " is "
                    + report.status().toLowerCase() + "; only failed reports can be retried");
        }
        return report;
    }

    private static ReportView view(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new ReportView(
                rs.getString("report_id"),
                rs.getString("order_code"),
                (Integer) rs.getObject("step_sequence"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }

    record ReportView(
            String reportId,
            String orderCode,
            Integer stepSequence,
            String status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {}
}
