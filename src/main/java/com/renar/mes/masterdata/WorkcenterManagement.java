package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers workcenters, changes them, and enables or disables them. */
@Service
class WorkcenterManagement {

    static final String CODE_PATTERN = "[A-Za-z0-9._-]+";
    static final String CODE_MESSAGE = "letters, digits and . _ - only";
    static final String DEPARTMENT_PATTERN = "[A-Z0-9_]+";
    static final String DEPARTMENT_MESSAGE = "upper-case letters, digits and _ only";

    private final WorkcenterRepository workcenters;
    private final JdbcAggregateOperations aggregates;
    private final JdbcClient jdbc;
    private final Clock clock;

    WorkcenterManagement(
            WorkcenterRepository workcenters, JdbcAggregateOperations aggregates, JdbcClient jdbc, Clock clock) {
        this.workcenters = workcenters;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One page of workcenters by code; every filter is optional. */
    <T> PageResponse<T> list(Filter filter, PageQuery page, Function<Workcenter, T> view) {
        Criteria criteria = Criteria.empty();
        if (filter.type() != null) {
            criteria = criteria.and("type").is(filter.type().name());
        }
        if (filter.department() != null && !filter.department().isBlank()) {
            criteria = criteria.and("department").is(filter.department().trim());
        }
        if (filter.enabled() != null) {
            criteria = criteria.and("enabled").is(filter.enabled());
        }
        return PageResponse.of(
                aggregates.findAll(
                        Query.query(criteria),
                        Workcenter.class,
                        PageRequest.of(page.page(), page.size(), Sort.by("code"))),
                view);
    }

    @Transactional
    Workcenter create(NewWorkcenter command) {
        if (workcenters.existsByCode(command.code())) {
            throw MesProblemException.conflict("Workcenter '" + command.code() + "' already exists");
        }
        return aggregates.insert(Workcenter.create(
                command.code(),
                command.name(),
                command.type(),
                command.department(),
                command.capacity() == null ? 1 : command.capacity(),
                clock.instant()));
    }

    @Transactional
    Workcenter update(String code, WorkcenterChange change) {
        Workcenter workcenter = find(code);
        Versions.check("Workcenter '" + code + "'", change.version(), workcenter.version());
        return aggregates.update(workcenter.update(
                change.name(), change.type(), change.department(), change.capacity(), clock.instant()));
    }

    /** Enables or disables; asking for the state it is already in changes nothing. */
    @Transactional
    Workcenter setEnabled(String code, boolean enabled) {
        Workcenter workcenter = find(code);
        if (workcenter.enabled() == enabled) {
            return workcenter;
        }
        return aggregates.update(workcenter.withEnabled(enabled, clock.instant()));
    }

    /** Removes a workcenter that no routing and no shift pattern refers to. */
    @Transactional
    void delete(String code) {
        Workcenter workcenter = find(code);
        boolean used =
                jdbc.sql("""
                        select exists (select 1 from routing_step where workcenter_id = :id)
                            or exists (select 1 from shift_pattern where workcenter_id = :id)
                        """).param("id", workcenter.id()).query(Boolean.class).single();
        if (used) {
            throw MesProblemException.conflict("Workcenter '" + code
                    + "' is still used by routings or shift patterns; disable it instead of deleting it");
        }
        aggregates.delete(workcenter);
    }

    Workcenter find(String code) {
        return workcenters.findByCode(code).orElseThrow(() -> MesProblemException.notFound("Workcenter", code));
    }

    /** Optional list filters. */
    record Filter(WorkcenterType type, String department, Boolean enabled) {}

    /** Registers a workcenter; it starts enabled, with capacity 1 unless told otherwise. */
    record NewWorkcenter(
            @NotBlank @Size(max = 30) @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE)
            String code,

            @NotBlank @Size(max = 100) String name,
            @NotNull WorkcenterType type,

            @NotBlank @Size(max = 60) @Pattern(regexp = DEPARTMENT_PATTERN, message = DEPARTMENT_MESSAGE)
            String department,

            @Positive @Max(1000) Integer capacity) {}

    /** Changes a workcenter; {@code version} (optional) is the one the client read. */
    record WorkcenterChange(
            @NotBlank @Size(max = 100) String name,
            @NotNull WorkcenterType type,

            @NotBlank @Size(max = 60) @Pattern(regexp = DEPARTMENT_PATTERN, message = DEPARTMENT_MESSAGE)
            String department,

            @NotNull @Positive @Max(1000) Integer capacity,
            Integer version) {}
}
