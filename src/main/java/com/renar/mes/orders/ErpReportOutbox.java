package com.renar.mes.orders;

import com.renar.mes.orders.erp.ProductionReport;
import com.renar.mes.shared.MesProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes production reports to {@code erp_report_outbox} in the caller's transaction. Report ids are derived from
 * what is reported ({@code <order>:step:<n>}, {@code <order>:order}), so a retried completion finds its report
 * already queued and the ERP can deduplicate on the id.
 */
@Service
class ErpReportOutbox implements ErpReporting {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ErpReportOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void stepCompleted(StepCompletion c) {
        OrderRef order = order(c.orderId());
        String processStep = jdbc.sql("select process_step_code from production_order_step"
                        + " where production_order = :o and sequence = :s")
                .param("o", c.orderId())
                .param("s", c.stepSequence())
                .query(String.class)
                .optional()
                .orElseThrow(
                        () -> MesProblemException.notFound("Step " + c.stepSequence() + " of order", order.code()));
        enqueue(
                order,
                c.stepSequence(),
                new ProductionReport(
                        order.code() + ":step:" + c.stepSequence(),
                        order.code(),
                        new ProductionReport.Step(c.stepSequence(), processStep, c.workcenterCode()),
                        c.good(),
                        c.scrap(),
                        c.rework(),
                        c.startedAt(),
                        c.endedAt(),
                        order.lots()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void orderCompleted(OrderCompletion c) {
        OrderRef order = order(c.orderId());
        enqueue(
                order,
                null,
                new ProductionReport(
                        order.code() + ":order",
                        order.code(),
                        null,
                        c.good(),
                        c.scrap(),
                        c.rework(),
                        c.startedAt(),
                        c.endedAt(),
                        order.lots()));
    }

    private void enqueue(OrderRef order, Integer step, ProductionReport report) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into erp_report_outbox (report_id, order_id, order_code, step_sequence, payload,
                                                       next_attempt_at, created_at)
                        values (:id, :order, :code, :step, :payload, :now, :now)
                        on conflict (report_id) do nothing
                        """)
                .param("id", report.reportId())
                .param("order", order.id())
                .param("code", order.code())
                .param("step", step)
                .param("payload", json.writeValueAsString(report))
                .param("now", now)
                .update();
    }

    private OrderRef order(long orderId) {
        return jdbc.sql("""
                        select o.id, o.order_code,
                               coalesce(array_agg(l.lot_code order by l.lot_code) filter (where l.lot_code is not null),
                                        '{}') as lots
                          from production_order o left join production_order_lot l on l.production_order = o.id
                         where o.id = :id group by o.id
                        """)
                .param("id", orderId)
                .query((rs, n) -> new OrderRef(rs.getLong("id"), rs.getString("order_code"), List.of((String[])
                        rs.getArray("lots").getArray())))
                .optional()
                .orElseThrow(() -> MesProblemException.notFound("Production order", orderId));
    }

    private record OrderRef(long id, String code, List<String> lots) {}
}
