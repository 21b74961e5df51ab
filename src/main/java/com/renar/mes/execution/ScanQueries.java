package com.renar.mes.execution;

import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The scan audit. */
@Component
class ScanQueries {

    enum Status {
        ACCEPTED,
        REJECTED
    }

    private static final String FILTER = """
             where (cast(:order as bigint) is null or order_id = :order)
               and (cast(:workcenter as varchar) is null or workcenter_code = :workcenter)
               and (cast(:status as varchar) is null or status = :status)
            """;

    private final JdbcClient jdbc;

    ScanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResponse<ScanRow> list(Long orderId, String workcenter, Status status, PageQuery page) {
        String statusName = status == null ? null : status.name();
        long total = jdbc.sql("select count(*) from scan" + FILTER)
                .param("order", orderId)
                .param("workcenter", workcenter)
                .param("status", statusName)
                .query(Long.class)
                .single();
        List<ScanRow> rows = jdbc.sql(
                        "select * from scan" + FILTER + " order by received_at desc, id limit :limit offset :offset")
                .param("order", orderId)
                .param("workcenter", workcenter)
                .param("status", statusName)
                .param("limit", page.size())
                .param("offset", (long) page.page() * page.size())
                .query(ScanQueries::row)
                .list();
        return PageResponse.of(rows, page, total);
    }

    Optional<ScanRow> byId(UUID id) {
        return jdbc.sql("select * from scan where id = :id")
                .param("id", id)
                .query(ScanQueries::row)
                .optional();
    }

    private static ScanRow row(ResultSet rs, int n) throws SQLException {
        Timestamp client = rs.getTimestamp("client_at");
        return new ScanRow(
                rs.getObject("id", UUID.class),
                rs.getString("status"),
                rs.getString("barcode"),
                rs.getString("barcode_kind"),
                (Long) rs.getObject("order_id"),
                (Integer) rs.getObject("step_sequence"),
                rs.getString("lot_code"),
                rs.getString("material_lot"),
                rs.getString("workcenter_code"),
                rs.getString("process_step_code"),
                rs.getString("operator"),
                rs.getString("caller"),
                rs.getString("problem_type"),
                rs.getString("problem_detail"),
                client == null ? null : client.toInstant(),
                rs.getTimestamp("received_at").toInstant());
    }

    /** One scan of the audit; {@code problemType}/{@code problemDetail} say why a rejected scan was refused. */
    record ScanRow(
            UUID id,
            String status,
            String barcode,
            String barcodeKind,
            Long orderId,
            Integer stepSequence,
            String lot,
            String materialLot,
            String workcenter,
            String processStep,
            String operator,
            String recordedBy,
            String problemType,
            String problemDetail,
            Instant scannedAt,
            Instant receivedAt) {}
}
