package com.renar.mes.orders.erp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One record exactly as an adapter read it, before any validation: a JSON object or a database row turned into
 * plain Java values ({@code String}, {@code BigDecimal}, {@code BigInteger}, {@code Long}, {@code Double}, {@code
 * Boolean}, {@code java.time} dates, lists and maps). Kept next to the parse result so a rejection can show what
 * arrived.
 *
 * @param position 1-based position of the record in its batch (the whole sync, not the page)
 * @param fields the values by the source's own names ({@code orderCode} in JSON, {@code order_code} in SQL)
 */
public record RawErpRecord(int position, Map<String, Object> fields) {

    public RawErpRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * The value of the first of the given names present, comparing names without case, underscores or dashes (so
     * {@code orderCode}, {@code order_code} and {@code ORDER-CODE} are one field); {@code null} when absent.
     */
    public Object get(String... names) {
        for (String name : names) {
            String wanted = normalize(name);
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (normalize(field.getKey()).equals(wanted)) {
                    return field.getValue();
                }
            }
        }
        return null;
    }

    static String normalize(String name) {
        StringBuilder normalized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                normalized.append(c);
            }
        }
        return normalized.toString().toLowerCase(Locale.ROOT);
    }
}
