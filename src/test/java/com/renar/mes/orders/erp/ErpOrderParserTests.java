package com.renar.mes.orders.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ErpOrderParserTests {

    private static final ZoneId PLANT = ZoneId.of("America/Sao_Paulo");

    private final ErpOrderParser parser = new ErpOrderParser(PLANT);
    private final ErpOrderParser.Batch batch = parser.newBatch();

    private static JsonNode json(String text) {
        return ErpJson.MAPPER.readTree(text);
    }

    /** A valid order as a field map; tests replace or remove one field at a time. */
    private static Map<String, Object> order(String code) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderCode", code);
        fields.put("itemCode", "CHAIR-01");
        fields.put("quantity", "10");
        fields.put("dueDate", "2026-12-01");
        fields.put("priority", 5);
        fields.put("lots", List.of("L-1"));
        return fields;
    }

    private static Map<String, Object> orderWith(String field, Object value) {
        Map<String, Object> fields = order("OP-1");
        fields.put(field, value);
        return fields;
    }

    /** Parses in a batch of its own, for tests that send the same order code several times. */
    private ErpRecordOutcome alone(Map<String, Object> fields) {
        return parser.newBatch().parse(fields);
    }

    private ErpOrder accepted(ErpRecordOutcome outcome) {
        assertThat(outcome).isInstanceOf(ErpRecordOutcome.Accepted.class);
        return ((ErpRecordOutcome.Accepted) outcome).order();
    }

    private ErpRecordOutcome.Rejected rejected(ErpRecordOutcome outcome) {
        assertThat(outcome).isInstanceOf(ErpRecordOutcome.Rejected.class);
        return (ErpRecordOutcome.Rejected) outcome;
    }

    @Test
    void acceptsCompleteOrderFromJson() {
        ErpOrder order = accepted(batch.parse(json("""
                {"orderCode": "OP-2026-0001", "type": "PRODUCTION", "itemCode": "WARDROBE-3D",
                 "quantity": 120, "dueDate": "2026-12-01T17:00:00-03:00", "priority": 2,
                 "lots": ["L-0001", "L-0002"], "status": "RELEASED", "erpUpdatedAt": "2026-11-20T10:15:00Z",
                 "routing": [
                   {"sequence": 20, "processStepCode": "CNC", "workcenterType": "CNC",
                    "setupMinutes": 15, "standardSecondsPerPiece": "42.5"},
                   {"sequence": 10, "processStepCode": "CUT", "workcenterCode": "OPT-01",
                    "setupMinutes": "7.5", "standardSecondsPerPiece": 30}
                 ],
                 "somethingTheMesIgnores": true}
                """)));

        assertThat(order.orderCode()).isEqualTo("OP-2026-0001");
        assertThat(order.type()).isEqualTo(ErpOrder.Type.PRODUCTION);
        assertThat(order.itemCode()).isEqualTo("WARDROBE-3D");
        assertThat(order.quantity()).isEqualTo(new BigDecimal("120"));
        assertThat(order.dueDate()).isEqualTo(new DueDate.At(OffsetDateTime.parse("2026-12-01T17:00:00-03:00")));
        assertThat(order.priority()).isEqualTo(2);
        assertThat(order.lots()).containsExactly("L-0001", "L-0002");
        assertThat(order.status()).isEqualTo(ErpOrder.Status.RELEASED);
        assertThat(order.erpUpdatedAt()).isEqualTo(Instant.parse("2026-11-20T10:15:00Z"));
        assertThat(order.hasRoutingOverride()).isTrue();
        assertThat(order.routing())
                .containsExactly(
                        new ErpOrder.RoutingStep(
                                10, "CUT", "OPT-01", null, new BigDecimal("7.5"), new BigDecimal("30")),
                        new ErpOrder.RoutingStep(20, "CNC", null, "CNC", new BigDecimal("15"), new BigDecimal("42.5")));
    }

    @Test
    void appliesDefaultsToOptionalFields() {
        ErpOrder order = accepted(batch.parse(json("""
                {"orderCode": "OP-1", "itemCode": "CHAIR-01", "quantity": "3", "dueDate": "2026-12-01"}
                """)));

        assertThat(order.type()).isEqualTo(ErpOrder.Type.PRODUCTION);
        assertThat(order.status()).isEqualTo(ErpOrder.Status.RELEASED);
        assertThat(order.priority()).isZero();
        assertThat(order.lots()).isEmpty();
        assertThat(order.routing()).isEmpty();
        assertThat(order.hasRoutingOverride()).isFalse();
        assertThat(order.erpUpdatedAt()).isNull();
    }

    @Test
    void acceptsDatabaseColumnNamesAndCommaSeparatedLots() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("order_code", "OP-7");
        row.put("item_code", "TABLE-2");
        row.put("quantity", new BigDecimal("4.0000"));
        row.put("due_date", LocalDate.of(2026, 12, 3));
        row.put("priority", 1L);
        row.put("lots", "L-1, L-2,,L-3 ");
        row.put("status", "cancelled");
        row.put("updated_at", LocalDateTime.of(2026, 11, 20, 8, 30));

        ErpOrder order = accepted(batch.parse(row));

        assertThat(order.orderCode()).isEqualTo("OP-7");
        assertThat(order.quantity()).isEqualTo(new BigDecimal("4"));
        assertThat(order.dueDate()).isEqualTo(new DueDate.OnDay(LocalDate.of(2026, 12, 3)));
        assertThat(order.lots()).containsExactly("L-1", "L-2", "L-3");
        assertThat(order.status()).isEqualTo(ErpOrder.Status.CANCELLED);
        // DATETIME columns carry no offset: read in the ERP's zone (-03:00)
        assertThat(order.erpUpdatedAt()).isEqualTo(Instant.parse("2026-11-20T11:30:00Z"));
    }

    @Test
    void acceptsNumericOrderCodesFromIntegerColumns() {
        Map<String, Object> row = order(null);
        row.put("orderCode", 4711L);

        assertThat(accepted(batch.parse(row)).orderCode()).isEqualTo("4711");
    }

    @Test
    void keepsQuantitiesExactAndStripsTrailingZeros() {
        assertThat(accepted(batch.parse(orderWith("quantity", "12.5000"))).quantity())
                .isEqualTo(new BigDecimal("12.5"));
        assertThat(accepted(batch.parse(json("""
                        {"orderCode": "OP-2", "itemCode": "I", "quantity": 0.1, "dueDate": "2026-12-01"}
                        """))).quantity()).isEqualTo(new BigDecimal("0.1"));
        assertThat(accepted(batch.parse(json("""
                        {"orderCode": "OP-3", "itemCode": "I", "quantity": 12.50000, "dueDate": "2026-12-01"}
                        """))).quantity()).isEqualTo(new BigDecimal("12.5"));
        assertThat(accepted(batch.parse(order("OP-4"))).quantity()).isEqualTo(BigDecimal.TEN);
        assertThat(accepted(batch.parse(orderWith("orderCode", "OP-5")))
                        .quantity()
                        .scale())
                .isZero();
    }

    @Test
    void readsEveryPlainDecimalTextExactly() {
        Random random = new Random(20261124);
        for (int i = 0; i < 2_000; i++) {
            BigDecimal value = BigDecimal.valueOf(1 + (random.nextLong() & 0xFFFF_FFFFL), random.nextInt(5));
            Map<String, Object> fields = order("OP-" + i);
            fields.put("quantity", value.toPlainString());

            BigDecimal parsed = accepted(batch.parse(fields)).quantity();

            assertThat(parsed).isEqualByComparingTo(value);
            assertThat(parsed.scale()).isBetween(0, ErpOrderParser.MAX_SCALE);
        }
    }

    @Test
    void acceptsJsonExponentNumbersAsTheirExactValue() {
        ErpOrder order = accepted(batch.parse(json("""
                {"orderCode": "OP-1", "itemCode": "I", "quantity": 1e3, "dueDate": "2026-12-01"}
                """)));

        assertThat(order.quantity()).isEqualTo(new BigDecimal("1000"));
    }

    @Test
    void rejectsQuantityWithMoreThanFourDecimals() {
        assertThat(rejected(batch.parse(orderWith("quantity", "1.23456"))).reason())
                .isEqualTo("quantity 1.23456 has more than 4 decimals");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0000", "-5"})
    void rejectsQuantityThatIsNotPositive(String quantity) {
        assertThat(rejected(batch.parse(orderWith("quantity", quantity))).reason())
                .startsWith("quantity must be greater than zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12,5", "1e3", "1.000,50", "12 pieces", "0x10", ".5"})
    void rejectsQuantityTextThatIsNotAPlainDecimal(String quantity) {
        assertThat(rejected(batch.parse(orderWith("quantity", quantity))).reason())
                .contains("is not a plain decimal number");
    }

    @Test
    void rejectsFloatingPointQuantity() {
        assertThat(rejected(batch.parse(orderWith("quantity", 12.5d))).reason())
                .contains("binary floating-point number");
    }

    @Test
    void rejectsQuantityTooLargeForTheOrderModel() {
        assertThat(rejected(batch.parse(orderWith("quantity", "1234567890123"))).reason())
                .contains("too large");
    }

    @Test
    void rejectsMissingQuantity() {
        Map<String, Object> fields = order("OP-1");
        fields.remove("quantity");

        assertThat(rejected(batch.parse(fields)).reason()).isEqualTo("quantity is missing");
    }

    @Test
    void rejectsRecordWithoutOrderCodeNamingItsPosition() {
        batch.parse(order("OP-1"));
        Map<String, Object> fields = order("  ");

        ErpRecordOutcome.Rejected rejection = rejected(batch.parse(fields));

        assertThat(rejection.reason()).isEqualTo("orderCode is missing");
        assertThat(rejection.orderCode()).isNull();
        assertThat(rejection.key()).isEqualTo("record #2");
    }

    @Test
    void rejectsMissingItemCode() {
        Map<String, Object> fields = order("OP-1");
        fields.remove("itemCode");

        ErpRecordOutcome.Rejected rejection = rejected(batch.parse(fields));

        assertThat(rejection.reason()).isEqualTo("itemCode is missing");
        assertThat(rejection.key()).isEqualTo("OP-1");
    }

    @Test
    void rejectsCodesWithForbiddenCharactersOrTooLong() {
        assertThat(rejected(batch.parse(order("OP 1"))).reason())
                .isEqualTo("orderCode 'OP 1' may contain only letters, digits and . _ / -");
        assertThat(rejected(batch.parse(order("X".repeat(41)))).reason()).contains("longer than 40 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-45", "01/12/2026", "tomorrow", "2026-12-01T25:00:00Z", "2026-12-01 17:00"})
    void rejectsMalformedDueDate(String dueDate) {
        assertThat(rejected(batch.parse(orderWith("dueDate", dueDate))).reason())
                .startsWith("dueDate '" + dueDate + "' is not an ISO date (2026-12-01) or date-time with offset");
    }

    @Test
    void rejectsDueDateTimeWithoutOffset() {
        assertThat(rejected(batch.parse(orderWith("dueDate", "2026-12-01T17:00:00")))
                        .reason())
                .startsWith("dueDate '2026-12-01T17:00:00' has no UTC offset");
    }

    @Test
    void rejectsMissingDueDate() {
        Map<String, Object> fields = order("OP-1");
        fields.remove("dueDate");

        assertThat(rejected(batch.parse(fields)).reason()).isEqualTo("dueDate is missing");
    }

    @Test
    void rejectsMalformedErpUpdatedAt() {
        assertThat(rejected(batch.parse(orderWith("erpUpdatedAt", "yesterday"))).reason())
                .startsWith("erpUpdatedAt 'yesterday' is not");
    }

    @Test
    void turnsPlainDueDayIntoDeadlineAtEndOfThePlantDay() {
        DueDate due = accepted(batch.parse(order("OP-1"))).dueDate();

        assertThat(due.deadline(PLANT)).isEqualTo(Instant.parse("2026-12-02T03:00:00Z"));
    }

    @Test
    void acceptsWholeNumberPriorityAsNumberOrText() {
        assertThat(accepted(batch.parse(orderWith("priority", "7"))).priority()).isEqualTo(7);
        assertThat(accepted(batch.parse(json("""
                        {"orderCode": "OP-2", "itemCode": "I", "quantity": 1, "dueDate": "2026-12-01", "priority": 3.0}
                        """))).priority()).isEqualTo(3);
    }

    @Test
    void rejectsPriorityThatIsNotAnInt() {
        assertThat(rejected(alone(orderWith("priority", "high"))).reason())
                .isEqualTo("priority must be a whole number, not 'high'");
        assertThat(rejected(alone(orderWith("priority", new BigDecimal("1.5")))).reason())
                .isEqualTo("priority must be a whole number, not '1.5'");
        assertThat(rejected(alone(orderWith("priority", new BigInteger("99999999999"))))
                        .reason())
                .isEqualTo("priority 99999999999 is out of range");
    }

    @Test
    void rejectsLaterDuplicateOfAnOrderCodeWithinTheBatch() {
        accepted(batch.parse(order("OP-1")));
        accepted(batch.parse(order("OP-2")));

        ErpRecordOutcome.Rejected duplicate = rejected(batch.parse(order("OP-1")));

        assertThat(duplicate.reason())
                .isEqualTo("orderCode 'OP-1' appears more than once in this batch (first at record #1;"
                        + " only the first occurrence counts)");
        assertThat(accepted(parser.newBatch().parse(order("OP-1"))).orderCode())
                .as("a new batch starts afresh")
                .isEqualTo("OP-1");
    }

    @Test
    void rejectsUnknownStatusAndType() {
        Map<String, Object> fields = order("OP-1");
        fields.put("status", "PLANNED");
        fields.put("type", "REWORK");

        assertThat(rejected(batch.parse(fields)).reason())
                .isEqualTo("type 'REWORK' is not one of PRODUCTION, REPLENISHMENT; status 'PLANNED' is not one of"
                        + " RELEASED, CANCELLED");
    }

    @Test
    void rejectsDuplicateOrMalformedLots() {
        assertThat(rejected(alone(orderWith("lots", List.of("L-1", "L-1")))).reason())
                .isEqualTo("lot 'L-1' is listed twice");
        assertThat(rejected(alone(orderWith("lots", List.of("L 2")))).reason())
                .isEqualTo("lots[1] 'L 2' may contain only letters, digits and . _ / -");
        assertThat(rejected(alone(orderWith("lots", 42))).reason())
                .startsWith("lots must be a list of lot codes or comma-separated text");
    }

    @Test
    void rejectsRoutingStepsThatAreIncomplete() {
        ErpRecordOutcome outcome = batch.parse(json("""
                {"orderCode": "OP-1", "itemCode": "I", "quantity": 1, "dueDate": "2026-12-01",
                 "routing": [
                   {"sequence": 10, "processStepCode": "CUT", "standardSecondsPerPiece": 30},
                   {"sequence": 10, "processStepCode": "CNC", "workcenterCode": "CNC-1", "workcenterType": "CNC",
                    "standardSecondsPerPiece": 0},
                   {"sequence": 0, "processStepCode": "SAND", "workcenterType": "SANDER",
                    "setupMinutes": -1, "standardSecondsPerPiece": 10},
                   {"sequence": 40, "processStepCode": "PACK", "workcenterType": "PACK",
                    "standardSecondsPerPiece": 10}, "not a step"
                 ]}
                """));

        assertThat(rejected(outcome).reason().split("; "))
                .containsExactly(
                        "routing step #1: needs exactly one of workcenterCode and workcenterType",
                        "routing step #2: needs exactly one of workcenterCode and workcenterType",
                        "routing step #2: standardSecondsPerPiece must be greater than zero (was 0)",
                        "routing step #3: sequence must be positive (was 0)",
                        "routing step #3: setupMinutes must not be negative (was -1)",
                        "routing step #5: must be an object, not 'not a step'");
    }

    @Test
    void rejectsRoutingWithRepeatedSequence() {
        ErpRecordOutcome outcome = batch.parse(json("""
                {"orderCode": "OP-1", "itemCode": "I", "quantity": 1, "dueDate": "2026-12-01",
                 "routing": [
                   {"sequence": 10, "processStepCode": "CUT", "workcenterType": "OPT", "standardSecondsPerPiece": 1},
                   {"sequence": 10, "processStepCode": "CNC", "workcenterType": "CNC", "standardSecondsPerPiece": 1}
                 ]}
                """));

        assertThat(rejected(outcome).reason()).isEqualTo("routing step #2: sequence 10 is used twice");
    }

    @Test
    void acceptsRoutingGivenAsJsonTextByADatabaseColumn() {
        Map<String, Object> row = order("OP-1");
        row.put("routing", """
                [{"sequence": 2, "process_step_code": "CNC", "workcenter_type": "CNC", "standard_seconds_per_piece": 12.25},
                 {"sequence": 1, "process_step_code": "CUT", "workcenter_code": "OPT-01", "setup_minutes": 5,
                  "standard_seconds_per_piece": "8"}]
                """);

        List<ErpOrder.RoutingStep> routing = accepted(batch.parse(row)).routing();

        assertThat(routing).extracting(ErpOrder.RoutingStep::processStepCode).containsExactly("CUT", "CNC");
        assertThat(routing.get(1).standardSecondsPerPiece()).isEqualTo(new BigDecimal("12.25"));
    }

    @Test
    void treatsEmptyRoutingAsNoOverride() {
        assertThat(accepted(batch.parse(orderWith("routing", List.of()))).hasRoutingOverride())
                .isFalse();
    }

    @Test
    void rejectsRecordThatIsNotAJsonObject() {
        ErpRecordOutcome.Rejected rejection = rejected(batch.parse(json("42")));

        assertThat(rejection.reason()).isEqualTo("record is not a JSON object");
        assertThat(rejection.key()).isEqualTo("record #1");
    }

    @Test
    void reportsEveryProblemOfARecordAtOnce() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("orderCode", "OP-9");
        fields.put("quantity", "-1");
        fields.put("dueDate", "soon");
        fields.put("priority", "first");

        ErpRecordOutcome.Rejected rejection = rejected(batch.parse(fields));

        assertThat(rejection.orderCode()).isEqualTo("OP-9");
        assertThat(rejection.reason().split("; "))
                .containsExactly(
                        "itemCode is missing",
                        "quantity must be greater than zero (was -1)",
                        "dueDate 'soon' is not an ISO date (2026-12-01) or date-time with offset"
                                + " (2026-12-01T17:00:00-03:00)",
                        "priority must be a whole number, not 'first'");
    }

    @Test
    void countsPositionsAcrossTheWholeBatch() {
        batch.parse(order("OP-1"));
        batch.parse(order("OP-2"));
        ErpRecordOutcome third = batch.parse(order("OP-3"));

        assertThat(third.raw().position()).isEqualTo(3);
        assertThat(batch.records()).isEqualTo(3);
    }
}
