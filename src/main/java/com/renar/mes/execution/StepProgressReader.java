package com.renar.mes.execution;

import com.renar.mes.orders.StepProgress;
import com.renar.mes.orders.StepProgressSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the orders module's question "what happened on these orders' steps" from {@code step_execution}. */
@Component
class StepProgressReader implements StepProgressSource {

    private final JdbcClient jdbc;
    private final Clock clock;

    StepProgressReader(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<Long, Map<Integer, StepProgress>> progressOf(Collection<Long> orderIds) {
        Map<Long, Map<Integer, StepProgress>> progress = new HashMap<>();
        if (orderIds.isEmpty()) {
            return progress;
        }
        Instant now = clock.instant();
        jdbc.sql("select * from step_execution where order_id in (:ids)")
                .param("ids", orderIds)
                .query(StepRecord::map)
                .list()
                .forEach(r -> progress.computeIfAbsent(r.orderId(), id -> new HashMap<>())
                        .put(r.sequence(), progress(r, now)));
        return progress;
    }

    private static StepProgress progress(StepRecord r, Instant now) {
        return new StepProgress(
                r.sequence(),
                r.state().name(),
                BigDecimal.valueOf(r.produced()),
                BigDecimal.valueOf(r.good()),
                BigDecimal.valueOf(r.scrap()),
                BigDecimal.valueOf(r.rework()),
                BigDecimal.valueOf(r.released()),
                r.startedAt(),
                r.completedAt(),
                r.runSecondsAt(now));
    }
}
