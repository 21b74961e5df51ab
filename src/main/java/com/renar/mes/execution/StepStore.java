package com.renar.mes.execution;

import com.renar.mes.execution.StepState.Action;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL behind step execution: one statement per change, totals updated in place, the database checking them. */
@Component
class StepStore {

    private final JdbcClient jdbc;

    StepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every step of the order that has a row, by sequence. */
    Map<Integer, StepRecord> all(long orderId) {
        Map<Integer, StepRecord> steps = new HashMap<>();
        jdbc.sql("select * from step_execution where order_id = :order")
                .param("order", orderId)
                .query(StepRecord::map)
                .list()
                .forEach(r -> steps.put(r.sequence(), r));
        return steps;
    }

    Optional<StepRecord> find(long orderId, int sequence) {
        return jdbc.sql("select * from step_execution where order_id = :order and step_sequence = :step")
                .param("order", orderId)
                .param("step", sequence)
                .query(StepRecord::map)
                .optional();
    }

    /** The step's row, created if it has none yet, locked until the transaction ends. */
    StepRecord lock(long orderId, int sequence) {
        jdbc.sql("insert into step_execution (order_id, step_sequence) values (:order, :step) on conflict do nothing")
                .param("order", orderId)
                .param("step", sequence)
                .update();
        return jdbc.sql("select * from step_execution where order_id = :order and step_sequence = :step for update")
                .param("order", orderId)
                .param("step", sequence)
                .query(StepRecord::map)
                .single();
    }

    StepRecord start(long orderId, int sequence, String workcenter, String operator, Instant now) {
        return update(
                """
                update step_execution
                   set state = 'IN_PROGRESS', workcenter_code = :workcenter, started_at = :now, started_by = :operator,
                       running_since = :now, updated_at = :now
                 where order_id = :order and step_sequence = :step returning *
                """,
                orderId,
                sequence,
                Map.of("workcenter", workcenter, "operator", operator, "now", Timestamp.from(now)));
    }

    StepRecord pause(long orderId, int sequence, Instant now) {
        return update("""
                update step_execution
                   set state = 'PAUSED',
                       run_seconds = run_seconds + greatest(0, extract(epoch from (cast(:now as timestamptz) - running_since))::bigint),
                       running_since = null, updated_at = :now
                 where order_id = :order and step_sequence = :step returning *
                """, orderId, sequence, Map.of("now", Timestamp.from(now)));
    }

    StepRecord resume(long orderId, int sequence, Instant now) {
        return update("""
                update step_execution set state = 'IN_PROGRESS', running_since = :now, updated_at = :now
                 where order_id = :order and step_sequence = :step returning *
                """, orderId, sequence, Map.of("now", Timestamp.from(now)));
    }

    StepRecord complete(long orderId, int sequence, long released, String operator, Instant now) {
        return update(
                """
                update step_execution
                   set state = 'COMPLETED', released = :released, completed_at = :now, completed_by = :operator,
                       run_seconds = run_seconds + coalesce(
                           greatest(0, extract(epoch from (cast(:now as timestamptz) - running_since))::bigint), 0),
                       running_since = null, updated_at = :now
                 where order_id = :order and step_sequence = :step returning *
                """, orderId, sequence, Map.of("released", released, "operator", operator, "now", Timestamp.from(now)));
    }

    /** Adds produced pieces while the step is open; empty when it is not (not started, completed). */
    Optional<StepRecord> addProduced(long orderId, int sequence, long pieces, Instant now) {
        return jdbc.sql("""
                        update step_execution set produced = produced + :n, updated_at = :now
                         where order_id = :order and step_sequence = :step and state in ('IN_PROGRESS', 'PAUSED')
                        returning *
                        """)
                .param("n", pieces)
                .param("now", Timestamp.from(now))
                .param("order", orderId)
                .param("step", sequence)
                .query(StepRecord::map)
                .optional();
    }

    /** Pieces back from rework, good again; empty unless the step is open and that many are in rework. */
    Optional<StepRecord> returnFromRework(long orderId, int sequence, long pieces, Instant now) {
        return jdbc.sql("""
                        update step_execution set rework_returned = rework_returned + :n, updated_at = :now
                         where order_id = :order and step_sequence = :step and state in ('IN_PROGRESS', 'PAUSED')
                           and rework - rework_returned >= :n
                        returning *
                        """)
                .param("n", pieces)
                .param("now", Timestamp.from(now))
                .param("order", orderId)
                .param("step", sequence)
                .query(StepRecord::map)
                .optional();
    }

