package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Assembly releases complete sets only; packaging counts boxes and prints the product label. */
@MesIntegrationTest
class KittingTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    ShopFloor floor;
    String cabinet;
    String side;
    String top;
    String table;
    String packer;

    @BeforeEach
    void plant() {
        floor = new ShopFloor(mvc, tokens, jdbc);
        cabinet = floor.item("CABINET", "FINISHED_GOOD");
        side = floor.item("SIDE", "COMPONENT");
        top = floor.item("TOP", "COMPONENT");
        floor.bom(cabinet, side, "2");
        floor.bom(cabinet, top, "1");
        table = floor.workcenter("ASM", "ASSEMBLY");
        packer = floor.workcenter("PKG", "PACKAGING");
        floor.routing(cabinet, "ASSEMBLY", table, "PACKAGING", packer);
    }

    @Test
    void anOrderCannotStartAssemblyWithoutOneCompleteSet() {
        floor.lot(side, "10");
        long order = floor.order(cabinet, 5);
        var result = floor.start(order, 10, table);
        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("missing " + top);
    }

    @Test
    void releasesOnlyCompleteSetsRecordsTheShortageAndReplenishesIt() {
        String sides = floor.lot(side, "10");
        String tops = floor.lot(top, "3");
        long order = floor.order(cabinet, 5);
        assertThat(floor.start(order, 10, table)).hasStatusOk();
        assertThat(floor.count(order, 10, 5)).hasStatusOk();

        var complete = floor.complete(order, 10);
        assertThat(complete).hasStatusOk();
        assertThat(complete).bodyJson().extractingPath("$.good").isEqualTo(5);
        assertThat(complete).bodyJson().extractingPath("$.released").isEqualTo(3);
        assertThat(complete)
                .bodyJson()
                .extractingPath("$.replenishments")
                .asArray()
                .hasSize(1);

        assertThat(floor.count(
                        "select quantity::bigint from replenishment_link where original_order_id = ? and trigger_type = 'SHORTAGE'",
                        order))
                .isEqualTo(2);
        assertThat(jdbc.sql("select details from execution_discrepancy where order_id = :o and kind = 'SHORTAGE'")
                        .param("o", order)
                        .query(String.class)
                        .single())
                .contains("Released 3 of 5", top + ": need 5, on hand 3");
        // three sets consumed: 6 sides and 3 tops, lot by lot (genealogy)
        assertThat(floor.count("select quantity_available::bigint from material_lot where lot_code = ?", sides))
                .isEqualTo(4);
        assertThat(floor.count("select quantity_available::bigint from material_lot where lot_code = ?", tops))
                .isZero();
        assertThat(floor.count("select count(*) from lot_consumption where order_id = ?", order))
                .isEqualTo(2);

        // packaging can take only the three released sets
        assertThat(floor.start(order, 20, packer)).hasStatusOk();
        assertThat(floor.count(order, 20, 4)).hasStatus(HttpStatus.CONFLICT);
        assertThat(floor.count(order, 20, 3)).hasStatusOk();
    }

    @Test
    void packagingPrintsTheProductLabel() {
        floor.lot(side, "20");
        floor.lot(top, "10");
        long order = floor.order(cabinet, 4);
        String code = floor.code(order);
        assertThat(floor.get(Role.OPERATOR, "/api/v1/ops/" + order + "/label")).hasStatus(HttpStatus.CONFLICT);
        floor.start(order, 10, table);
        floor.count(order, 10, 4);
        floor.complete(order, 10);
        floor.start(order, 20, packer);
        floor.count(order, 20, 4);

        var zpl = floor.get(Role.OPERATOR, "/api/v1/ops/" + order + "/label?format=zpl");
        assertThat(zpl).hasStatusOk();
        assertThat(zpl).contentType().isCompatibleWith("application/zpl");
        assertThat(zpl)
                .bodyText()
                .contains(
                        "^XA",
                        "OP: " + code,
                        "Item: " + cabinet,
                        "Lot: " + code + "-L",
                        "Qty: 4 PC",
                        "LOT:" + code + "-L");

        var png = floor.get(Role.OPERATOR, "/api/v1/ops/" + order + "/label?format=png");
        assertThat(png).hasStatusOk();
        assertThat(png).contentType().isCompatibleWith("image/png");
        byte[] bytes = png.getResponse().getContentAsByteArray();
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');

        assertThat(floor.get(Role.OPERATOR, "/api/v1/ops/" + order + "/label?format=pdf"))
                .hasStatus(HttpStatus.BAD_REQUEST);

        assertThat(floor.complete(order, 20)).hasStatusOk();
        assertThat(floor.status(order)).isEqualTo("CLOSED");
        // the finished goods are in stock under the order's lot
        assertThat(floor.count("select quantity_available::bigint from material_lot where lot_code = ?", code + "-L"))
                .isEqualTo(4);
    }
}
