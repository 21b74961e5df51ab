package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers working hours: shifts per weekday for a workcenter or a department, with their breaks. */
@Service
class ShiftPatternManagement {

    private final WorkcenterManagement workcenters;
    private final JdbcAggregateOperations aggregates;
    private final JdbcClient jdbc;

    ShiftPatternManagement(WorkcenterManagement workcenters, JdbcAggregateOperations aggregates, JdbcClient jdbc) {
        this.workcenters = workcenters;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
    }

    /** One page of patterns (workcenter patterns by code, then department patterns), by weekday and shift. */
    PageResponse<ShiftPatternView> list(Filter filter, PageQuery page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.workcenter() != null && !filter.workcenter().isBlank()) {
            conditions.add("p.workcenter_id = :workcenter");
            params.put(
                    "workcenter", workcenters.find(filter.workcenter().trim()).id());
        }
        if (filter.department() != null && !filter.department().isBlank()) {
            conditions.add("p.department = :department");
            params.put("department", filter.department().trim());
        }
        if (filter.weekday() != null) {
            conditions.add("p.weekday = :weekday");
            params.put("weekday", filter.weekday());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from shift_pattern p" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", page.size());
        params.put("offset", Pages.offset(page));
        List<Long> ids = jdbc.sql("select p.id from shift_pattern p left join workcenter w on w.id = p.workcenter_id"
                        + where
                        + " order by w.code nulls last, p.department, p.weekday, p.shift_number"
                        + " limit :limit offset :offset")
                .params(params)
                .query(Long.class)
                .list();
        return Pages.of(load(ids), page, total);
    }

    ShiftPatternView details(long id) {
        List<ShiftPatternView> found = load(List.of(id));
        if (found.isEmpty()) {
            throw MesProblemException.notFound("Shift pattern", id);
        }
        return found.get(0);
    }

    @Transactional
    ShiftPatternView create(NewShiftPattern command) {
        boolean hasWorkcenter =
                command.workcenterCode() != null && !command.workcenterCode().isBlank();
        boolean hasDepartment =
                command.department() != null && !command.department().isBlank();
        if (hasWorkcenter == hasDepartment) {
            throw new MesProblemException(
                    ProblemType.VALIDATION,
                    "A shift pattern belongs to either a workcenter or a department",
                    Map.of(
                            "errors",
                            List.of(Map.of(
                                    "field",
                                    hasWorkcenter ? "department" : "workcenterCode",
                                    "message",
                                    "give exactly one of workcenterCode and department"))));
        }
        Long workcenterId = null;
        if (hasWorkcenter) {
            workcenterId = jdbc.sql("select id from workcenter where code = :code")
                    .param("code", command.workcenterCode())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() ->
                            MesProblemException.unprocessable("Unknown workcenter '" + command.workcenterCode() + "'"));
        }
        String department = hasDepartment ? command.department() : null;
        String scope = hasWorkcenter ? "workcenter_id = :scope" : "department = :scope";
        boolean taken = jdbc.sql("select exists (select 1 from shift_pattern where " + scope
                        + " and weekday = :weekday and shift_number = :shift)")
                .param("scope", hasWorkcenter ? workcenterId : department)
                .param("weekday", command.weekday())
                .param("shift", command.shiftNumber())
                .query(Boolean.class)
                .single();
        if (taken) {
            throw MesProblemException.conflict("Shift " + command.shiftNumber() + " on weekday " + command.weekday()
                    + " already exists for " + (hasWorkcenter ? command.workcenterCode() : department));
        }
        List<ShiftPattern.Break> breaks = checkedBreaks(command.start(), command.end(), command.breaks());
        ShiftPattern saved = aggregates.insert(ShiftPattern.create(
                workcenterId,
                department,
                command.weekday(),
                command.shiftNumber(),
                command.start(),
                command.end(),
                breaks));
        return details(saved.id());
    }

    @Transactional
    ShiftPatternView update(long id, ShiftPatternChange change) {
        ShiftPattern pattern = find(id);
        Versions.check("Shift pattern " + id, change.version(), pattern.version());
        List<ShiftPattern.Break> breaks = checkedBreaks(change.start(), change.end(), change.breaks());
        aggregates.update(pattern.retime(change.start(), change.end(), breaks));
        return details(id);
    }

    @Transactional
    void delete(long id) {
        aggregates.delete(find(id));
    }

    private ShiftPattern find(long id) {
        ShiftPattern pattern = aggregates.findById(id, ShiftPattern.class);
        if (pattern == null) {
            throw MesProblemException.notFound("Shift pattern", id);
        }
        return pattern;
    }

    private static List<ShiftPattern.Break> checkedBreaks(LocalTime start, LocalTime end, List<BreakSpec> specs) {
        List<BreakSpec> breaks = specs == null ? List.of() : specs;
        ShiftWindow window = new ShiftWindow(start, end);
        List<String> problems = window.problemsWith(breaks.stream()
                .map(b -> new ShiftWindow.Span(b.start(), b.end()))
                .toList());
        if (!problems.isEmpty()) {
            throw MesProblemException.unprocessable(
                    "Breaks must lie inside their shift and must not overlap: " + String.join("; ", problems));
        }
        return breaks.stream()
                .sorted(Comparator.comparing(b -> window.sinceStart(b.start())))
                .map(b -> new ShiftPattern.Break(b.start(), b.end(), b.description()))
                .toList();
    }

    /** The patterns with these ids, in the order of the ids. */
    private List<ShiftPatternView> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ShiftPatternView> patterns = new LinkedHashMap<>();
        for (Long id : ids) {
            patterns.put(id, null);
        }
        jdbc.sql("""
                        select p.id, w.code as workcenter_code, p.department, p.weekday, p.shift_number,
                               p.start_time, p.end_time, p.version,
                               b.start_time as break_start, b.end_time as break_end, b.description
                          from shift_pattern p
                          left join workcenter w on w.id = p.workcenter_id
                          left join shift_break b on b.shift_pattern_id = p.id
                         where p.id in (:ids)
                         order by p.id, b.shift_key
                        """).param("ids", ids).query(rs -> {
            long id = rs.getLong("id");
            ShiftPatternView pattern = patterns.get(id);
            if (pattern == null) {
                pattern = view(rs);
                patterns.put(id, pattern);
            }
            LocalTime breakStart = rs.getObject("break_start", LocalTime.class);
            if (breakStart != null) {
                pattern.breaks()
                        .add(new BreakSpec(
                                breakStart, rs.getObject("break_end", LocalTime.class), rs.getString("description")));
            }
        });
        return patterns.values().stream().filter(p -> p != null).toList();
    }

    private static ShiftPatternView view(ResultSet rs) throws SQLException {
        LocalTime start = rs.getObject("start_time", LocalTime.class);
        LocalTime end = rs.getObject("end_time", LocalTime.class);
        return new ShiftPatternView(
                rs.getLong("id"),
                rs.getString("workcenter_code"),
                rs.getString("department"),
                rs.getInt("weekday"),
                rs.getInt("shift_number"),
                start,
                end,
                new ShiftWindow(start, end).endsNextDay(),
                rs.getInt("version"),
                new ArrayList<>());
    }

    /** Optional list filters: a workcenter's own patterns, a department's patterns, one weekday. */
    record Filter(String workcenter, String department, Integer weekday) {}

    /**
     * A new shift pattern, for a workcenter ({@code workcenterCode}) or a department, not both.
     *
     * @param end at or before {@code start}: the shift ends the next day
     */
    record NewShiftPattern(
            @Size(max = 30) String workcenterCode,

            @Size(max = 60)
            @Pattern(
                    regexp = WorkcenterManagement.DEPARTMENT_PATTERN,
                    message = WorkcenterManagement.DEPARTMENT_MESSAGE)
            String department,

            @NotNull @Min(1) @Max(7) Integer weekday,
            @NotNull @Min(1) @Max(9) Integer shiftNumber,
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            @Size(max = 10) List<@NotNull @Valid BreakSpec> breaks) {}

    /** New times and breaks of a shift; {@code version} (optional) is the one the client read. */
    record ShiftPatternChange(
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            @Size(max = 10) List<@NotNull @Valid BreakSpec> breaks,
            Integer version) {}

    /** A planned break inside the shift. */
    record BreakSpec(
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            @Size(max = 100) String description) {}

    /** A shift pattern as shown to people. */
    record ShiftPatternView(
            long id,
            String workcenterCode,
            String department,
            int weekday,
            int shiftNumber,
            LocalTime start,
            LocalTime end,
            boolean endsNextDay,
            int version,
            List<BreakSpec> breaks) {}
}
