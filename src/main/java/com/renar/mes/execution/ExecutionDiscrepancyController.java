package com.renar.mes.execution;

import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What did not add up on the floor, for PCP to analyse: components missing at kitting (SHORTAGE), pieces
 * unaccounted for at completion (DIVERGENCE), material used beyond recorded stock (MATERIAL). Newest first.
 */
@RestController
@RequestMapping("/api/v1/execution/discrepancies")
class ExecutionDiscrepancyController {

    private final JdbcClient jdbc;

    ExecutionDiscrepancyController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    PageResponse<Discrepancy> list(@RequestParam(required = false) Long orderId, @Valid PageQuery page) {
        String where = " where (cast(:order as bigint) is null or order_id = :order)";
        long total = jdbc.sql("select count(*) from execution_discrepancy" + where)
                .param("order", orderId)
                .query(Long.class)
                .single();
        List<Discrepancy> rows = jdbc.sql("select * from execution_discrepancy" + where
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .param("order", orderId)
                .param("limit", page.size())
                .param("offset", (long) page.page() * page.size())
                .query((rs, n) -> new Discrepancy(
                        rs.getLong("id"),
                        rs.getLong("order_id"),
                        rs.getInt("step_sequence"),
                        rs.getString("kind"),
                        com.renar.mes.shared.Quantities.plain(rs.getBigDecimal("quantity")),
                        rs.getString("details"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        return PageResponse.of(rows, page, total);
    }

    record Discrepancy(
            long id,
            long orderId,
            int stepSequence,
            String kind,
            BigDecimal quantity,
            String details,
            Instant createdAt) {}
}
