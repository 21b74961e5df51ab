package com.renar.mes.orders;

import com.renar.mes.masterdata.ActiveRouting;
import com.renar.mes.masterdata.ItemInfo;
import com.renar.mes.masterdata.MasterData;
import com.renar.mes.masterdata.ProcessStepInfo;
import com.renar.mes.masterdata.WorkcenterInfo;
import com.renar.mes.masterdata.WorkcenterType;
import com.renar.mes.orders.ImportOutcome.Created;
import com.renar.mes.orders.ImportOutcome.DiscrepancyRecorded;
import com.renar.mes.orders.ImportOutcome.Rejected;
import com.renar.mes.orders.ImportOutcome.Unchanged;
import com.renar.mes.orders.ImportOutcome.Updated;
import com.renar.mes.orders.ProductionOrder.OrderLot;
import com.renar.mes.orders.ProductionOrder.OrderStep;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent upsert of ERP orders, keyed by ERP order code. Each order is imported in its own transaction, so
 * a bad record never takes the rest of the batch with it, and under a transaction-scoped advisory lock on its
 * code, so concurrent imports of the same order (two instances, a push racing a pull) make one order.
 *
 * <ul>
 *   <li>New code: checked against master data (item, active routing or a valid override, free lot codes),
 *       created with its routing snapshot, OP_IMPORTED_FROM_ERP published in the same transaction.
 *   <li>Known code, same fingerprint: unchanged, nothing written.
 *   <li>Known code, not started: quantity, due time, priority, lots and cancellation are applied.
 *   <li>Known code, started (or closed): each differing field becomes an open discrepancy for PCP; the order is
 *       not touched. The same ERP change seen again is the same discrepancy.
 * </ul>
 */
@Service
class OrderImport {

    private static final Logger log = LoggerFactory.getLogger(OrderImport.class);

    private final ProductionOrderRepository orders;
    private final MasterData catalog;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderImport(
            ProductionOrderRepository orders,
            MasterData catalog,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    ImportOutcome importOrder(ImportCandidate candidate) {
        Optional<String> invalid = fitsTheSchema(candidate);
        if (invalid.isPresent()) {
            return new Rejected(candidate.orderCode(), invalid.get());
        }
        try {
            return transactions.execute(tx -> upsert(candidate));
        } catch (DataAccessException e) {
            log.warn("ERP order {} could not be stored", candidate.orderCode(), e);
            return new Rejected(candidate.orderCode(), "could not be stored (conflicts with existing data)");
        }
    }

    /** Limits of the columns, checked up front so that no value is ever rounded or cut by the database. */
    private static Optional<String> fitsTheSchema(ImportCandidate c) {
        if (c.orderCode() == null || c.orderCode().isBlank() || c.orderCode().length() > 40) {
            return Optional.of("order code must have 1 to 40 characters");
        }
        if (c.itemCode() == null || c.itemCode().isBlank() || c.itemCode().length() > 40) {
            return Optional.of("item code must have 1 to 40 characters");
        }
        if (!fits(c.quantity(), 10, 4) || c.quantity().signum() <= 0) {
            return Optional.of("quantity must be positive, with at most 10 integer digits and 4 decimals");
        }
        if (c.type() == null) {
            return Optional.of("order type is missing");
        }
        if (c.dueAt() == null) {
            return Optional.of("due date is missing");
        }
        for (String lot : c.lots()) {
            if (lot == null || lot.isBlank() || lot.length() > 60) {
                return Optional.of("lot codes must have 1 to 60 characters");
            }
        }
        if (new HashSet<>(c.lots()).size() != c.lots().size()) {
            return Optional.of("the same lot code appears twice");
        }
        Set<Integer> sequences = new HashSet<>();
        for (ImportCandidate.RoutingStep step : c.routing()) {
            if (step.sequence() <= 0 || !sequences.add(step.sequence())) {
                return Optional.of("routing step sequences must be positive and unique");
            }
            if (step.workcenterCode() == null && step.workcenterType() == null) {
                return Optional.of("routing step " + step.sequence() + " needs a workcenter or a workcenter type");
            }
            if (step.setupMinutes() == null || step.setupMinutes().signum() < 0 || !fits(step.setupMinutes(), 6, 2)) {
                return Optional.of("routing step " + step.sequence() + ": setup minutes must be 0 or more, 2 decimals");
            }
            if (step.standardSecondsPerPiece() == null
                    || step.standardSecondsPerPiece().signum() <= 0
                    || !fits(step.standardSecondsPerPiece(), 7, 3)) {
                return Optional.of("routing step " + step.sequence()
                        + ": standard seconds per piece must be positive, 3 decimals");
            }
        }
        return Optional.empty();
    }

    private static boolean fits(BigDecimal value, int integerDigits, int scale) {
        if (value == null) {
            return false;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return Math.max(stripped.scale(), 0) <= scale && stripped.precision() - stripped.scale() <= integerDigits;
    }

    private ImportOutcome upsert(ImportCandidate candidate) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "erp-order:" + candidate.orderCode())
                .query()
                .singleRow();
        String fingerprint = candidate.fingerprint();
        Optional<ProductionOrder> existing = orders.findByOrderCode(candidate.orderCode());
        if (existing.isEmpty()) {
            return create(candidate, fingerprint);
        }
        ProductionOrder order = existing.get();
        if (order.erpFingerprint() == null) {
            return new Rejected(candidate.orderCode(), "the code belongs to a replenishment order made by the MES");
        }
        if (fingerprint.equals(order.erpFingerprint())) {
            return new Unchanged(candidate.orderCode());
        }
        if (order.status().acceptsErpChanges()) {
            return applyChanges(order, candidate, fingerprint);
        }
        return recordDiscrepancies(order, candidate, fingerprint);
    }

