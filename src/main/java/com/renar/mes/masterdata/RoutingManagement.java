package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Quantities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes new routing versions. The newest version is the active one: creating it deactivates the previous in the
 * same transaction, and a partial unique index keeps at most one active routing per item whatever happens.
 */
@Service
class RoutingManagement {

    private final ItemManagement items;
    private final ProcessStepRepository processSteps;
    private final WorkcenterRepository workcenters;
    private final JdbcAggregateOperations aggregates;
    private final JdbcClient jdbc;
    private final Clock clock;

    RoutingManagement(
            ItemManagement items,
            ProcessStepRepository processSteps,
            WorkcenterRepository workcenters,
            JdbcAggregateOperations aggregates,
            JdbcClient jdbc,
            Clock clock) {
        this.items = items;
        this.processSteps = processSteps;
        this.workcenters = workcenters;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the next version of the item's routing and makes it the active one. */
    @Transactional
    RoutingDetails create(String itemCode, NewRouting command) {
        Item item = items.find(itemCode);
        List<Routing.Step> steps = resolve(command.steps());
        // One routing change per item at a time: the version number and the active flag are decided under it.
        jdbc.sql("select id from item where id = :id for update")
                .param("id", item.id())
                .query(Long.class)
                .single();
        int next = jdbc.sql("select coalesce(max(routing_version), 0) + 1 from routing where item_id = :item")
                .param("item", item.id())
                .query(Integer.class)
                .single();
        Instant now = clock.instant();
        jdbc.sql("""
                        update routing set active = false, version = version + 1, updated_at = :now
                         where item_id = :item and active
                        """).param("now", Timestamp.from(now)).param("item", item.id()).update();
        Routing saved = aggregates.insert(Routing.createActive(item.id(), next, steps, now));
        return load(List.of(saved.id())).get(0);
    }

    /** The item's routing versions, newest first. */
    PageResponse<RoutingDetails> versions(String itemCode, PageQuery page) {
        Item item = items.find(itemCode);
        long total = jdbc.sql("select count(*) from routing where item_id = :item")
                .param("item", item.id())
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("""
                        select id from routing where item_id = :item
                         order by routing_version desc limit :limit offset :offset
                        """)
                .param("item", item.id())
                .param("limit", page.size())
                .param("offset", Pages.offset(page))
                .query(Long.class)
                .list();
        return Pages.of(load(ids), page, total);
    }

    RoutingDetails active(String itemCode) {
        Item item = items.find(itemCode);
        return jdbc.sql("select id from routing where item_id = :item and active")
                .param("item", item.id())
                .query(Long.class)
                .optional()
                .map(id -> load(List.of(id)).get(0))
                .orElseThrow(() -> MesProblemException.notFound("Active routing of item", itemCode));
    }

    RoutingDetails version(String itemCode, int routingVersion) {
        Item item = items.find(itemCode);
        return jdbc.sql("select id from routing where item_id = :item and routing_version = :version")
                .param("item", item.id())
                .param("version", routingVersion)
                .query(Long.class)
                .optional()
                .map(id -> load(List.of(id)).get(0))
                .orElseThrow(() -> MesProblemException.notFound("Routing version of item " + itemCode, routingVersion));
    }

    private List<Routing.Step> resolve(List<StepSpec> specs) {
        Set<Integer> sequences = new HashSet<>();
        Set<Integer> repeated = new TreeSet<>();
        for (StepSpec spec : specs) {
            if (!sequences.add(spec.sequence())) {
                repeated.add(spec.sequence());
            }
        }
        if (!repeated.isEmpty()) {
            throw MesProblemException.unprocessable("Each step needs its own sequence; repeated: " + repeated);
        }
        Map<String, ProcessStep> stepsByCode =
                processSteps
                        .findByCodeIn(
                                specs.stream().map(StepSpec::processStepCode).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(ProcessStep::code, Function.identity()));
        Map<String, Workcenter> workcentersByCode =
                workcenters
                        .findByCodeIn(
                                specs.stream().map(StepSpec::workcenterCode).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(Workcenter::code, Function.identity()));
        Set<String> unknownSteps = new LinkedHashSet<>();
        Set<String> unknownWorkcenters = new LinkedHashSet<>();
        for (StepSpec spec : specs) {
            if (!stepsByCode.containsKey(spec.processStepCode())) {
                unknownSteps.add(spec.processStepCode());
            }
            if (!workcentersByCode.containsKey(spec.workcenterCode())) {
                unknownWorkcenters.add(spec.workcenterCode());
            }
        }
        List<String> problems = new ArrayList<>();
        if (!unknownSteps.isEmpty()) {
            problems.add("unknown process step(s): " + String.join(", ", unknownSteps));
        }
        if (!unknownWorkcenters.isEmpty()) {
            problems.add("unknown workcenter(s): " + String.join(", ", unknownWorkcenters));
        }
        if (!problems.isEmpty()) {
            throw MesProblemException.unprocessable("The routing refers to " + String.join("; ", problems));
        }
        return specs.stream()
                .sorted(Comparator.comparing(StepSpec::sequence))
                .map(spec -> new Routing.Step(
                        spec.sequence(),
                        stepsByCode.get(spec.processStepCode()).id(),
                        workcentersByCode.get(spec.workcenterCode()).id(),
                        spec.setupMinutes(),
                        spec.standardSecondsPerPiece()))
                .toList();
    }

    /** The routings with these ids, with their steps, newest version first. */
    private List<RoutingDetails> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, RoutingDetails> routings = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.id, i.code as item_code, r.routing_version, r.active, r.created_at,
                               s.sequence, p.code as process_step_code, w.code as workcenter_code,
                               w.type as workcenter_type, s.setup_minutes, s.standard_seconds
                          from routing r
                          join item i on i.id = r.item_id
                          left join routing_step s on s.routing_id = r.id
                          left join process_step p on p.id = s.process_step_id
                          left join workcenter w on w.id = s.workcenter_id
                         where r.id in (:ids)
                         order by r.routing_version desc, s.sequence
                        """).param("ids", ids).query(rs -> {
            RoutingDetails routing = routings.computeIfAbsent(rs.getLong("id"), id -> details(rs));
            if (rs.getString("process_step_code") != null) {
                routing.steps()
                        .add(new StepView(
                                rs.getInt("sequence"),
                                rs.getString("process_step_code"),
                                rs.getString("workcenter_code"),
                                WorkcenterType.valueOf(rs.getString("workcenter_type")),
                                Quantities.plain(rs.getBigDecimal("setup_minutes")),
                                Quantities.plain(rs.getBigDecimal("standard_seconds"))));
            }
        });
        return new ArrayList<>(routings.values());
    }

    private static RoutingDetails details(ResultSet rs) {
        try {
            return new RoutingDetails(
                    rs.getString("item_code"),
                    rs.getInt("routing_version"),
                    rs.getBoolean("active"),
                    rs.getTimestamp("created_at").toInstant(),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new routing version: its steps in any order, each with its own sequence number. */
    record NewRouting(@NotEmpty @Size(max = 50) List<@NotNull @Valid StepSpec> steps) {}

    /**
     * One step of a new routing.
     *
     * @param setupMinutes at most 2 decimals
     * @param standardSecondsPerPiece the ideal cycle time of one piece, at most 3 decimals
     */
    record StepSpec(
            @NotNull @Positive @Max(9999) Integer sequence,
            @NotBlank @Size(max = 30) String processStepCode,
            @NotBlank @Size(max = 30) String workcenterCode,

            @NotNull @PositiveOrZero @Digits(integer = 6, fraction = 2)
            BigDecimal setupMinutes,

            @NotNull @Positive @Digits(integer = 7, fraction = 3)
            BigDecimal standardSecondsPerPiece) {}

    /** A routing version as shown to people. */
    record RoutingDetails(
            String itemCode, int routingVersion, boolean active, Instant createdAt, List<StepView> steps) {}

    /** One step of a routing as shown to people. */
    record StepView(
            int sequence,
            String processStepCode,
            String workcenterCode,
            WorkcenterType workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSecondsPerPiece) {}
}
