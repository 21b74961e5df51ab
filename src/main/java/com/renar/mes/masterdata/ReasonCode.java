package com.renar.mes.masterdata;

import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A reason from the catalogue (aggregate root) for scrap, rework or a stop, usable at the given process steps (no
 * steps: at every step).
 */
@Table("reason_code")
record ReasonCode(
        @Id Long id,
        String code,
        String description,
        ReasonKind kind,
        boolean active,
        @Version int version,
        @MappedCollection(idColumn = "reason_code_id") Set<Step> steps) {

    ReasonCode {
        steps = Set.copyOf(steps);
    }

    static ReasonCode create(String code, String description, ReasonKind kind, Set<Step> steps) {
        return new ReasonCode(null, code, description, kind, true, 0, steps);
    }

    ReasonCode update(String description, ReasonKind kind, boolean active, Set<Step> steps) {
        return new ReasonCode(id, code, description, kind, active, version, steps);
    }

    /** A process step the reason applies to. */
    @Table("reason_code_step")
    record Step(Long processStepId) {}
}
