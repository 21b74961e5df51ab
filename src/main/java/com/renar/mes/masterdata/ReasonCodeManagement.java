package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the catalogue of reasons for scrap, rework and stops. */
@Service
class ReasonCodeManagement {

    static final String CODE_PATTERN = "[A-Z0-9_-]+";
    static final String CODE_MESSAGE = "upper-case letters, digits, _ and - only";

    private static final String VIEW_SELECT = """
            select rc.code, rc.description, rc.kind, rc.active, rc.version,
                   coalesce((select array_agg(p.code order by p.sequence)
                               from reason_code_step s join process_step p on p.id = s.process_step_id
                              where s.reason_code_id = rc.id), '{}') as steps
              from reason_code rc
            """;

    private final ReasonCodeRepository reasonCodes;
    private final ProcessStepManagement processSteps;
    private final ProcessStepRepository processStepRepository;
    private final JdbcAggregateOperations aggregates;
    private final JdbcClient jdbc;

    ReasonCodeManagement(
            ReasonCodeRepository reasonCodes,
            ProcessStepManagement processSteps,
            ProcessStepRepository processStepRepository,
            JdbcAggregateOperations aggregates,
            JdbcClient jdbc) {
        this.reasonCodes = reasonCodes;
        this.processSteps = processSteps;
        this.processStepRepository = processStepRepository;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
    }

    /** One page of reason codes by code; with a process step, only those usable there. */
    PageResponse<ReasonCodeView> list(Filter filter, PageQuery page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.kind() != null) {
            conditions.add("rc.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.active() != null) {
            conditions.add("rc.active = :active");
            params.put("active", filter.active());
        }
        if (filter.processStep() != null && !filter.processStep().isBlank()) {
            ProcessStep step = processSteps.find(filter.processStep().trim());
            conditions.add("""
                    (not exists (select 1 from reason_code_step s where s.reason_code_id = rc.id)
                     or exists (select 1 from reason_code_step s
                                 where s.reason_code_id = rc.id and s.process_step_id = :step))""");
            params.put("step", step.id());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from reason_code rc" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", page.size());
        params.put("offset", Pages.offset(page));
        List<ReasonCodeView> content = jdbc.sql(VIEW_SELECT + where + " order by rc.code limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> view(rs))
                .list();
        return Pages.of(content, page, total);
    }

    ReasonCodeView details(String code) {
        return jdbc.sql(VIEW_SELECT + " where rc.code = :code")
                .param("code", code)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> MesProblemException.notFound("Reason code", code));
    }

    @Transactional
    ReasonCodeView create(NewReasonCode command) {
        if (reasonCodes.existsByCode(command.code())) {
            throw MesProblemException.conflict("Reason code '" + command.code() + "' already exists");
        }
        aggregates.insert(ReasonCode.create(
                command.code(), command.description(), command.kind(), steps(command.processSteps())));
        return details(command.code());
    }

    @Transactional
    ReasonCodeView update(String code, ReasonCodeChange change) {
        ReasonCode reasonCode = find(code);
        Versions.check("Reason code '" + code + "'", change.version(), reasonCode.version());
        aggregates.update(
                reasonCode.update(change.description(), change.kind(), change.active(), steps(change.processSteps())));
        return details(code);
    }

    /** Removes a reason code; one already used in records elsewhere stays (deactivate it instead). */
    @Transactional
    void delete(String code) {
        aggregates.delete(find(code));
    }

    private ReasonCode find(String code) {
        return reasonCodes.findByCode(code).orElseThrow(() -> MesProblemException.notFound("Reason code", code));
    }

    private Set<ReasonCode.Step> steps(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return Set.of();
        }
        Set<String> wanted = new LinkedHashSet<>(codes);
        Map<String, Long> found = processStepRepository.findByCodeIn(wanted).stream()
                .collect(Collectors.toMap(ProcessStep::code, ProcessStep::id));
        List<String> unknown =
                wanted.stream().filter(c -> !found.containsKey(c)).toList();
        if (!unknown.isEmpty()) {
            throw MesProblemException.unprocessable(
                    "Unknown process step(s) for the reason code: " + String.join(", ", unknown));
        }
        return wanted.stream().map(c -> new ReasonCode.Step(found.get(c))).collect(Collectors.toSet());
    }

    private static ReasonCodeView view(ResultSet rs) throws SQLException {
        Array steps = rs.getArray("steps");
        return new ReasonCodeView(
                rs.getString("code"),
                rs.getString("description"),
                ReasonKind.valueOf(rs.getString("kind")),
                rs.getBoolean("active"),
                Arrays.asList((String[]) steps.getArray()),
                rs.getInt("version"));
    }

    /** Optional list filters. */
    record Filter(ReasonKind kind, String processStep, Boolean active) {}

    /**
     * Registers a reason code, active from the start.
     *
     * @param processSteps codes of the steps it may be used at; none means every step
     */
    record NewReasonCode(
            @NotBlank @Size(max = 30) @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE)
            String code,

            @NotBlank @Size(max = 200) String description,
            @NotNull ReasonKind kind,
            @Size(max = 20) List<@NotBlank String> processSteps) {}

    /** Changes a reason code; {@code version} (optional) is the one the client read. */
    record ReasonCodeChange(
            @NotBlank @Size(max = 200) String description,
            @NotNull ReasonKind kind,
            @NotNull Boolean active,
            @Size(max = 20) List<@NotBlank String> processSteps,
            Integer version) {}

    /** A reason code as shown to people; {@code processSteps} in the order of the flow, empty = every step. */
    record ReasonCodeView(
            String code, String description, ReasonKind kind, boolean active, List<String> processSteps, int version) {}
}
