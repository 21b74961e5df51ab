package com.renar.mes.orders.erp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns raw ERP records into {@link ErpOrder}s or {@link ErpRecordOutcome.Rejected rejections}, one record at a
 * time: a bad record never stops the batch. Every problem of a record is reported, not just the first.
 *
 * <p>It checks shape only: required fields, exact quantities, ISO dates, whole-number priorities, code syntax,
 * lot and routing structure, and that an order code appears once per batch. Whether the item exists or has an
 * active routing is for the import, which knows the master data.
 *
 * <p>Numbers are exact: {@code BigDecimal} all the way. Text quantities must be plain decimals ({@code "12.5000"}
 * is fine, {@code "1e3"} and {@code "1.000,5"} are rejected); JSON numbers are read exactly, so {@code 1e3} as a
 * JSON number is exactly 1000 and accepted; a value that already is a binary floating-point number (a {@code
 * DOUBLE} column) is rejected, because its decimal value is a guess.
 *
 * <p>Thread-safe; a {@link Batch} is not and lives for one fetch or one pushed request.
 */
public final class ErpOrderParser {

    /** Longest order, item, process-step and workcenter code. */
    public static final int MAX_CODE_LENGTH = 40;
    /** Longest lot code. */
    public static final int MAX_LOT_LENGTH = 60;
    /** Most decimals of a quantity or time, after trailing zeros are stripped. */
    public static final int MAX_SCALE = 4;
    /** Most digits before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 12;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final Pattern PLAIN_INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final String DATE_FORMS =
            "an ISO date (2026-12-01) or date-time with offset (2026-12-01T17:00:00-03:00)";

    private final ZoneId erpZone;

    /**
     * @param erpZone the zone in which the ERP's database keeps date-times without offset ({@code DATETIME},
     *     {@code timestamp}); text date-times must carry their own offset
     */
    public ErpOrderParser(ZoneId erpZone) {
        this.erpZone = Objects.requireNonNull(erpZone, "erpZone");
    }

    /** A fresh batch: positions count from 1 and order codes are checked for duplicates within it. */
    public Batch newBatch() {
        return new Batch();
    }

    /** The records of one fetch or one pushed request. Not thread-safe. */
    public final class Batch {

        private final Map<String, Integer> firstPositionByCode = new HashMap<>();
        private int position;

        private Batch() {}

        /** Parses the next record given as a field map (a database row, a decoded JSON object). */
        public ErpRecordOutcome parse(Map<String, ?> fields) {
            return parse(new RawErpRecord(++position, copy(fields)));
        }

        /** Parses the next record given as JSON; anything but a JSON object is rejected. */
        public ErpRecordOutcome parse(JsonNode node) {
            if (node == null || !node.isObject()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("value", node == null ? null : ErpJson.toJava(node));
                return new ErpRecordOutcome.Rejected(
                        new RawErpRecord(++position, fields), null, "record is not a JSON object");
            }
            return parse(ErpJson.fields(node));
        }

        /** Counts the next record as rejected for a reason found by the adapter (e.g. an unreadable column). */
        public ErpRecordOutcome.Rejected reject(Map<String, ?> fields, String reason) {
            RawErpRecord raw = new RawErpRecord(++position, copy(fields));
            return new ErpRecordOutcome.Rejected(raw, displayCode(raw.get("orderCode")), reason);
        }

        /** How many records this batch has seen. */
        public int records() {
            return position;
        }

        private ErpRecordOutcome parse(RawErpRecord raw) {
            Problems problems = new Problems("");
            String orderCode = code(raw.get("orderCode"), "orderCode", MAX_CODE_LENGTH, true, problems);
            ErpOrder.Type type =
                    choice(raw.get("type"), "type", ErpOrder.Type.class, ErpOrder.Type.PRODUCTION, problems);
            String itemCode = code(raw.get("itemCode"), "itemCode", MAX_CODE_LENGTH, true, problems);
            BigDecimal quantity = quantity(raw.get("quantity"), problems);
            DueDate dueDate = dueDate(raw.get("dueDate"), problems);
            Integer priority = integer(raw.get("priority"), "priority", problems);
            List<String> lots = lots(raw.get("lots", "lotCodes"), problems);
            List<ErpOrder.RoutingStep> routing = routing(raw.get("routing"), problems);
            ErpOrder.Status status =
                    choice(raw.get("status"), "status", ErpOrder.Status.class, ErpOrder.Status.RELEASED, problems);
            Instant erpUpdatedAt = instant(raw.get("erpUpdatedAt", "updatedAt"), "erpUpdatedAt", problems);
            if (orderCode != null) {
                Integer first = firstPositionByCode.putIfAbsent(orderCode, raw.position());
                if (first != null) {
                    problems.add("orderCode '" + orderCode + "' appears more than once in this batch (first at record #"
                            + first + "; only the first occurrence counts)");
                }
            }
            if (problems.any()) {
                return new ErpRecordOutcome.Rejected(raw, displayCode(raw.get("orderCode")), problems.joined());
            }
            return new ErpRecordOutcome.Accepted(
                    raw,
                    new ErpOrder(
                            orderCode,
                            type,
                            itemCode,
                            quantity,
                            dueDate,
                            priority == null ? 0 : priority,
                            lots,
                            routing,
                            status,
                            erpUpdatedAt));
        }
    }

