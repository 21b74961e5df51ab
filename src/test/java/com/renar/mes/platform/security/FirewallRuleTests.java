package com.renar.mes.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's loop must say exactly what Spring's regular expression says. */
class FirewallRuleTests {

    private static final Pattern SPRING_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void agreesWithSpringsRegularExpression() {
        String[] samples = {
            "",
            "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.e30.abc",
            "São Paulo — ação",
            "tab\there",
            "new\nline",
            "nul\u0000",
            "del\u007f",
            "c1\u0085",
            "unassigned\u0378",
            "emoji \uD83D\uDE00",
            "lone \uD800 surrogate",
            "zero-width\u200b",
            "private\uE000"
        };
        for (String sample : samples) {
            assertThat(SecurityConfiguration.assignedAndNotControl(sample))
                    .as(sample.replaceAll("\\p{Cntrl}", "?"))
                    .isEqualTo(SPRING_RULE.matcher(sample).matches());
        }
    }
}
