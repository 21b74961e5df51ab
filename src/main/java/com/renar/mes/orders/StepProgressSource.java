package com.renar.mes.orders;

import java.util.Collection;
import java.util.Map;

/**
 * The contract through which the orders module reads progress that a downstream module (execution) records.
 * Orders declares it; execution implements it, so the dependency keeps pointing downstream (ADR 0001). Without
 * an implementation every step reads as not started.
 */
public interface StepProgressSource {

    /** Progress by order id, then by step sequence. Steps with nothing recorded may be absent. */
    Map<Long, Map<Integer, StepProgress>> progressOf(Collection<Long> orderIds);
}
