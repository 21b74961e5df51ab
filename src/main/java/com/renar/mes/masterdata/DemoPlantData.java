package com.renar.mes.masterdata;

import com.renar.mes.masterdata.BomManagement.LineSpec;
import com.renar.mes.masterdata.ItemManagement.NewItem;
import com.renar.mes.masterdata.ProcessStepManagement.NewProcessStep;
import com.renar.mes.masterdata.ReasonCodeManagement.NewReasonCode;
import com.renar.mes.masterdata.RoutingManagement.StepSpec;
import com.renar.mes.masterdata.ShiftPatternManagement.BreakSpec;
import com.renar.mes.masterdata.WorkcenterManagement.NewWorkcenter;
import com.renar.mes.shared.Role;
import java.time.LocalTime;
import java.util.List;

/**
 * The shape of {@code masterdata/demo-plant.yml}. Most entries are the very commands of the API, so the demo is
 * loaded through the same rules as anything a planner registers.
 */
record DemoPlantData(
        List<NewProcessStep> processSteps,
        List<NewWorkcenter> workcenters,
        List<NewItem> items,
        List<ItemBom> boms,
        List<ItemsRouting> routings,
        List<NewReasonCode> reasonCodes,
        Shifts shifts,
        List<User> users) {

    /** The BOM of one item. */
    record ItemBom(String item, List<LineSpec> lines) {}

    /** One routing, made the active one of each of the items. */
    record ItemsRouting(List<String> items, List<StepSpec> steps) {}

    /** The same working week for each department. */
    record Shifts(List<String> departments, List<Days> week) {}

    /** The shifts of some weekdays (ISO, 1 = Monday). */
    record Days(List<Integer> weekdays, List<Shift> shifts) {}

    record Shift(int shiftNumber, LocalTime start, LocalTime end, List<BreakSpec> breaks) {}

    /** A demo user; every one gets the demo password. */
    record User(String username, String badge, String displayName, Role role) {}
}