    private ImportOutcome create(ImportCandidate candidate, String fingerprint) {
        if (candidate.cancelled()) {
            return new Unchanged(candidate.orderCode());
        }
        Optional<ItemInfo> item = catalog.item(candidate.itemCode());
        if (item.isEmpty()) {
            return new Rejected(candidate.orderCode(), "unknown item '" + candidate.itemCode() + "'");
        }
        List<OrderStep> steps;
        if (candidate.routing().isEmpty()) {
            List<ActiveRouting.Step> routing = catalog.activeRouting(item.get().code())
                    .map(ActiveRouting::steps)
                    .orElse(List.of());
            if (routing.isEmpty()) {
                return new Rejected(candidate.orderCode(), "item '" + candidate.itemCode() + "' has no active routing");
            }
            steps = routing.stream()
                    .map(s -> new OrderStep(
                            s.sequence(),
                            s.processStepId(),
                            s.processStepCode(),
                            s.workcenterId(),
                            s.workcenterCode(),
                            s.workcenterType().name(),
                            s.setupMinutes(),
                            s.standardSecondsPerPiece(),
                            candidate.quantity()))
                    .toList();
        } else {
            List<OrderStep> override = new ArrayList<>();
            for (ImportCandidate.RoutingStep step : candidate.routing()) {
                Optional<Long> processStep =
                        catalog.processStep(step.processStepCode()).map(ProcessStepInfo::id);
                if (processStep.isEmpty()) {
                    return new Rejected(
                            candidate.orderCode(),
                            "routing step " + step.sequence() + ": unknown process step '" + step.processStepCode()
                                    + "'");
                }
                Long workcenterId = null;
                String workcenterType = step.workcenterType();
                if (step.workcenterCode() != null) {
                    Optional<WorkcenterInfo> workcenter = catalog.workcenter(step.workcenterCode());
                    if (workcenter.isEmpty()) {
                        return new Rejected(
                                candidate.orderCode(),
                                "routing step " + step.sequence() + ": unknown workcenter '" + step.workcenterCode()
                                        + "'");
                    }
                    workcenterId = workcenter.get().id();
                    workcenterType = workcenter.get().type().name();
                } else if (Arrays.stream(WorkcenterType.values())
                        .noneMatch(t -> t.name().equals(step.workcenterType()))) {
                    return new Rejected(
                            candidate.orderCode(),
                            "routing step " + step.sequence() + ": unknown workcenter type '" + step.workcenterType()
                                    + "'");
                }
                override.add(new OrderStep(
                        step.sequence(),
                        processStep.get(),
                        step.processStepCode(),
                        workcenterId,
                        step.workcenterCode(),
                        workcenterType,
                        step.setupMinutes(),
                        step.standardSecondsPerPiece(),
                        candidate.quantity()));
            }
            steps = override;
        }
        Optional<String> lotConflict = lotTakenByAnother(candidate.lots(), null);
        if (lotConflict.isPresent()) {
            return new Rejected(candidate.orderCode(), lotConflict.get());
        }
        Instant now = clock.instant();
        ProductionOrder saved = orders.save(new ProductionOrder(
                null,
                candidate.orderCode(),
                candidate.type(),
                OrderStatus.OPEN_NOT_STARTED,
                item.get().id(),
                item.get().code(),
                candidate.quantity(),
                candidate.dueAt(),
                candidate.priority(),
                fingerprint,
                candidate.erpUpdatedAt(),
                null,
                null,
                Set.copyOf(steps),
                candidate.lots().stream().map(OrderLot::new).collect(Collectors.toSet()),
                0,
                now,
                now));
        events.publishEvent(new OrderImportedFromErp(
                UUID.randomUUID(),
                saved.id(),
                saved.orderCode(),
                saved.itemCode(),
                saved.plannedQuantity(),
                saved.dueAt(),
                saved.priority(),
                List.copyOf(new TreeSet<>(candidate.lots())),
                saved.orderedSteps().stream()
                        .map(s -> new OrderImportedFromErp.Step(
                                s.sequence(),
                                s.processStepCode(),
                                s.workcenterCode(),
                                s.workcenterType(),
                                s.setupMinutes(),
                                s.standardSeconds()))
                        .toList(),
                now));
        return new Created(saved.orderCode(), saved.id());
    }

