package com.renar.mes.execution;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shop floor.
 *
 * @param barcode how scanned text is read (see {@link BarcodeRules})
 * @param kittingProcessSteps process steps that consume the bill of materials and release only complete sets
 * @param labelProcessSteps process steps whose good count is what a product label reports (packaging)
 * @param idempotencyRetention how long scan idempotency keys are kept (the scans themselves stay)
 */
@ConfigurationProperties("mes.execution")
record ExecutionProperties(
        Barcode barcode,
        Set<String> kittingProcessSteps,
        Set<String> labelProcessSteps,
        Duration idempotencyRetention) {

    ExecutionProperties {
        if (barcode == null) {
            barcode = new Barcode(null, null, null);
        }
        if (kittingProcessSteps == null || kittingProcessSteps.isEmpty()) {
            kittingProcessSteps = Set.of("ASSEMBLY", "PAINTING", "PACKAGING");
        }
        if (labelProcessSteps == null || labelProcessSteps.isEmpty()) {
            labelProcessSteps = Set.of("PACKAGING");
        }
        if (idempotencyRetention == null) {
            idempotencyRetention = Duration.ofDays(7);
        }
    }

    /**
     * The barcode formats, as regular expressions tried in this order: a part label (groups {@code lot} and
     * {@code serial}), an order code (group {@code code}), a lot code (group {@code code}). Text matching none is
     * looked up as an order code, then as a lot code.
     */
    record Barcode(Pattern partPattern, Pattern orderPattern, Pattern lotPattern) {

        Barcode {
            if (partPattern == null) {
                partPattern =
                        Pattern.compile("^PART:(?<lot>[\\x21-\\x7E&&[^:]]{1,60}):(?<serial>[\\x21-\\x7E]{1,40})$");
            }
            if (orderPattern == null) {
                orderPattern = Pattern.compile("^OP:(?<code>[\\x21-\\x7E]{1,40})$");
            }
            if (lotPattern == null) {
                lotPattern = Pattern.compile("^LOT:(?<code>[\\x21-\\x7E]{1,60})$");
            }
        }

        List<Pattern> all() {
            return List.of(partPattern, orderPattern, lotPattern);
        }
    }
}