    // ---- fields -------------------------------------------------------------------------------------------------

    private static BigDecimal quantity(Object value, Problems problems) {
        if (value == null || isBlankText(value)) {
            problems.add("quantity is missing");
            return null;
        }
        BigDecimal quantity = exactDecimal(value, "quantity", problems);
        if (quantity != null && quantity.signum() <= 0) {
            problems.add("quantity must be greater than zero (was " + quantity.toPlainString() + ")");
            return null;
        }
        return quantity;
    }

    private DueDate dueDate(Object value, Problems problems) {
        if (value == null || isBlankText(value)) {
            problems.add("dueDate is missing");
            return null;
        }
        if (value instanceof LocalDate) {
            return new DueDate.OnDay((LocalDate) value);
        }
        if (value instanceof String) {
            String text = ((String) value).trim();
            if (text.indexOf('T') < 0) {
                try {
                    return new DueDate.OnDay(LocalDate.parse(text));
                } catch (DateTimeException e) {
                    problems.add("dueDate " + describe(text) + " is not " + DATE_FORMS);
                    return null;
                }
            }
        }
        OffsetDateTime at = dateTime(value, "dueDate", problems);
        return at == null ? null : new DueDate.At(at);
    }

    private Instant instant(Object value, String field, Problems problems) {
        if (value == null || isBlankText(value)) {
            return null;
        }
        OffsetDateTime at = dateTime(value, field, problems);
        return at == null ? null : at.toInstant();
    }