    private ImportOutcome applyChanges(ProductionOrder order, ImportCandidate candidate, String fingerprint) {
        Instant now = clock.instant();
        if (candidate.cancelled()) {
            orders.save(order.cancelled(fingerprint, candidate.erpUpdatedAt(), now));
            return new Updated(order.orderCode(), order.id());
        }
        if (!order.itemCode().equals(candidate.itemCode())) {
            return new Rejected(
                    candidate.orderCode(),
                    "the ERP changed the item from '" + order.itemCode() + "' to '" + candidate.itemCode()
                            + "'; cancel the order and release a new one instead");
        }
        Optional<String> lotConflict = lotTakenByAnother(candidate.lots(), order.id());
        if (lotConflict.isPresent()) {
            return new Rejected(candidate.orderCode(), lotConflict.get());
        }
        orders.save(order.withErpChanges(
                candidate.quantity(),
                candidate.dueAt(),
                candidate.priority(),
                new HashSet<>(candidate.lots()),
                fingerprint,
                candidate.erpUpdatedAt(),
                now));
        return new Updated(order.orderCode(), order.id());
    }

    private ImportOutcome recordDiscrepancies(ProductionOrder order, ImportCandidate candidate, String fingerprint) {
        Map<String, String[]> changed = new LinkedHashMap<>();
        if (candidate.cancelled() && order.status() != OrderStatus.CANCELLED) {
            changed.put("status", new String[] {order.status().name(), OrderStatus.CANCELLED.name()});
        }
        if (!order.itemCode().equals(candidate.itemCode())) {
            changed.put("itemCode", new String[] {order.itemCode(), candidate.itemCode()});
        }
        if (order.plannedQuantity().compareTo(candidate.quantity()) != 0) {
            changed.put("quantity", new String[] {plain(order.plannedQuantity()), plain(candidate.quantity())});
        }
        if (!order.dueAt().equals(candidate.dueAt())) {
            changed.put(
                    "dueAt",
                    new String[] {order.dueAt().toString(), candidate.dueAt().toString()});
        }
        if (order.priority() != candidate.priority()) {
            changed.put(
                    "priority", new String[] {String.valueOf(order.priority()), String.valueOf(candidate.priority())});
        }
        if (!order.lotCodes().equals(new HashSet<>(candidate.lots()))) {
            changed.put("lots", new String[] {
                String.join(",", new TreeSet<>(order.lotCodes())), String.join(",", new TreeSet<>(candidate.lots()))
            });
        }
        Instant now = clock.instant();
        for (Map.Entry<String, String[]> change : changed.entrySet()) {
            jdbc.sql("""
                            insert into order_discrepancy (order_id, field, mes_value, erp_value, erp_fingerprint, created_at)
                            values (:order, :field, :mes, :erp, :fingerprint, :now)
                            on conflict (order_id, field, erp_fingerprint) do nothing
                            """)
                    .param("order", order.id())
                    .param("field", change.getKey())
                    .param("mes", truncate(change.getValue()[0]))
                    .param("erp", truncate(change.getValue()[1]))
                    .param("fingerprint", fingerprint)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        orders.save(order.withFingerprint(fingerprint, candidate.erpUpdatedAt(), now));
        return changed.isEmpty()
                ? new Unchanged(candidate.orderCode())
                : new DiscrepancyRecorded(order.orderCode(), order.id(), List.copyOf(changed.keySet()));
    }

    private Optional<String> lotTakenByAnother(List<String> lots, Long orderId) {
        if (lots.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select l.lot_code, o.order_code from production_order_lot l
                          join production_order o on o.id = l.production_order
                         where l.lot_code in (:lots) and (cast(:self as bigint) is null or o.id <> :self)
                         order by l.lot_code limit 1
                        """)
                .param("lots", lots)
                .param("self", orderId)
                .query((rs, n) -> "lot '" + rs.getString(1) + "' already belongs to order " + rs.getString(2))
                .optional();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String truncate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 97) + "...";
    }
}
