package com.renar.mes.shared;

import java.math.BigDecimal;

/** Exact quantities as people write them: {@code 2} rather than {@code 2.0000}, never {@code 2E+1}. */
public final class Quantities {

    private Quantities() {}

    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
