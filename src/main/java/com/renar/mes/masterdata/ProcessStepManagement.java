package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and removes process steps. */
@Service
class ProcessStepManagement {

    static final String CODE_PATTERN = "[A-Z0-9_]+";
    static final String CODE_MESSAGE = "upper-case letters, digits and _ only";

    private final ProcessStepRepository steps;
    private final JdbcAggregateOperations aggregates;
    private final JdbcClient jdbc;

    ProcessStepManagement(ProcessStepRepository steps, JdbcAggregateOperations aggregates, JdbcClient jdbc) {
        this.steps = steps;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
    }

    @Transactional
    ProcessStep create(NewProcessStep command) {
        if (steps.existsByCode(command.code())) {
            throw MesProblemException.conflict("Process step '" + command.code() + "' already exists");
        }
        requireFreeSequence(command.sequence(), null);
        return aggregates.insert(ProcessStep.create(command.code(), command.name(), command.sequence()));
    }

    @Transactional
    ProcessStep update(String code, ProcessStepChange change) {
        ProcessStep step = find(code);
        Versions.check("Process step '" + code + "'", change.version(), step.version());
        requireFreeSequence(change.sequence(), step);
        return aggregates.update(step.update(change.name(), change.sequence()));
    }

    /** Removes a step that nothing refers to yet. */
    @Transactional
    void delete(String code) {
        ProcessStep step = find(code);
        boolean used = jdbc.sql("""
                        select exists (select 1 from routing_step where process_step_id = :id)
                            or exists (select 1 from reason_code_step where process_step_id = :id)
                        """).param("id", step.id()).query(Boolean.class).single();
        if (used) {
            throw MesProblemException.conflict(
                    "Process step '" + code + "' is still used by routings or reason codes; it cannot be deleted");
        }
        aggregates.delete(step);
    }

    ProcessStep find(String code) {
        return steps.findByCode(code).orElseThrow(() -> MesProblemException.notFound("Process step", code));
    }

    private void requireFreeSequence(int sequence, ProcessStep self) {
        if ((self == null || self.sequence() != sequence) && steps.existsBySequence(sequence)) {
            throw MesProblemException.conflict("Another process step already has sequence " + sequence);
        }
    }

    /** Registers a process step. */
    record NewProcessStep(
            @NotBlank @Size(max = 30) @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE)
            String code,

            @NotBlank @Size(max = 100) String name,
            @NotNull @Positive @Max(999) Integer sequence) {}

    /** Renames or moves a process step; {@code version} (optional) is the one the client read. */
    record ProcessStepChange(
            @NotBlank @Size(max = 100) String name,
            @NotNull @Positive @Max(999) Integer sequence,
            Integer version) {}
}
