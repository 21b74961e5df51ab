package com.renar.mes.execution;

import com.renar.mes.shared.PlantEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes execution events (written to the event log in the caller's transaction) and keeps the shop-floor
 * metrics: {@code execution_events_total{event_type,workcenter}}, {@code piece_count_total{workcenter}} and
 * {@code quality_events_total{disposition}}. Metrics move only when the transaction commits, so a rolled-back
 * command never shows in them.
 */
@Component
class ExecutionEvents {

    private final ApplicationEventPublisher publisher;
    private final MeterRegistry meters;

    ExecutionEvents(ApplicationEventPublisher publisher, MeterRegistry meters) {
        this.publisher = publisher;
        this.meters = meters;
    }

    void publish(PlantEvent event) {
        publisher.publishEvent(event);
        afterCommit(() -> committed(event));
    }

    /** Counts an event that was written outside {@link #publish} (the scan statement writes its own). */
    void committed(PlantEvent event) {
        Counter.builder("execution.events")
                .description("Shop-floor events recorded")
                .tag("event_type", event.eventType())
                .tag("workcenter", event.topicWorkcenter() == null ? "none" : event.topicWorkcenter())
                .register(meters)
                .increment();
    }

    void piecesCounted(String workcenter, long pieces) {
        afterCommit(() -> Counter.builder("piece.count")
                .description("Pieces counted")
                .tag("workcenter", workcenter)
                .register(meters)
                .increment(pieces));
    }

    void qualityRecorded(String disposition) {
        afterCommit(() -> Counter.builder("quality.events")
                .description("Quality records (scrap, rework)")
                .tag("disposition", disposition)
                .register(meters)
                .increment());
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
