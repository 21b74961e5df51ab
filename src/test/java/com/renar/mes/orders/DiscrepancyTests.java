package com.renar.mes.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@MesIntegrationTest
class DiscrepancyTests {

    private static final Instant DUE = Instant.parse("2026-12-10T20:00:00Z");

    @Autowired
    OrderImport importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    private String code;
    private long orderId;

    @BeforeEach
    void startedOrderWithErpChanges() {
        String tag = "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("insert into item (code, description, type, unit) values (:c, 'Chest', 'FINISHED_GOOD', 'PC')")
                .param("c", tag + "-ITEM")
                .update();
        code = tag + "-OP";
        jdbc.sql("insert into process_step (code, name, sequence) values (:c, :c,"
                        + " (select coalesce(max(sequence), 0) + 1 from process_step))")
                .param("c", tag + "-STEP")
                .update();
        ImportCandidate.RoutingStep step =
                new ImportCandidate.RoutingStep(10, tag + "-STEP", null, "CNC", BigDecimal.ZERO, BigDecimal.ONE);
        importer.importOrder(new ImportCandidate(
                code,
                OrderType.PRODUCTION,
                tag + "-ITEM",
                BigDecimal.TEN,
                DUE,
                5,
                List.of(),
                List.of(step),
                false,
                null));
        jdbc.sql("update production_order set status = 'IN_PROGRESS' where order_code = :c")
                .param("c", code)
                .update();
        orderId = jdbc.sql("select id from production_order where order_code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
        importer.importOrder(new ImportCandidate(
                code,
                OrderType.PRODUCTION,
                tag + "-ITEM",
                new BigDecimal("14"),
                DUE.plusSeconds(3600),
                2,
                List.of(),
                List.of(step),
                false,
                null));
    }

    private long discrepancy(String field) {
        return jdbc.sql("select id from order_discrepancy where order_id = :o and field = :f")
                .param("o", orderId)
                .param("f", field)
                .query(Long.class)
                .single();
    }

    private MvcTestResult post(String uri, Role role) {
        return mvc.post()
                .uri(uri)
                .header("Authorization", tokens.bearer(role))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"checked with planning\"}")
                .exchange();
    }

    @Test
    void listsOpenDiscrepanciesForPlanning() {
        var result = mvc.get()
                .uri("/api/v1/erp/discrepancies?size=500")
                .header("Authorization", tokens.bearer(Role.PCP))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.content[?(@.orderCode == '" + code + "')].field")
                .asArray()
                .containsExactlyInAnyOrder("quantity", "dueAt", "priority");
    }

    @Test
    void acceptingAppliesTheErpValueToTheOrderAndItsSteps() {
        var result = post("/api/v1/erp/discrepancies/" + discrepancy("quantity") + "/accept", Role.PCP);

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("ACCEPTED");
        assertThat(result).bodyJson().extractingPath("$.resolvedBy").isEqualTo("pcp");
        assertThat(jdbc.sql("select planned_quantity from production_order where id = :o")
                        .param("o", orderId)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("14");
        assertThat(jdbc.sql("select planned_quantity from production_order_step where production_order = :o")
                        .param("o", orderId)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("14");
    }

    @Test
    void rejectingKeepsTheOrderAsItIs() {
        assertThat(post("/api/v1/erp/discrepancies/" + discrepancy("priority") + "/reject", Role.MANAGER))
                .hasStatusOk();
        assertThat(jdbc.sql("select priority from production_order where id = :o")
                        .param("o", orderId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void aDiscrepancyIsDecidedOnlyOnce() {
        long id = discrepancy("dueAt");
        assertThat(post("/api/v1/erp/discrepancies/" + id + "/accept", Role.PCP))
                .hasStatusOk();
        assertThat(post("/api/v1/erp/discrepancies/" + id + "/reject", Role.PCP))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(post("/api/v1/erp/discrepancies/987654321/accept", Role.PCP)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void operatorsAndSupervisorsMayNotDecide() {
        long id = discrepancy("quantity");
        assertThat(post("/api/v1/erp/discrepancies/" + id + "/accept", Role.OPERATOR))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post("/api/v1/erp/discrepancies/" + id + "/accept", Role.SUPERVISOR))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select status from order_discrepancy where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN");
    }

    @Test
    void unknownStatusFilterIsAValidationProblem() {
        assertThat(mvc.get()
                        .uri("/api/v1/erp/discrepancies?status=MAYBE")
                        .header("Authorization", tokens.bearer(Role.PCP))
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
