package com.renar.mes.orders;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * An ERP order that passed the format checks, in the terms the import needs. Master-data checks (item, routing)
 * come later, in the import.
 *
 * @param orderCode the ERP's key, unique
 * @param type production, or a replenishment the ERP itself released
 * @param itemCode what to make
 * @param quantity how many (exact, > 0)
 * @param dueAt when it is due
 * @param priority 1 = most urgent
 * @param lots the lot codes (barcodes) of the order
 * @param routing a routing that overrides the item's active one, or empty
 * @param cancelled the ERP cancelled it
 * @param erpUpdatedAt when the ERP last changed it, if it says
 */
record ImportCandidate(
        String orderCode,
        OrderType type,
        String itemCode,
        BigDecimal quantity,
        Instant dueAt,
        int priority,
        List<String> lots,
        List<RoutingStep> routing,
        boolean cancelled,
        Instant erpUpdatedAt) {

    ImportCandidate {
        lots = List.copyOf(lots);
        routing = List.copyOf(routing);
    }

    /** A step of a routing override: a named workcenter, or any workcenter of a type. */
    record RoutingStep(
            int sequence,
            String processStepCode,
            String workcenterCode,
            String workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSecondsPerPiece) {}

    /**
     * A digest of everything the ERP decides about the order (not of when it says it changed it), so that
     * re-importing the same data is recognised as unchanged whatever the formatting of numbers or lot order.
     */
    String fingerprint() {
        StringBuilder canonical = new StringBuilder()
                .append(orderCode)
                .append('|')
                .append(type)
                .append('|')
                .append(itemCode)
                .append('|')
                .append(quantity.stripTrailingZeros().toPlainString())
                .append('|')
                .append(dueAt)
                .append('|')
                .append(priority)
                .append('|')
                .append(new TreeSet<>(lots))
                .append('|')
                .append(cancelled);
        for (RoutingStep step : routing) {
            canonical
                    .append('|')
                    .append(step.sequence())
                    .append(',')
                    .append(step.processStepCode())
                    .append(',')
                    .append(step.workcenterCode())
                    .append(',')
                    .append(step.workcenterType())
                    .append(',')
                    .append(step.setupMinutes().stripTrailingZeros().toPlainString())
                    .append(',')
                    .append(step.standardSecondsPerPiece().stripTrailingZeros().toPlainString());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
