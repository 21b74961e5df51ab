package com.renar.mes.execution;

import com.renar.mes.masterdata.BomComponent;
import com.renar.mes.masterdata.MasterData;
import com.renar.mes.masterdata.WorkcenterInfo;
import com.renar.mes.orders.ProductionOrders.OrderInfo;
import com.renar.mes.orders.ProductionOrders.Step;
import com.renar.mes.shared.MesProblemException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The checks a step command and a scan share, each failing with a problem written for the operator: the order is
 * open, the workcenter exists, is enabled and fits the step, the previous step released pieces still to be
 * processed, and — at the step that consumes the bill of materials — the material is there.
 */
@Component
class StepChecks {

    private final MasterData catalog;
    private final MaterialStock stock;
    private final ExecutionProperties properties;

    StepChecks(MasterData catalog, MaterialStock stock, ExecutionProperties properties) {
        this.catalog = catalog;
        this.stock = stock;
        this.properties = properties;
    }

    static String describe(OrderInfo order, Step step) {
        return "Step " + step.sequence() + " (" + step.processStepCode() + ") of order " + order.orderCode();
    }

    void orderOpen(OrderInfo order) {
        if (order.status().isFinal()) {
            throw MesProblemException.conflict(
                    "Order " + order.orderCode() + " is " + order.status() + "; no more work can be recorded on it");
        }
    }

    Step step(OrderInfo order, int sequence) {
        return order.step(sequence)
                .orElseThrow(() -> MesProblemException.notFound("Step " + sequence + " of order", order.orderCode()));
    }

    /** The workcenter by code; it must exist, be enabled and be the step's workcenter or one of its type. */
    WorkcenterInfo workcenterFor(OrderInfo order, Step step, String code) {
        WorkcenterInfo workcenter = catalog.workcenter(code)
                .orElseThrow(() -> MesProblemException.unprocessable("Workcenter '" + code + "' does not exist"));
        boolean fits = workcenter.code().equalsIgnoreCase(step.workcenterCode() == null ? "" : step.workcenterCode())
                || workcenter.type().name().equals(step.workcenterType());
        if (!fits) {
            throw MesProblemException.unprocessable("Workcenter " + workcenter.code() + " (" + workcenter.type()
                    + ") does not fit " + describe(order, step) + ", which runs on "
                    + (step.workcenterCode() == null ? "" : step.workcenterCode() + " / ")
                    + step.workcenterType());
        }
        enabled(workcenter);
        return workcenter;
    }

    void enabled(WorkcenterInfo workcenter) {
        if (!workcenter.enabled()) {
            throw MesProblemException.conflict("Workcenter " + workcenter.code()
                    + " is disabled (unavailable); it needs a justification to be enabled again");
        }
    }

    /**
     * Pieces released by the previous step and not processed at this one yet; empty on the first step, which
     * takes raw material instead.
     */
    Optional<Long> available(OrderInfo order, Step step, Map<Integer, StepRecord> records) {
        return order.previous(step.sequence()).map(previous -> {
            long released = released(records, previous);
            long processed = produced(records, step);
            return released - processed;
        });
    }

    /** Refuses work on a step whose previous step has released nothing still to be processed. */
    void inputAvailable(OrderInfo order, Step step, Map<Integer, StepRecord> records) {
        Optional<Step> previous = order.previous(step.sequence());
        if (previous.isEmpty()) {
            return;
        }
        long released = released(records, previous.get());
        if (released == 0) {
            throw MesProblemException.conflict(describe(order, previous.get())
                    + " has not released any pieces yet; it must complete before " + describe(order, step)
                    + " can work");
        }
        long available = released - produced(records, step);
        if (available <= 0) {
            throw MesProblemException.conflict("All " + released + " pieces released by step "
                    + previous.get().sequence() + " were already processed at " + describe(order, step));
        }
    }

    /** Whether the step is a kitting step (assembly, painting, packaging). */
    boolean kitting(Step step) {
        return properties.kittingProcessSteps().contains(step.processStepCode());
    }

    /**
     * The step that consumes the order's bill of materials: its first kitting step, or its first step when it has
     * none.
     */
    boolean consumesMaterial(OrderInfo order, Step step) {
        Step consuming = order.steps().stream()
                .filter(this::kitting)
                .findFirst()
                .orElse(order.steps().get(0));
        return consuming.sequence() == step.sequence();
    }

    /** The bill of materials with what is on hand of each component. */
    List<KittingPolicy.Component> components(OrderInfo order) {
        List<BomComponent> bom = catalog.bom(order.itemCode());
        Map<String, BigDecimal> onHand =
                stock.onHand(bom.stream().map(BomComponent::itemCode).toList());
        return bom.stream()
                .map(c -> new KittingPolicy.Component(
                        c.itemCode(), c.quantityPer(), onHand.getOrDefault(c.itemCode(), BigDecimal.ZERO)))
                .toList();
    }

    /**
     * At the step that consumes the bill of materials: a kitting step needs at least one complete set; another step
     * needs the raw material lot the operator names, on hand and of a component of the item.
     */
    void materialAvailable(OrderInfo order, Step step, String lot) {
        if (!consumesMaterial(order, step)) {
            return;
        }
        List<KittingPolicy.Component> components = components(order);
        if (components.isEmpty()) {
            return;
        }
        if (kitting(step)) {
            if (KittingPolicy.completeSets(components) < 1) {
                throw MesProblemException.conflict("No complete set of components for " + order.itemCode()
                        + " is on hand; missing " + String.join("; ", KittingPolicy.missingFor(components, 1)));
            }
            return;
        }
        if (lot == null || lot.isBlank()) {
            throw MesProblemException.unprocessable(
                    describe(order, step) + " consumes raw material: name the material lot being used ('lot')");
        }
        MaterialStock.MaterialLot material = stock.lot(lot.strip())
                .orElseThrow(
                        () -> MesProblemException.unprocessable("Material lot '" + lot.strip() + "' does not exist"));
        if (components.stream().noneMatch(c -> c.itemCode().equals(material.itemCode()))) {
            throw MesProblemException.unprocessable("Material lot " + material.lotCode() + " holds "
                    + material.itemCode() + ", which is not in the bill of materials of " + order.itemCode());
        }
        if (material.quantityAvailable().signum() <= 0) {
            throw MesProblemException.conflict("Material lot " + material.lotCode() + " is used up");
        }
    }

    private static long released(Map<Integer, StepRecord> records, Step step) {
        StepRecord r = records.get(step.sequence());
        return r == null ? 0 : r.released();
    }

    private static long produced(Map<Integer, StepRecord> records, Step step) {
        StepRecord r = records.get(step.sequence());
        return r == null ? 0 : r.produced();
    }
}
