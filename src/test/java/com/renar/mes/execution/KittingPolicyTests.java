package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.execution.KittingPolicy.Component;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class KittingPolicyTests {

    private static Component c(String code, String per, String onHand) {
        return new Component(code, new BigDecimal(per), new BigDecimal(onHand));
    }

    @Test
    void completeSetsAreLimitedByTheScarcestComponent() {
        assertThat(KittingPolicy.completeSets(List.of(c("SIDE", "2", "10"), c("TOP", "1", "3"))))
                .isEqualTo(3);
    }

    @Test
    void fractionsOfASetDoNotCount() {
        assertThat(KittingPolicy.completeSets(List.of(c("SHEET", "0.3334", "1"))))
                .isEqualTo(2);
        assertThat(KittingPolicy.completeSets(List.of(c("SCREW", "12", "11")))).isZero();
    }

    @Test
    void withoutABillOfMaterialsNothingLimits() {
        assertThat(KittingPolicy.completeSets(List.of())).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void namesTheComponentsThatFallShort() {
        var missing = KittingPolicy.missingFor(List.of(c("SIDE", "2", "10"), c("TOP", "1", "3")), 5);
        assertThat(missing).containsExactly("TOP: need 5, on hand 3");
    }
}
