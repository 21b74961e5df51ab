package com.renar.mes.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Assembly, painting and packaging work in sets: a set counts only when every component of the bill of materials
 * is there. The number of complete sets is the smallest, over the components, of what is on hand divided by what
 * one set needs, rounded down.
 */
final class KittingPolicy {

    private KittingPolicy() {}

    /** One bill-of-materials line with the quantity on hand. */
    record Component(String itemCode, BigDecimal quantityPerSet, BigDecimal onHand) {}

    /** Complete sets the components allow; unlimited ({@link Long#MAX_VALUE}) without a bill of materials. */
    static long completeSets(List<Component> components) {
        long sets = Long.MAX_VALUE;
        for (Component c : components) {
            long possible =
                    c.onHand().divide(c.quantityPerSet(), 0, RoundingMode.FLOOR).longValue();
            sets = Math.min(sets, Math.max(0, possible));
        }
        return sets;
    }

    /** The components that do not reach {@code sets} sets, each as "code: need N, on hand M". */
    static List<String> missingFor(List<Component> components, long sets) {
        BigDecimal wanted = BigDecimal.valueOf(sets);
        return components.stream()
                .filter(c -> c.onHand().compareTo(c.quantityPerSet().multiply(wanted)) < 0)
                .map(c -> c.itemCode() + ": need "
                        + c.quantityPerSet()
                                .multiply(wanted)
                                .stripTrailingZeros()
                                .toPlainString() + ", on hand "
                        + c.onHand().stripTrailingZeros().toPlainString())
                .toList();
    }
}
