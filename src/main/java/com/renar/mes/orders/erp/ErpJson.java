package com.renar.mes.orders.erp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON as the ERP speaks it. Decimal numbers are read as {@code BigDecimal} and written in plain notation, so no
 * quantity ever passes through a {@code double}.
 */
final class ErpJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ErpJson() {}

    /** A JSON object as the plain field map of a {@link RawErpRecord}. */
    static Map<String, Object> fields(JsonNode object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            fields.put(property.getKey(), toJava(property.getValue()));
        }
        return fields;
    }

    /**
     * A JSON value as a plain Java value: text as {@code String}, integers as {@code BigInteger}, decimals as
     * {@code BigDecimal} (the mapper never makes doubles; a double from elsewhere stays a {@code Double} and the
     * parser refuses it), arrays as lists, objects as maps.
     */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isBigDecimal()) {
            return node.decimalValue();
        }
        if (node.isFloatingPointNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            for (JsonNode value : node.values()) {
                values.add(toJava(value));
            }
            return values;
        }
        if (node.isObject()) {
            return fields(node);
        }
        return node.toString();
    }
}
