package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The core flow, end to end over HTTP: an order imported from the ERP is scanned, started, counted, partly
 * scrapped and completed; exactly one replenishment order covers the scrap; the next step can take only what was
 * released; the order closes and the ERP is told.
 */
@MesIntegrationTest
class ShopFloorStoryTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importScanStartCountScrapCompleteReplenishReleaseAndClose() {
        ShopFloor floor = new ShopFloor(mvc, tokens, jdbc);
        String sheet = floor.item("SHEET", "RAW_MATERIAL");
        String panel = floor.item("PANEL", "COMPONENT");
        floor.bom(panel, sheet, "0.5");
        String saw = floor.workcenter("SAW", "OPTIMIZER");
        String cnc = floor.workcenter("CNC", "CNC");
        floor.routing(panel, "OPTIMIZER", saw, "CNC", cnc);
        String sheets = floor.lot(sheet, "100");

        long order = floor.order(panel, 10);
        String code = floor.code(order);

        var scan = floor.scan("scan-" + floor.tag, "OP:" + code, saw, "OPTIMIZER", sheets);
        assertThat(scan).hasStatus(HttpStatus.CREATED);
        assertThat(scan).bodyJson().extractingPath("$.stepSequence").isEqualTo(10);

        var start = floor.step(order, 10, "start", "{\"workcenter\":\"%s\",\"lot\":\"%s\"}".formatted(saw, sheets));
        assertThat(start).hasStatusOk();
        assertThat(start).bodyJson().extractingPath("$.state").isEqualTo("IN_PROGRESS");
        assertThat(floor.status(order)).isEqualTo("IN_PROGRESS");

        assertThat(floor.count(order, 10, 10)).hasStatusOk();

        String scrapKey = "scrap-" + floor.tag;
        String scrapBody =
                "{\"disposition\":\"SCRAP\",\"reasonCode\":\"SCR-DIM\",\"quantity\":2,\"notes\":\"too short\"}";
        var scrap = floor.step(Role.OPERATOR, order, 10, "quality", scrapBody, scrapKey);
        assertThat(scrap).hasStatusOk();
        assertThat(scrap).bodyJson().extractingPath("$.step.good").isEqualTo(8);
        assertThat(scrap)
                .bodyJson()
                .extractingPath("$.step.replenishments")
                .asArray()
                .hasSize(1);
        // the terminal retries (lost answer): same answer, nothing recorded twice
        var retry = floor.step(Role.OPERATOR, order, 10, "quality", scrapBody, scrapKey);
        assertThat(retry).hasStatusOk();
        assertThat(retry).hasHeader("Idempotent-Replayed", "true");
        assertThat(floor.count("select count(*) from quality_record where order_id = ?", order))
                .isEqualTo(1);

        var complete = floor.complete(order, 10);
        assertThat(complete).hasStatusOk();
        assertThat(complete).bodyJson().extractingPath("$.released").isEqualTo(8);
        assertThat(complete)
                .bodyJson()
                .extractingPath("$.replenishments")
                .asArray()
                .isEmpty();
        assertThat(floor.status(order)).isEqualTo("OPEN_PARTIAL");

        assertThat(floor.count("select count(*) from replenishment_link where original_order_id = ?", order))
                .isEqualTo(1);
        assertThat(floor.count("""
                        select o.planned_quantity::bigint from replenishment_link l
                          join production_order o on o.id = l.replenishment_order_id
                         where l.original_order_id = ? and l.trigger_type = 'SCRAP' and l.step_sequence = 10
                        """, order)).isEqualTo(2);

        assertThat(floor.start(order, 20, cnc)).hasStatusOk();
        var tooMany = floor.count(order, 20, 9);
        assertThat(tooMany).hasStatus(HttpStatus.CONFLICT);
        assertThat(tooMany).bodyJson().extractingPath("$.detail").asString().contains("only the 8 pieces released");
        assertThat(floor.count(order, 20, 8)).hasStatusOk();
        var last = floor.complete(order, 20);
        assertThat(last).hasStatusOk();
        assertThat(last).bodyJson().extractingPath("$.orderStatus").isEqualTo("CLOSED");
        assertThat(floor.status(order)).isEqualTo("CLOSED");
        assertThat(floor.count("select count(*) from replenishment_link where original_order_id = ?", order))
                .as("the scrap was covered once; nothing else is missing")
                .isEqualTo(1);

        // the ERP hears about both steps and the order, once each
        assertThat(floor.count("select count(*) from erp_report_outbox where order_id = ?", order))
                .isEqualTo(3);
        // raw material was consumed from the named lot: 10 pieces x 0.5 sheet
        assertThat(floor.count("select quantity_available::bigint from material_lot where lot_code = ?", sheets))
                .isEqualTo(95);
        assertThat(floor.count(
                        "select count(*) from lot_consumption where order_id = ? and lot_code = ?", order, sheets))
                .isEqualTo(1);
        // the panels are in stock for the orders that use them
        assertThat(floor.count("select quantity_available::bigint from material_lot where lot_code = ?", code + "-L"))
                .isEqualTo(8);
        // every change was announced, in the same transactions
        for (String type : new String[] {
            "BARCODE_SCANNED",
            "STEP_STARTED",
            "PIECE_COUNTED",
            "QUALITY_RECORDED",
            "REPLENISHMENT_OP_CREATED",
            "STEP_COMPLETED"
        }) {
            assertThat(floor.count(
                            "select count(*) from event_log where event_type = ? and (order_id = ? or payload ->> 'originalOrderId' = ?)",
                            type,
                            order,
                            String.valueOf(order)))
                    .as(type)
                    .isPositive();
        }

        var details = floor.get(Role.MANAGER, "/api/v1/ops/" + order);
        assertThat(details).hasStatusOk();
        assertThat(details).bodyJson().extractingPath("$.steps[0].released").isEqualTo(8);
        assertThat(details).bodyJson().extractingPath("$.steps[1].good").isEqualTo(8);
        assertThat(details)
                .bodyJson()
                .extractingPath("$.replenishedBy")
                .asArray()
                .hasSize(1);
    }
}
