package com.renar.mes.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.support.MesIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public read API other modules use, on the demo plant. */
@MesIntegrationTest
class MasterDataQueryTests {

    @Autowired
    MasterData masterData;

    @Autowired
    ShiftCalendar calendar;

    @Test
    void findsItemsAndTheirBillOfMaterials() {
        ItemInfo wardrobe = masterData.item("WARD-2D3G").orElseThrow();
        assertThat(wardrobe.type()).isEqualTo(ItemType.FINISHED_GOOD);
        assertThat(wardrobe.productFamily()).isEqualTo("WARDROBES");
        assertThat(masterData.item("NO-SUCH-ITEM")).isEmpty();

        assertThat(masterData.bom("WARD-2D3G"))
                .extracting(BomComponent::itemCode)
                .contains("PNL-SIDE-1850", "DRW-450", "KIT-HW-WARD")
                .hasSize(8);
        assertThat(masterData.bom("DRW-450"))
                .filteredOn(c -> c.itemCode().equals("DRW-SIDE-450"))
                .singleElement()
                .satisfies(c -> assertThat(c.quantityPer()).isEqualByComparingTo("2"));
        assertThat(masterData.bom("PNL-DOOR-1450"))
                .singleElement()
                .satisfies(c -> assertThat(c.quantityPer()).isEqualByComparingTo("0.1667"));
        assertThat(masterData.bom("MDF-18-WH")).isEmpty();
    }

    @Test
    void givesTheActiveRoutingWithWorkcentersAndStandardTimes() {
        ActiveRouting routing = masterData.activeRouting("WARD-2D3G").orElseThrow();
        assertThat(routing.itemId())
                .isEqualTo(masterData.item("WARD-2D3G").orElseThrow().id());
        assertThat(routing.steps())
                .extracting(ActiveRouting.Step::processStepCode)
                .containsExactly("ASSEMBLY", "PAINTING", "PACKAGING");
        ActiveRouting.Step assembly = routing.steps().get(0);
        assertThat(assembly.workcenterCode()).isEqualTo("ASM-01");
        assertThat(assembly.workcenterType()).isEqualTo(WorkcenterType.ASSEMBLY);
        assertThat(assembly.standardSecondsPerPiece()).isEqualByComparingTo("600");
        assertThat(masterData.activeRouting("MDF-18-WH")).isEmpty();
    }

    @Test
    void knowsWorkcentersProcessStepsAndWhereAReasonCodeMayBeUsed() {
        assertThat(masterData.workcenter("BRS-01"))
                .hasValueSatisfying(w -> assertThat(w.type()).isEqualTo(WorkcenterType.BRUSH));
        assertThat(masterData.processSteps())
                .extracting(ProcessStepInfo::code)
                .startsWith("OPTIMIZER", "PRE_CUT", "CNC", "SANDING", "ASSEMBLY", "PAINTING", "PACKAGING");
        assertThat(masterData.processStep("PACKAGING"))
                .hasValueSatisfying(s -> assertThat(s.sequence()).isEqualTo(7));

        assertThat(masterData.reasonCodeValidFor("RWK-PAINT", "PAINTING")).isTrue();
        assertThat(masterData.reasonCodeValidFor("RWK-PAINT", "CNC")).isFalse();
        assertThat(masterData.reasonCodeValidFor("SCR-DMG", "OPTIMIZER")).isTrue();
        assertThat(masterData.reasonCodeValidFor("NO-SUCH-RC", "CNC")).isFalse();
        assertThat(masterData.reasonCode("DT-TOOL").orElseThrow().processStepCodes())
                .containsExactlyInAnyOrder("OPTIMIZER", "CNC");
    }

    @Test
    void plansTheWeekOfADemoWorkcenterFromItsDepartmentInPlantTime() {
        assertThat(calendar.plantZone()).isEqualTo(ZoneId.of("America/Sao_Paulo"));
        LocalDate monday = LocalDate.of(2026, 11, 23);
        var week = calendar.plannedShifts("CNC-01", monday, monday.plusDays(6));
        assertThat(week).hasSize(16);

        PlannedShift first = week.get(0);
        assertThat(first.start()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(first.plannedProductionTime()).isEqualTo(Duration.ofMinutes(8 * 60 - 75));

        PlannedShift night = week.get(2);
        assertThat(night.shiftNumber()).isEqualTo(3);
        assertThat(night.end()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(night.breaks()).allSatisfy(b -> assertThat(b.start()).isAfter(night.start()));

        PlannedShift saturday = week.get(15);
        assertThat(saturday.day()).isEqualTo(monday.plusDays(5));
        assertThat(saturday.plannedProductionTime()).isEqualTo(Duration.ofMinutes(6 * 60 - 15));
    }
}
