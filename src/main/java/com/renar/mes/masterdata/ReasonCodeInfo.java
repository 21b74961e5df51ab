package com.renar.mes.masterdata;

import java.util.Set;

/**
 * A reason from the catalogue, used to explain scrap, rework and stops.
 *
 * @param processStepCodes the steps it may be used at; empty means every step
 */
public record ReasonCodeInfo(
        long id, String code, String description, ReasonKind kind, boolean active, Set<String> processStepCodes) {

    public ReasonCodeInfo {
        processStepCodes = Set.copyOf(processStepCodes);
    }

    /** Whether the reason may be recorded at that step today: it is active and applies to the step. */
    public boolean validFor(String processStepCode) {
        return active && (processStepCodes.isEmpty() || processStepCodes.contains(processStepCode));
    }
}
