package com.renar.mes.execution;

import com.renar.mes.execution.PieceCounts.Added;
import com.renar.mes.execution.PieceCounts.Increment;
import com.renar.mes.execution.StepState.Action;
import com.renar.mes.masterdata.MasterData;
import com.renar.mes.masterdata.ReasonCodeInfo;
import com.renar.mes.masterdata.ReasonKind;
import com.renar.mes.masterdata.WorkcenterInfo;
import com.renar.mes.orders.ErpReporting;
import com.renar.mes.orders.OrderLifecycle;
import com.renar.mes.orders.OrderStatus;
import com.renar.mes.orders.ProductionOrders;
import com.renar.mes.orders.ProductionOrders.OrderInfo;
import com.renar.mes.orders.ProductionOrders.Step;
import com.renar.mes.orders.ReplenishmentTrigger;
import com.renar.mes.orders.Replenishments;
import com.renar.mes.orders.Replenishments.Replenishment;
import com.renar.mes.orders.Replenishments.ReplenishmentRequest;
import com.renar.mes.shared.MesProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The step commands of the shop floor. Transitions (start, pause, resume, complete) lock the order row first, so
 * the order's status always follows its steps; counts and quality records lock only the step row (the UPDATE of
 * its totals), so steps of one order can be counted in parallel. Every change is journaled with who, when and
 * where, and its event is published in the same transaction.
 */
@Service
class StepCommands {

    private final ProductionOrders orders;
    private final OrderLifecycle lifecycle;
    private final Replenishments replenishments;
    private final ErpReporting erp;
    private final MasterData catalog;
    private final MaterialStock stock;
    private final StepStore steps;
    private final PieceCounts counts;
    private final StepChecks checks;
    private final ExecutionEvents events;
    private final Clock clock;

