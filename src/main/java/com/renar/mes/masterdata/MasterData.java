package com.renar.mes.masterdata;

import java.util.List;
import java.util.Optional;

/**
 * What other modules may read of the plant's catalogue. Everything is looked up by the codes people use; the
 * answers carry the database ids too, for modules that reference master data by id.
 */
public interface MasterData {

    Optional<ItemInfo> item(String code);

    /** The bill of materials of an item: empty when the item has none (or does not exist). */
    List<BomComponent> bom(String itemCode);

    /** The routing the item is made by today, if it has one. */
    Optional<ActiveRouting> activeRouting(String itemCode);

    Optional<ProcessStepInfo> processStep(String code);

    /** All process steps in the order material flows through them. */
    List<ProcessStepInfo> processSteps();

    Optional<WorkcenterInfo> workcenter(String code);

    Optional<ReasonCodeInfo> reasonCode(String code);

    /** Whether the reason code exists, is active and may be recorded at that process step. */
    default boolean reasonCodeValidFor(String reasonCode, String processStepCode) {
        return reasonCode(reasonCode).map(r -> r.validFor(processStepCode)).orElse(false);
    }
}
