package com.renar.mes.orders;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the ERP sent for orders that had already started. PCP lists them and decides: accept applies the ERP's
 * value to the order, reject keeps the MES's. A discrepancy is decided once; deciding it again is a conflict.
 */
@Service
class DiscrepancyService {

    enum Decision {
        ACCEPTED,
        REJECTED
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DiscrepancyService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResponse<DiscrepancyView> list(String status, PageQuery page) {
        long total = jdbc.sql("select count(*) from order_discrepancy where status = :status")
                .param("status", status)
                .query(Long.class)
                .single();
        List<DiscrepancyView> rows = jdbc.sql("""
                        select d.*, o.order_code from order_discrepancy d join production_order o on o.id = d.order_id
                         where d.status = :status order by d.created_at, d.id limit :limit offset :offset
                        """)
                .param("status", status)
                .param("limit", page.size())
                .param("offset", (long) page.page() * page.size())
                .query(DiscrepancyService::view)
                .list();
        return PageResponse.of(rows, page, total);
    }

    @Transactional
    DiscrepancyView decide(long id, Decision decision, String username, String note) {
        DiscrepancyView discrepancy = jdbc.sql("""
                        select d.*, o.order_code from order_discrepancy d join production_order o on o.id = d.order_id
                         where d.id = :id for update of d
                        """)
                .param("id", id)
                .query(DiscrepancyService::view)
                .optional()
                .orElseThrow(() -> MesProblemException.notFound("Discrepancy", id));
        if (!"OPEN".equals(discrepancy.status())) {
            throw MesProblemException.conflict(
                    "Discrepancy " + id + " was already " + discrepancy.status().toLowerCase());
        }
        Instant now = clock.instant();
        if (decision == Decision.ACCEPTED) {
            apply(discrepancy, now);
        }
        jdbc.sql("""
                        update order_discrepancy set status = :status, resolved_at = :now, resolved_by = :user,
                               resolution_note = :note where id = :id
                        """)
                .param("status", decision.name())
                .param("now", Timestamp.from(now))
                .param("user", username)
                .param("note", note)
                .param("id", id)
                .update();
        return jdbc.sql("select d.*, o.order_code from order_discrepancy d join production_order o"
                        + " on o.id = d.order_id where d.id = :id")
                .param("id", id)
                .query(DiscrepancyService::view)
                .single();
    }

    private void apply(DiscrepancyView d, Instant now) {
        String value = d.erpValue();
        switch (d.field()) {
            case "quantity" -> {
                BigDecimal quantity = new BigDecimal(value);
                touch(d.orderId(), "planned_quantity = :v", quantity, now);
                jdbc.sql("update production_order_step set planned_quantity = :v where production_order = :o")
                        .param("v", quantity)
                        .param("o", d.orderId())
                        .update();
            }
            case "dueAt" -> touch(d.orderId(), "due_at = :v", Timestamp.from(Instant.parse(value)), now);
            case "priority" -> touch(d.orderId(), "priority = :v", Integer.parseInt(value), now);
            case "status" -> touch(d.orderId(), "status = 'CANCELLED', closed_at = :v", Timestamp.from(now), now);
            case "lots" -> replaceLots(d, value, now);
            default ->
                throw MesProblemException.unprocessable("A change of " + d.field()
                        + " cannot be applied to a started order; the ERP must release a new order instead");
        }
    }

    private void replaceLots(DiscrepancyView d, String value, Instant now) {
        if (value.endsWith("...")) {
            throw MesProblemException.unprocessable(
                    "The ERP's lot list is too long to apply from here; change the lots in the ERP and re-import");
        }
        List<String> lots = value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
        if (!lots.isEmpty()) {
            jdbc.sql("select l.lot_code, o.order_code from production_order_lot l join production_order o"
                            + " on o.id = l.production_order where l.lot_code in (:lots) and o.id <> :o limit 1")
                    .param("lots", lots)
                    .param("o", d.orderId())
                    .query((rs, n) -> "lot '" + rs.getString(1) + "' already belongs to order " + rs.getString(2))
                    .optional()
                    .ifPresent(conflict -> {
                        throw MesProblemException.conflict(conflict);
                    });
        }
        jdbc.sql("delete from production_order_lot where production_order = :o")
                .param("o", d.orderId())
                .update();
        for (String lot : lots) {
            jdbc.sql("insert into production_order_lot (production_order, lot_code) values (:o, :lot)")
                    .param("o", d.orderId())
                    .param("lot", lot)
                    .update();
        }
        jdbc.sql("update production_order set version = version + 1, updated_at = :now where id = :o")
                .param("now", Timestamp.from(now))
                .param("o", d.orderId())
                .update();
    }

    private void touch(long orderId, String assignment, Object value, Instant now) {
        jdbc.sql("update production_order set " + assignment
                        + ", version = version + 1, updated_at = :now where id = :o")
                .param("v", value)
                .param("now", Timestamp.from(now))
                .param("o", orderId)
                .update();
    }

    private static DiscrepancyView view(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new DiscrepancyView(
                rs.getLong("id"),
                rs.getLong("order_id"),
                rs.getString("order_code"),
                rs.getString("field"),
                rs.getString("mes_value"),
                rs.getString("erp_value"),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(),
                resolved == null ? null : resolved.toInstant(),
                rs.getString("resolved_by"),
                rs.getString("resolution_note"));
    }

    /** One ERP change waiting for (or having had) PCP's decision. */
    record DiscrepancyView(
            long id,
            long orderId,
            String orderCode,
            String field,
            String mesValue,
            String erpValue,
            String status,
            Instant createdAt,
            Instant resolvedAt,
            String resolvedBy,
            String resolutionNote) {}
}