    StepCommands(
            ProductionOrders orders,
            OrderLifecycle lifecycle,
            Replenishments replenishments,
            ErpReporting erp,
            MasterData catalog,
            MaterialStock stock,
            StepStore steps,
            PieceCounts counts,
            StepChecks checks,
            ExecutionEvents events,
            Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.replenishments = replenishments;
        this.erp = erp;
        this.catalog = catalog;
        this.stock = stock;
        this.steps = steps;
        this.counts = counts;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    /** Where pieces counted come from; {@code REWORK} brings pieces back from rework, good again. */
    enum CountSource {
        OPERATOR,
        MACHINE,
        REWORK
    }

    /** The fate of pieces judged bad: {@code SCRAP} is lost, {@code REWORK} is recoverable. */
    enum Disposition {
        SCRAP,
        REWORK
    }

    record Start(String workcenter, String lot) {}

    record Count(String workcenter, CountSource source, List<Increment> increments) {}

    record Quality(Disposition disposition, String reasonCode, int quantity, String lot, String notes) {}

    /** What a count did: the step after it, and how much the batch added and dropped as duplicates. */
    record CountResult(StepView step, long piecesAdded, int incrementsAdded, int duplicates) {}

    /** A quality record and the step after it. */
    record QualityResult(long qualityRecordId, StepView step) {}

    @Transactional
    StepView start(long orderId, int sequence, Start command, Actor actor) {
        Instant now = clock.instant();
        Transition t = begin(orderId, sequence, Action.START);
        WorkcenterInfo workcenter = checks.workcenterFor(t.order(), t.step(), command.workcenter());
        Map<Integer, StepRecord> records = steps.all(orderId);
        checks.inputAvailable(t.order(), t.step(), records);
        checks.materialAvailable(t.order(), t.step(), command.lot());
        StepRecord after = steps.start(orderId, sequence, workcenter.code(), actor.operator(), now);
        steps.journal(
                orderId,
                sequence,
                Action.START,
                t.from(),
                after.state(),
                workcenter.code(),
                actor,
                command.lot(),
                null,
                null,
                now);
        lifecycle.moveTo(orderId, OrderStatus.IN_PROGRESS, now);
        events.publish(new StepStarted(
                UUID.randomUUID(),
                orderId,
                t.order().orderCode(),
                sequence,
                t.step().processStepCode(),
                workcenter.code(),
                command.lot(),
                actor.operator(),
                now));
        return view(t.order(), OrderStatus.IN_PROGRESS, t.step(), after, now, List.of());
    }

    /** Stops the run clock; the order is then OPEN_PARTIAL unless another of its steps runs. */
    @Transactional
    StepView pause(long orderId, int sequence, String reason, Actor actor) {
        return interrupt(orderId, sequence, Action.PAUSE, reason, actor);
    }

    /** Runs the clock again; the workcenter must still be enabled. */
    @Transactional
    StepView resume(long orderId, int sequence, String reason, Actor actor) {
        return interrupt(orderId, sequence, Action.RESUME, reason, actor);
    }

    private StepView interrupt(long orderId, int sequence, Action action, String reason, Actor actor) {
        Instant now = clock.instant();
        Transition t = begin(orderId, sequence, action);
        boolean pausing = action == Action.PAUSE;
        if (!pausing) {
            catalog.workcenter(t.record().workcenter()).ifPresent(checks::enabled);
        }
        StepRecord after = pausing ? steps.pause(orderId, sequence, now) : steps.resume(orderId, sequence, now);
        steps.journal(
                orderId, sequence, action, t.from(), after.state(), after.workcenter(), actor, null, null, reason, now);
        OrderStatus status = !pausing || steps.anotherRunning(orderId, sequence)
                ? OrderStatus.IN_PROGRESS
                : OrderStatus.OPEN_PARTIAL;
        lifecycle.moveTo(orderId, status, now);
        UUID id = UUID.randomUUID();
        String code = t.order().orderCode();
        String process = t.step().processStepCode();
        events.publish(
                pausing
                        ? new StepPaused(
                                id, orderId, code, sequence, process, after.workcenter(), reason, actor.operator(), now)
                        : new StepResumed(
                                id,
                                orderId,
                                code,
                                sequence,
                                process,
                                after.workcenter(),
                                reason,
                                actor.operator(),
                                now));
        return view(t.order(), status, t.step(), after, now, List.of());
    }

    @Transactional
    CountResult count(long orderId, int sequence, Count command, Actor actor) {
        Instant now = clock.instant();
        OrderInfo order = order(orderId);
        Step step = checks.step(order, sequence);
        checks.orderOpen(order);
        StepRecord current = open(order, step);
        String workcenter = sameWorkcenter(order, step, current, command.workcenter());
        Added added = counts.insert(
                orderId, sequence, command.increments(), command.source().name(), workcenter, actor.operator(), now);
        if (added.pieces() == 0) {
            return new CountResult(
                    view(order, order.status(), step, current, now, List.of()), 0, 0, added.duplicates());
        }
        StepRecord after;
        if (command.source() == CountSource.REWORK) {
            after = steps.returnFromRework(orderId, sequence, added.pieces(), now)
                    .orElseThrow(() -> MesProblemException.unprocessable("Only " + current.reworkPending()
                            + " pieces of " + StepChecks.describe(order, step) + " are in rework; " + added.pieces()
                            + " cannot come back from it"));
        } else {
            after = steps.addProduced(orderId, sequence, added.pieces(), now).orElseThrow(() -> notOpen(order, step));
            Long available = checks.available(order, step, steps.all(orderId)).orElse(null);
            if (available != null && available < 0) {
                throw MesProblemException.conflict(StepChecks.describe(order, step) + " may process only the "
                        + (after.produced() + available) + " pieces released by the previous step; "
                        + added.pieces() + " more would make " + after.produced());
            }
        }
        events.publish(new PiecesCounted(
                UUID.randomUUID(),
                orderId,
                order.orderCode(),
                sequence,
                step.processStepCode(),
                workcenter,
                command.source().name(),
                added.pieces(),
                added.duplicates(),
                after.produced(),
                after.good(),
                actor.operator(),
                now));
        if (command.source() != CountSource.REWORK) {
            events.piecesCounted(workcenter, added.pieces());
        }
        return new CountResult(
                view(order, order.status(), step, after, now, List.of()),
                added.pieces(),
                added.inserted(),
                added.duplicates());
    }

    @Transactional
    QualityResult quality(long orderId, int sequence, Quality command, Actor actor) {
        Instant now = clock.instant();
        OrderInfo order = order(orderId);
        Step step = checks.step(order, sequence);
        checks.orderOpen(order);
        ReasonCodeInfo reason = catalog.reasonCode(command.reasonCode())
                .orElseThrow(() ->
                        MesProblemException.unprocessable("Reason code '" + command.reasonCode() + "' does not exist"));
        ReasonKind expected = command.disposition() == Disposition.SCRAP ? ReasonKind.SCRAP : ReasonKind.REWORK;
        if (reason.kind() != expected) {
            throw MesProblemException.unprocessable("Reason code " + reason.code() + " is a " + reason.kind()
                    + " reason; " + command.disposition() + " needs a " + expected + " reason");
        }
        if (!reason.validFor(step.processStepCode())) {
            throw MesProblemException.unprocessable("Reason code " + reason.code()
                    + (reason.active() ? " does not apply at " + step.processStepCode() : " is inactive"));
        }
        StepRecord current = open(order, step);
        boolean scrap = command.disposition() == Disposition.SCRAP;
        StepRecord after = steps.judge(orderId, sequence, scrap, command.quantity(), now)
                .orElseThrow(
                        () -> MesProblemException.unprocessable("Cannot record " + command.quantity() + " pieces as "
                                + command.disposition() + " at " + StepChecks.describe(order, step) + ": only "
                                + current.good() + " of the " + current.produced()
                                + " pieces produced there are still good"));
        String lot = command.lot() != null
                ? command.lot()
                : order.lots().isEmpty() ? null : order.lots().get(0);
        long recordId = steps.insertQuality(
                orderId,
                sequence,
                command.disposition().name(),
                reason.code(),
                command.quantity(),
                lot,
                command.notes(),
                after.workcenter(),
                actor,
                now);
        events.publish(new QualityRecorded(
                UUID.randomUUID(),
                orderId,
                order.orderCode(),
                sequence,
                step.processStepCode(),
                after.workcenter(),
                recordId,
                command.disposition().name(),
                reason.code(),
                command.quantity(),
                lot,
                actor.operator(),
                now));
        events.qualityRecorded(command.disposition().name());
        List<Replenishment> raised = scrap ? coverScrap(order, step, after) : List.of();
        return new QualityResult(recordId, view(order, order.status(), step, after, now, raised));
    }

    @Transactional
    StepView complete(long orderId, int sequence, Actor actor) {
        Instant now = clock.instant();
        Transition t = begin(orderId, sequence, Action.COMPLETE);
        OrderInfo order = t.order();
        Step step = t.step();
        StepRecord current = t.record();
        if (current.reworkPending() > 0) {
            throw MesProblemException.conflict(
                    current.reworkPending() + " pieces of " + StepChecks.describe(order, step)
                            + " are still in rework: count them back (source REWORK) or scrap them before completing");
        }
        long good = current.good();
        long released = consumeMaterial(order, step, current, now);
        StepRecord after = steps.complete(orderId, sequence, released, actor.operator(), now);
        steps.journal(
                orderId,
                sequence,
                Action.COMPLETE,
                t.from(),
                after.state(),
                after.workcenter(),
                actor,
                null,
                released,
                null,
                now);
        List<Replenishment> raised = coverCompletion(order, step, good, released, now);
        erp.stepCompleted(new ErpReporting.StepCompletion(
                orderId,
                sequence,
                after.workcenter(),
                BigDecimal.valueOf(released),
                BigDecimal.valueOf(after.scrap()),
                BigDecimal.valueOf(after.rework()),
                after.startedAt(),
                now));
        boolean last = order.isLast(sequence);
        OrderStatus status;
        if (last) {
            status = OrderStatus.CLOSED;
            lifecycle.moveTo(orderId, status, now);
            finishOrder(order, released, actor, now);
        } else {
            status = steps.anotherRunning(orderId, sequence) ? OrderStatus.IN_PROGRESS : OrderStatus.OPEN_PARTIAL;
            lifecycle.moveTo(orderId, status, now);
        }
        events.publish(new StepCompleted(
                UUID.randomUUID(),
                orderId,
                order.orderCode(),
                sequence,
                step.processStepCode(),
                after.workcenter(),
                after.produced(),
                after.good(),
                after.scrap(),
                after.rework(),
                released,
                last,
                actor.operator(),
                now));
        return view(order, status, step, after, now, raised);
    }

    /**
     * At the step that consumes the bill of materials, takes the components from stock. A kitting step releases
     * only complete sets (the rest is a SHORTAGE discrepancy); another step consumes raw material for every piece
     * it made, and records a MATERIAL discrepancy when stock said there was less. Answers what the step releases.
     */
    private long consumeMaterial(OrderInfo order, Step step, StepRecord current, Instant now) {
        long good = current.good();
        if (!checks.consumesMaterial(order, step)) {
            return good;
        }
        List<KittingPolicy.Component> components = checks.components(order);
        if (components.isEmpty()) {
            return good;
        }
        if (checks.kitting(step)) {
            long sets = Math.min(good, KittingPolicy.completeSets(components));
            for (KittingPolicy.Component c : components) {
                BigDecimal need = c.quantityPerSet().multiply(BigDecimal.valueOf(sets));
                if (need.signum() > 0) {
                    stock.consume(order.id(), step.sequence(), c.itemCode(), need, null);
                }
            }
            if (sets < good) {
                steps.discrepancy(
                        order.id(),
                        step.sequence(),
                        "SHORTAGE",
                        BigDecimal.valueOf(good - sets),
                        "Released " + sets + " of " + good + " good sets; missing "
                                + String.join("; ", KittingPolicy.missingFor(components, good)),
                        now);
            }
            return sets;
        }
        String preferred = steps.startLot(order.id(), step.sequence()).orElse(null);
        List<String> materialShort = new ArrayList<>();
        for (KittingPolicy.Component c : components) {
            BigDecimal need = c.quantityPerSet().multiply(BigDecimal.valueOf(current.produced()));
            if (need.signum() > 0) {
                BigDecimal taken = stock.consume(order.id(), step.sequence(), c.itemCode(), need, preferred);
                if (taken.compareTo(need) < 0) {
                    materialShort.add(c.itemCode() + ": consumed "
                            + need.stripTrailingZeros().toPlainString() + ", stock had "
                            + taken.stripTrailingZeros().toPlainString());
                }
            }
        }
        if (!materialShort.isEmpty()) {
            steps.discrepancy(
                    order.id(),
                    step.sequence(),
                    "MATERIAL",
                    BigDecimal.valueOf(current.produced()),
                    "More material was used than stock recorded: " + String.join("; ", materialShort),
                    now);
        }
        return good;
    }

    /** Scrap beyond the spare pieces the step received: one replenishment order for the step's scrap, grown. */
    private List<Replenishment> coverScrap(OrderInfo order, Step step, StepRecord after) {
        Map<Integer, BigDecimal> coverage = replenishments.coverageByStep(order.id());
        BigDecimal need = ReplenishmentPolicy.need(step.plannedQuantity(), coveredBefore(coverage, step));
        BigDecimal input = order.previous(step.sequence())
                .map(previous -> steps.find(order.id(), previous.sequence())
                        .map(r -> BigDecimal.valueOf(r.released()))
                        .orElse(null))
                .orElseGet(() -> need.max(BigDecimal.valueOf(after.produced())));
        BigDecimal shortfall = ReplenishmentPolicy.scrapShortfall(need, input, after.scrap());
        return cover(order, step, ReplenishmentTrigger.SCRAP, shortfall);
    }

    private List<Replenishment> coverCompletion(OrderInfo order, Step step, long good, long released, Instant now) {
        Map<Integer, BigDecimal> coverage = replenishments.coverageByStep(order.id());
        BigDecimal need = ReplenishmentPolicy.need(step.plannedQuantity(), coveredBefore(coverage, step));
        ReplenishmentPolicy.Shortfall shortfall = ReplenishmentPolicy.atCompletion(
                need, good, released, coverage.getOrDefault(step.sequence(), BigDecimal.ZERO));
        List<Replenishment> raised = new ArrayList<>();
        raised.addAll(cover(order, step, ReplenishmentTrigger.SHORTAGE, shortfall.shortage()));
        raised.addAll(cover(order, step, ReplenishmentTrigger.DIVERGENCE, shortfall.divergence()));
        if (shortfall.divergence().signum() > 0) {
            steps.discrepancy(
                    order.id(),
                    step.sequence(),
                    "DIVERGENCE",
                    shortfall.divergence(),
                    StepChecks.describe(order, step) + " released " + released + " of the " + need.toPlainString()
                            + " pieces needed; " + shortfall.divergence().toPlainString()
                            + " are unaccounted for (neither counted nor scrapped)",
                    now);
        }
        return raised;
    }

    private List<Replenishment> cover(OrderInfo order, Step step, ReplenishmentTrigger trigger, BigDecimal total) {
        if (total.signum() <= 0) {
            return List.of();
        }
        return replenishments
                .cover(new ReplenishmentRequest(
                        order.id(), trigger, total, step.sequence(), "step:" + step.sequence() + ":" + trigger))
                .changed()
                .stream()
                .toList();
    }

    private static BigDecimal coveredBefore(Map<Integer, BigDecimal> coverage, Step step) {
        return coverage.entrySet().stream()
                .filter(e -> e.getKey() < step.sequence())
                .map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The last step completed: report the order to the ERP and put its output in stock for orders that use it. */
    private void finishOrder(OrderInfo order, long released, Actor actor, Instant now) {
        Map<Integer, StepRecord> records = steps.all(order.id());
        long scrap = records.values().stream().mapToLong(StepRecord::scrap).sum();
        long rework = records.values().stream().mapToLong(StepRecord::rework).sum();
        Instant started = records.values().stream()
                .map(StepRecord::startedAt)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(now);
        erp.orderCompleted(new ErpReporting.OrderCompletion(
                order.id(),
                BigDecimal.valueOf(released),
                BigDecimal.valueOf(scrap),
                BigDecimal.valueOf(rework),
                started,
                now));
        if (released > 0) {
            String lot =
                    order.lots().isEmpty() ? order.orderCode() : order.lots().get(0);
            stock.produced(lot, order.itemId(), order.itemCode(), released, order.id(), actor.operator());
        }
    }

    /** Locks the order and the step, checks the transition is allowed, answers what the command works on. */
    private Transition begin(long orderId, int sequence, Action action) {
        lifecycle.lockForExecution(orderId);
        OrderInfo order = order(orderId);
        Step step = checks.step(order, sequence);
        checks.orderOpen(order);
        StepRecord record = steps.lock(orderId, sequence);
        record.state().transition(action, StepChecks.describe(order, step));
        return new Transition(order, step, record, record.state());
    }

    private OrderInfo order(long orderId) {
        return orders.byId(orderId).orElseThrow(() -> MesProblemException.notFound("Production order", orderId));
    }

    private StepRecord open(OrderInfo order, Step step) {
        StepRecord record =
                steps.find(order.id(), step.sequence()).orElse(StepRecord.notStarted(order.id(), step.sequence()));
        if (!record.state().acceptsWork()) {
            throw notOpen(order, step, record.state());
        }
        return record;
    }

    private MesProblemException notOpen(OrderInfo order, Step step) {
        StepState state =
                steps.find(order.id(), step.sequence()).map(StepRecord::state).orElse(StepState.NOT_STARTED);
        return notOpen(order, step, state);
    }

    private static MesProblemException notOpen(OrderInfo order, Step step, StepState state) {
        return MesProblemException.conflict(StepChecks.describe(order, step) + " is " + state
                + (state == StepState.COMPLETED
                        ? "; it takes no more pieces"
                        : "; start it before recording pieces on it"));
    }

    private String sameWorkcenter(OrderInfo order, Step step, StepRecord record, String workcenter) {
        if (workcenter != null && !workcenter.equalsIgnoreCase(record.workcenter())) {
            throw MesProblemException.conflict(
                    StepChecks.describe(order, step) + " runs on " + record.workcenter() + ", not on " + workcenter);
        }
        return record.workcenter();
    }

    private StepView view(
            OrderInfo order,
            OrderStatus status,
            Step step,
            StepRecord record,
            Instant now,
            List<Replenishment> raised) {
        Long available = order.previous(step.sequence())
                .map(previous -> steps.find(order.id(), previous.sequence())
                                .map(StepRecord::released)
                                .orElse(0L)
                        - record.produced())
                .orElse(null);
        return StepView.of(order, status, step, record, available, now, raised);
    }

    private record Transition(OrderInfo order, Step step, StepRecord record, StepState from) {}
}