    /** Scraps or sets aside good pieces; empty unless the step is open and has that many good pieces. */
    Optional<StepRecord> judge(long orderId, int sequence, boolean scrap, long pieces, Instant now) {
        String column = scrap ? "scrap" : "rework";
        return jdbc.sql("update step_execution set " + column + " = " + column + " + :n, updated_at = :now"
                        + " where order_id = :order and step_sequence = :step and state in ('IN_PROGRESS', 'PAUSED')"
                        + " and produced - scrap - (rework - rework_returned) >= :n returning *")
                .param("n", pieces)
                .param("now", Timestamp.from(now))
                .param("order", orderId)
                .param("step", sequence)
                .query(StepRecord::map)
                .optional();
    }

    /** Whether another step of the order is running (the order is then still in progress). */
    boolean anotherRunning(long orderId, int sequence) {
        return jdbc.sql("""
                        select exists (select 1 from step_execution
                                        where order_id = :order and step_sequence <> :step and state = 'IN_PROGRESS')
                        """)
                .param("order", orderId)
                .param("step", sequence)
                .query(Boolean.class)
                .single();
    }

    void journal(
            long orderId,
            int sequence,
            Action action,
            StepState from,
            StepState to,
            String workcenter,
            Actor actor,
            String lot,
            Long quantity,
            String reason,
            Instant now) {
        jdbc.sql("""
                        insert into step_transition (order_id, step_sequence, action, from_state, to_state,
                            workcenter_code, operator, recorded_by, lot_code, quantity, reason, occurred_at)
                        values (:order, :step, :action, :from, :to, :workcenter, :operator, :by, :lot, :quantity,
                                :reason, :now)
                        """)
                .param("order", orderId)
                .param("step", sequence)
                .param("action", action.name())
                .param("from", from.name())
                .param("to", to.name())
                .param("workcenter", workcenter)
                .param("operator", actor.operator())
                .param("by", actor.recordedBy())
                .param("lot", lot)
                .param("quantity", quantity)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The material lot named when the step started, if one was. */
    Optional<String> startLot(long orderId, int sequence) {
        return jdbc.sql("""
                        select lot_code from step_transition
                         where order_id = :order and step_sequence = :step and action = 'START' and lot_code is not null
                         order by id limit 1
                        """)
                .param("order", orderId)
                .param("step", sequence)
                .query(String.class)
                .optional();
    }

    void discrepancy(
            long orderId, int sequence, String kind, java.math.BigDecimal quantity, String details, Instant now) {
        jdbc.sql("""
                        insert into execution_discrepancy (order_id, step_sequence, kind, quantity, details, created_at)
                        values (:order, :step, :kind, :quantity, :details, :now)
                        on conflict do nothing
                        """)
                .param("order", orderId)
                .param("step", sequence)
                .param("kind", kind)
                .param("quantity", quantity)
                .param("details", details.length() > 1000 ? details.substring(0, 1000) : details)
                .param("now", Timestamp.from(now))
                .update();
    }

    long insertQuality(
            long orderId,
            int sequence,
            String disposition,
            String reasonCode,
            long quantity,
            String lot,
            String notes,
            String workcenter,
            Actor actor,
            Instant now) {
        return jdbc.sql("""
                        insert into quality_record (order_id, step_sequence, disposition, reason_code, quantity, lot_code,
                                                    notes, workcenter_code, operator, recorded_by, recorded_at)
                        values (:order, :step, :disposition, :reason, :quantity, :lot, :notes, :workcenter, :operator,
                                :by, :now)
                        returning id
                        """)
                .param("order", orderId)
                .param("step", sequence)
                .param("disposition", disposition)
                .param("reason", reasonCode)
                .param("quantity", quantity)
                .param("lot", lot)
                .param("notes", notes)
                .param("workcenter", workcenter)
                .param("operator", actor.operator())
                .param("by", actor.recordedBy())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    private StepRecord update(String sql, long orderId, int sequence, Map<String, Object> params) {
        return jdbc.sql(sql)
                .params(params)
                .param("order", orderId)
                .param("step", sequence)
                .query(StepRecord::map)
                .single();
    }

    /** Sums used by the order completion report: scrap and rework of all steps. */
    List<Long> totals(long orderId) {
        return jdbc.sql(
                        "select coalesce(sum(scrap), 0), coalesce(sum(rework), 0) from step_execution where order_id = :o")
                .param("o", orderId)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single();
    }
}
