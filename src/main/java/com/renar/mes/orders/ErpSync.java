package com.renar.mes.orders;

import com.renar.mes.orders.SyncSummary.RejectedRecord;
import com.renar.mes.orders.erp.ErpGateway;
import com.renar.mes.orders.erp.ErpOrder;
import com.renar.mes.orders.erp.ErpOrderPage;
import com.renar.mes.orders.erp.ErpRecordOutcome;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.ProblemType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/**
 * Runs an import: pulls every released order through the configured {@link ErpGateway} (or takes a pushed batch)
 * and hands each valid one to {@link OrderImport}. A pull runs on one instance at a time, cluster-wide: it holds a
 * PostgreSQL session advisory lock for its whole duration, and a second pull that finds it taken is refused.
 */
@Service
class ErpSync {

    /** The advisory lock key of the pull (any constant shared by all instances). */
    static final long SYNC_LOCK_KEY = 0x4d45_5352_5359_4e43L; // "MESRSYNC"

    private static final Logger log = LoggerFactory.getLogger(ErpSync.class);

    private final OrderImport importer;
    private final ObjectProvider<ErpGateway> gateway;
    private final DataSource dataSource;
    private final ZoneId plantZone;
    private final Clock clock;

    ErpSync(
            OrderImport importer,
            ObjectProvider<ErpGateway> gateway,
            DataSource dataSource,
            @Value("${mes.plant.time-zone:America/Sao_Paulo}") ZoneId plantZone,
            Clock clock) {
        this.importer = importer;
        this.gateway = gateway;
        this.dataSource = dataSource;
        this.plantZone = plantZone;
        this.clock = clock;
    }

    /** Pulls from the ERP now. Refused (409) while another pull runs anywhere; 503 when no ERP is configured. */
    SyncSummary pull() {
        ErpGateway erp = gateway.getIfAvailable();
        if (erp == null) {
            throw new MesProblemException(
                    ProblemType.SERVICE_UNAVAILABLE, "No ERP is configured (set ERP_ENABLED=true and ERP_TYPE)");
        }
        try (Connection lockConnection = dataSource.getConnection()) {
            if (!advisoryLock(lockConnection, "pg_try_advisory_lock")) {
                throw MesProblemException.conflict("An ERP sync is already running; try again when it has finished");
            }
            try {
                return pull(erp);
            } finally {
                advisoryLock(lockConnection, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not take the ERP sync lock", e);
        }
    }

    private SyncSummary pull(ErpGateway erp) {
        Tally tally = new Tally(erp.describe(), clock.instant());
        log.info("ERP sync started from {}", erp.describe());
        try (Stream<ErpOrderPage> pages = erp.fetchOrders(progress -> log.info(
                "ERP sync: page {}{} read, {} records so far, {} rejected",
                progress.pagesFetched(),
                progress.totalPages().isPresent()
                        ? " of " + progress.totalPages().getAsInt()
                        : "",
                progress.records(),
                progress.rejected()))) {
            pages.forEach(page -> page.records().forEach(tally::take));
        }
        SyncSummary summary = tally.summary(clock.instant());
        log.info(
                "ERP sync finished: {} created, {} updated, {} unchanged, {} discrepancies, {} rejected",
                summary.created(),
                summary.updated(),
                summary.unchanged(),
                summary.discrepancies(),
                summary.rejected().size());
        return summary;
    }

    /** Imports a batch the ERP pushed, already parsed record by record. */
    SyncSummary importPushed(List<ErpRecordOutcome> records) {
        Tally tally = new Tally("push", clock.instant());
        records.forEach(tally::take);
        return tally.summary(clock.instant());
    }

    private boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, SYNC_LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private ImportCandidate candidate(ErpOrder order) {
        return new ImportCandidate(
                order.orderCode(),
                order.type() == ErpOrder.Type.REPLENISHMENT ? OrderType.REPLENISHMENT : OrderType.PRODUCTION,
                order.itemCode(),
                order.quantity(),
                order.dueDate().deadline(plantZone),
                order.priority(),
                order.lots(),
                order.routing().stream()
                        .map(s -> new ImportCandidate.RoutingStep(
                                s.sequence(),
                                s.processStepCode(),
                                s.workcenterCode(),
                                s.workcenterType(),
                                s.setupMinutes(),
                                s.standardSecondsPerPiece()))
                        .toList(),
                order.status() == ErpOrder.Status.CANCELLED,
                order.erpUpdatedAt());
    }

    /** Counts outcomes as records are imported one by one. */
    private final class Tally {
        private final String source;
        private final Instant startedAt;
        private int created;
        private int updated;
        private int unchanged;
        private int discrepancies;
        private final List<RejectedRecord> rejected = new ArrayList<>();

        Tally(String source, Instant startedAt) {
            this.source = source;
            this.startedAt = startedAt;
        }

        void take(ErpRecordOutcome record) {
            if (record instanceof ErpRecordOutcome.Rejected r) {
                rejected.add(new RejectedRecord(r.orderCode(), r.raw().position(), r.reason()));
                return;
            }
            ErpRecordOutcome.Accepted accepted = (ErpRecordOutcome.Accepted) record;
            ImportOutcome outcome = importer.importOrder(candidate(accepted.order()));
            if (outcome instanceof ImportOutcome.Created) {
                created++;
            } else if (outcome instanceof ImportOutcome.Updated) {
                updated++;
            } else if (outcome instanceof ImportOutcome.Unchanged) {
                unchanged++;
            } else if (outcome instanceof ImportOutcome.DiscrepancyRecorded) {
                discrepancies++;
            } else if (outcome instanceof ImportOutcome.Rejected r) {
                rejected.add(new RejectedRecord(r.orderCode(), accepted.raw().position(), r.reason()));
            }
        }

        SyncSummary summary(Instant finishedAt) {
            return new SyncSummary(
                    source, startedAt, finishedAt, created, updated, unchanged, discrepancies, List.copyOf(rejected));
        }
    }
}