    /** A date-time with an offset: typed values from a database, or ISO text with offset. */
    private OffsetDateTime dateTime(Object value, String field, Problems problems) {
        if (value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof ZonedDateTime) {
            return ((ZonedDateTime) value).toOffsetDateTime();
        }
        if (value instanceof Instant) {
            return ((Instant) value).atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime) {
            // a DATETIME/timestamp column: the ERP database's own zone
            return ((LocalDateTime) value).atZone(erpZone).toOffsetDateTime();
        }
        if (value instanceof String) {
            String text = ((String) value).trim();
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeException notWithOffset) {
                try {
                    LocalDateTime.parse(text);
                    problems.add(field + " " + describe(text) + " has no UTC offset; send " + DATE_FORMS);
                } catch (DateTimeException malformed) {
                    problems.add(field + " " + describe(text) + " is not " + DATE_FORMS);
                }
                return null;
            }
        }
        problems.add(field + " must be a date-time, not " + describe(value));
        return null;
    }

    private static List<String> lots(Object value, Problems problems) {
        List<Object> candidates = new ArrayList<>();
        if (value == null) {
            return List.of();
        } else if (value instanceof String) {
            for (String part : ((String) value).split(",")) {
                if (!part.isBlank()) {
                    candidates.add(part);
                }
            }
        } else if (value instanceof List) {
            candidates.addAll((List<?>) value);
        } else {
            problems.add("lots must be a list of lot codes or comma-separated text, not " + describe(value));
            return List.of();
        }
        List<String> lots = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            String lot = code(candidates.get(i), "lots[" + (i + 1) + "]", MAX_LOT_LENGTH, true, problems);
            if (lot != null && !seen.add(lot)) {
                problems.add("lot '" + lot + "' is listed twice");
            } else if (lot != null) {
                lots.add(lot);
            }
        }
        return lots;
    }

    private static List<ErpOrder.RoutingStep> routing(Object value, Problems problems) {
        Object steps = value;
        if (steps instanceof String) {
            String text = ((String) steps).trim();
            if (text.isEmpty()) {
                return List.of();
            }
            try {
                steps = ErpJson.toJava(ErpJson.MAPPER.readTree(text));
            } catch (JacksonException e) {
                problems.add("routing is not valid JSON (" + e.getOriginalMessage() + ")");
                return List.of();
            }
        }
        if (steps == null) {
            return List.of();
        }
        if (!(steps instanceof List)) {
            problems.add("routing must be a list of steps, not " + describe(steps));
            return List.of();
        }
        List<?> list = (List<?>) steps;
        List<ErpOrder.RoutingStep> routing = new ArrayList<>();
        Set<Integer> sequences = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Problems stepProblems = problems.scoped("routing step #" + (i + 1) + ": ");
            if (!(list.get(i) instanceof Map)) {
                stepProblems.add("must be an object, not " + describe(list.get(i)));
                continue;
            }
            ErpOrder.RoutingStep step = step(new RawErpRecord(i + 1, copy((Map<?, ?>) list.get(i))), stepProblems);
            if (step != null && !sequences.add(step.sequence())) {
                stepProblems.add("sequence " + step.sequence() + " is used twice");
            } else if (step != null) {
                routing.add(step);
            }
        }
        routing.sort(Comparator.comparingInt(ErpOrder.RoutingStep::sequence));
        return routing;
    }

    private static ErpOrder.RoutingStep step(RawErpRecord raw, Problems problems) {
        int before = problems.count();
        Object sequenceValue = raw.get("sequence");
        Integer sequence = null;
        if (sequenceValue == null || isBlankText(sequenceValue)) {
            problems.add("sequence is missing");
        } else {
            sequence = integer(sequenceValue, "sequence", problems);
            if (sequence != null && sequence <= 0) {
                problems.add("sequence must be positive (was " + sequence + ")");
            }
        }
        String processStep = code(raw.get("processStepCode"), "processStepCode", MAX_CODE_LENGTH, true, problems);
        String workcenterCode = code(raw.get("workcenterCode"), "workcenterCode", MAX_CODE_LENGTH, false, problems);
        String workcenterType = code(raw.get("workcenterType"), "workcenterType", MAX_CODE_LENGTH, false, problems);
        boolean hasCode = raw.get("workcenterCode") != null && !isBlankText(raw.get("workcenterCode"));
        boolean hasType = raw.get("workcenterType") != null && !isBlankText(raw.get("workcenterType"));
        if (hasCode == hasType) {
            problems.add("needs exactly one of workcenterCode and workcenterType");
        }
        BigDecimal setup = BigDecimal.ZERO;
        Object setupValue = raw.get("setupMinutes");
        if (setupValue != null && !isBlankText(setupValue)) {
            setup = exactDecimal(setupValue, "setupMinutes", problems);
            if (setup != null && setup.signum() < 0) {
                problems.add("setupMinutes must not be negative (was " + setup.toPlainString() + ")");
            }
        }
        BigDecimal standard = null;
        Object standardValue = raw.get("standardSecondsPerPiece");
        if (standardValue == null || isBlankText(standardValue)) {
            problems.add("standardSecondsPerPiece is missing");
        } else {
            standard = exactDecimal(standardValue, "standardSecondsPerPiece", problems);
            if (standard != null && standard.signum() <= 0) {
                problems.add(
                        "standardSecondsPerPiece must be greater than zero (was " + standard.toPlainString() + ")");
            }
        }
        if (problems.count() > before) {
            return null;
        }
        return new ErpOrder.RoutingStep(sequence, processStep, workcenterCode, workcenterType, setup, standard);
    }

    // ---- values -------------------------------------------------------------------------------------------------

    /** Text of a code: trimmed, bounded, letters, digits and {@code . _ / -}. Integral numbers are accepted. */
    private static String code(Object value, String field, int maxLength, boolean required, Problems problems) {
        String text = text(value, field, required, problems);
        if (text == null) {
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(field + " " + describe(text) + " is longer than " + maxLength + " characters");
            return null;
        }
        if (!CODE.matcher(text).matches()) {
            problems.add(field + " " + describe(text) + " may contain only letters, digits and . _ / -");
            return null;
        }
        return text;
    }

    private static String text(Object value, String field, boolean required, Problems problems) {
        if (value == null || isBlankText(value)) {
            if (required) {
                problems.add(field + " is missing");
            }
            return null;
        }
        if (value instanceof String) {
            return ((String) value).trim();
        }
        String integral = integralText(value);
        if (integral != null) {
            return integral;
        }
        problems.add(field + " must be text, not " + describe(value));
        return null;
    }

    private static <E extends Enum<E>> E choice(
            Object value, String field, Class<E> type, E absent, Problems problems) {
        if (value == null || isBlankText(value)) {
            return absent;
        }
        if (value instanceof String) {
            String name = ((String) value).trim().toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        problems.add(field + " " + describe(value) + " is not one of " + String.join(", ", names));
        return null;
    }

    /**
     * An exact decimal with at most {@link #MAX_SCALE} decimals and {@link #MAX_INTEGER_DIGITS} integer digits,
     * trailing zeros stripped. {@code value} is not null.
     */
    private static BigDecimal exactDecimal(Object value, String field, Problems problems) {
        BigDecimal decimal;
        if (value instanceof String) {
            String text = ((String) value).trim();
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                problems.add(field + " " + describe(text)
                        + " is not a plain decimal number (digits with an optional '.' and decimals;"
                        + " no exponent, spaces or thousands separators)");
                return null;
            }
            decimal = new BigDecimal(text);
        } else if (value instanceof BigDecimal) {
            decimal = (BigDecimal) value;
        } else if (value instanceof BigInteger) {
            decimal = new BigDecimal((BigInteger) value);
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            decimal = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            problems.add(field + " arrives as a binary floating-point number (" + value
                    + "); the ERP must send an exact decimal (JSON number or text, or a DECIMAL/NUMERIC column)");
            return null;
        } else {
            problems.add(field + " must be a number, not " + describe(value));
            return null;
        }
        decimal = decimal.stripTrailingZeros();
        if (decimal.scale() < 0) {
            decimal = decimal.setScale(0);
        }
        if (decimal.scale() > MAX_SCALE) {
            problems.add(field + " " + decimal.toPlainString() + " has more than " + MAX_SCALE + " decimals");
            return null;
        }
        if (decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
            problems.add(
                    field + " is too large (more than " + MAX_INTEGER_DIGITS + " digits before the decimal point)");
            return null;
        }
        return decimal;
    }

    /** A whole number in {@code int} range, or {@code null} when absent or invalid (then with a problem). */
    private static Integer integer(Object value, String field, Problems problems) {
        if (value == null || isBlankText(value)) {
            return null;
        }
        BigInteger whole = null;
        if (value instanceof String) {
            String text = ((String) value).trim();
            if (PLAIN_INTEGER.matcher(text).matches()) {
                whole = new BigInteger(text);
            }
        } else if (value instanceof BigInteger) {
            whole = (BigInteger) value;
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            whole = BigInteger.valueOf(((Number) value).longValue());
        } else if (value instanceof BigDecimal) {
            BigDecimal decimal = ((BigDecimal) value).stripTrailingZeros();
            if (decimal.scale() <= 0) {
                whole = decimal.toBigIntegerExact();
            }
        }
        if (whole == null) {
            problems.add(field + " must be a whole number, not " + describe(value));
            return null;
        }
        if (whole.bitLength() > 31) {
            problems.add(field + " " + whole + " is out of range");
            return null;
        }
        return whole.intValue();
    }

    private static String integralText(Object value) {
        if (value instanceof BigInteger
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof BigDecimal) {
            BigDecimal decimal = ((BigDecimal) value).stripTrailingZeros();
            return decimal.scale() <= 0 ? decimal.toPlainString() : null;
        }
        return null;
    }

    /** The order code to show on a rejection: whatever readable code the record had, valid or not. */
    private static String displayCode(Object value) {
        String text = value instanceof String ? ((String) value).trim() : integralText(value);
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static boolean isBlankText(Object value) {
        return value instanceof String && ((String) value).isBlank();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String) {
            String text = (String) value;
            return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        return "'" + value + "'";
    }

    private static Map<String, Object> copy(Map<?, ?> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    /** The problems of one record; scoped views prefix their messages (e.g. a routing step). */
    private static final class Problems {
        private final List<String> messages;
        private final String prefix;

        Problems(String prefix) {
            this(new ArrayList<>(), prefix);
        }

        private Problems(List<String> messages, String prefix) {
            this.messages = messages;
            this.prefix = prefix;
        }

        Problems scoped(String scope) {
            return new Problems(messages, prefix + scope);
        }

        void add(String message) {
            messages.add(prefix + message);
        }

        int count() {
            return messages.size();
        }

        boolean any() {
            return !messages.isEmpty();
        }

        String joined() {
            return String.join("; ", messages);
        }
    }
}
