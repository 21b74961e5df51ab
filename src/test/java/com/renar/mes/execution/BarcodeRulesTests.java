package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.execution.ScannedCode.LotCode;
import com.renar.mes.execution.ScannedCode.OrderCode;
import com.renar.mes.execution.ScannedCode.PartLabel;
import com.renar.mes.execution.ScannedCode.Plain;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarcodeRulesTests {

    private final BarcodeRules rules = new BarcodeRules(new ExecutionProperties(null, null, null, null));

    @Test
    void readsTheDefaultFormats() {
        assertThat(rules.read("OP:2026-0042")).contains(new OrderCode("2026-0042"));
        assertThat(rules.read("LOT:L-7")).contains(new LotCode("L-7"));
        assertThat(rules.read("PART:L-7:00013")).contains(new PartLabel("L-7", "00013"));
        assertThat(rules.read("  2026-0042\n")).contains(new Plain("2026-0042"));
    }

    @Test
    void refusesTextInNoFormat() {
        assertThat(rules.read("")).isEmpty();
        assertThat(rules.read("two words")).isEmpty();
        assertThat(rules.read("x".repeat(61))).isEmpty();
        assertThat(rules.read(null)).isEmpty();
    }

    @Test
    void followsConfiguredPatterns() {
        var custom = new BarcodeRules(new ExecutionProperties(
                new ExecutionProperties.Barcode(
                        Pattern.compile("^P(?<lot>\\d{6})(?<serial>\\d{4})$"),
                        Pattern.compile("^(?<code>OP\\d+)$"),
                        Pattern.compile("^L(?<code>\\d+)$")),
                null,
                null,
                null));
        assertThat(custom.read("P1234560007")).contains(new PartLabel("123456", "0007"));
        assertThat(custom.read("OP77")).contains(new OrderCode("OP77"));
        assertThat(custom.read("L99")).contains(new LotCode("99"));
    }
}
