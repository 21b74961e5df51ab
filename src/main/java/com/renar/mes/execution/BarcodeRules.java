package com.renar.mes.execution;

import com.renar.mes.execution.ScannedCode.LotCode;
import com.renar.mes.execution.ScannedCode.OrderCode;
import com.renar.mes.execution.ScannedCode.PartLabel;
import com.renar.mes.execution.ScannedCode.Plain;
import java.util.Optional;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * Reads scanned text by the configured patterns ({@code mes.execution.barcode.*}, documented in
 * docs/execution.md). Defaults: {@code PART:<lot>:<serial>}, {@code OP:<order code>}, {@code LOT:<lot code>}; any
 * other printable text up to 60 characters is taken as a plain code.
 */
@Component
class BarcodeRules {

    private final ExecutionProperties.Barcode patterns;

    BarcodeRules(ExecutionProperties properties) {
        this.patterns = properties.barcode();
    }

    /** The code, or empty when the text is in no format at all (blank, control characters, too long). */
    Optional<ScannedCode> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        Matcher part = patterns.partPattern().matcher(trimmed);
        if (part.matches()) {
            return Optional.of(new PartLabel(part.group("lot"), part.group("serial")));
        }
        Matcher order = patterns.orderPattern().matcher(trimmed);
        if (order.matches()) {
            return Optional.of(new OrderCode(order.group("code")));
        }
        Matcher lot = patterns.lotPattern().matcher(trimmed);
        if (lot.matches()) {
            return Optional.of(new LotCode(lot.group("code")));
        }
        if (trimmed.matches("[\\x21-\\x7E]{1,60}")) {
            return Optional.of(new Plain(trimmed));
        }
        return Optional.empty();
    }
}
