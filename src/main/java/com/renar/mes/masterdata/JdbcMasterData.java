package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.Quantities;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side other modules use: a few hand-written queries (one statement each), no aggregates loaded. */
@Component
class JdbcMasterData implements MasterData, ShiftCalendar {

    private final JdbcClient jdbc;
    private final PlantProperties plant;

    JdbcMasterData(JdbcClient jdbc, PlantProperties plant) {
        this.jdbc = jdbc;
        this.plant = plant;
    }

    @Override
    public Optional<ItemInfo> item(String code) {
        return jdbc.sql("select id, code, description, type, unit, product_family from item where code = :code")
                .param("code", code)
                .query((rs, n) -> new ItemInfo(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("description"),
                        ItemType.valueOf(rs.getString("type")),
                        rs.getString("unit"),
                        rs.getString("product_family")))
                .optional();
    }

    @Override
    public List<BomComponent> bom(String itemCode) {
        return jdbc.sql("""
                        select c.id, c.code, c.description, c.type, c.unit, line.quantity_per
                          from item parent
                          join bom on bom.parent_item_id = parent.id
                          join bom_line line on line.bom_id = bom.id
                          join item c on c.id = line.component_item_id
                         where parent.code = :code
                         order by line.bom_key
                        """)
                .param("code", itemCode)
                .query((rs, n) -> new BomComponent(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("description"),
                        ItemType.valueOf(rs.getString("type")),
                        rs.getString("unit"),
                        Quantities.plain(rs.getBigDecimal("quantity_per"))))
                .list();
    }

    @Override
    public Optional<ActiveRouting> activeRouting(String itemCode) {
        List<RoutingRow> rows = jdbc.sql("""
                        select r.id as routing_id, i.id as item_id, r.routing_version,
                               s.sequence, p.id as process_step_id, p.code as process_step_code,
                               w.id as workcenter_id, w.code as workcenter_code, w.type as workcenter_type,
                               s.setup_minutes, s.standard_seconds
                          from item i
                          join routing r on r.item_id = i.id and r.active
                          join routing_step s on s.routing_id = r.id
                          join process_step p on p.id = s.process_step_id
                          join workcenter w on w.id = s.workcenter_id
                         where i.code = :code
                         order by s.sequence
                        """)
                .param("code", itemCode)
                .query((rs, n) -> new RoutingRow(
                        rs.getLong("routing_id"), rs.getLong("item_id"), rs.getInt("routing_version"), step(rs)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        RoutingRow first = rows.get(0);
        return Optional.of(new ActiveRouting(
                first.routingId(),
                first.itemId(),
                itemCode,
                first.routingVersion(),
                rows.stream().map(RoutingRow::step).toList()));
    }

    private static ActiveRouting.Step step(ResultSet rs) throws SQLException {
        return new ActiveRouting.Step(
                rs.getInt("sequence"),
                rs.getLong("process_step_id"),
                rs.getString("process_step_code"),
                rs.getLong("workcenter_id"),
                rs.getString("workcenter_code"),
                WorkcenterType.valueOf(rs.getString("workcenter_type")),
                Quantities.plain(rs.getBigDecimal("setup_minutes")),
                Quantities.plain(rs.getBigDecimal("standard_seconds")));
    }

    @Override
    public Optional<ProcessStepInfo> processStep(String code) {
        return jdbc.sql("select id, code, name, sequence from process_step where code = :code")
                .param("code", code)
                .query((rs, n) -> processStep(rs))
                .optional();
    }

    @Override
    public List<ProcessStepInfo> processSteps() {
        return jdbc.sql("select id, code, name, sequence from process_step order by sequence")
                .query((rs, n) -> processStep(rs))
                .list();
    }

    private static ProcessStepInfo processStep(ResultSet rs) throws SQLException {
        return new ProcessStepInfo(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("sequence"));
    }

    @Override
    public Optional<WorkcenterInfo> workcenter(String code) {
        return jdbc.sql("""
                        select id, code, name, type, department, enabled, capacity
                          from workcenter where code = :code
                        """)
                .param("code", code)
                .query((rs, n) -> new WorkcenterInfo(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        WorkcenterType.valueOf(rs.getString("type")),
                        rs.getString("department"),
                        rs.getBoolean("enabled"),
                        rs.getInt("capacity")))
                .optional();
    }

    @Override
    public Optional<ReasonCodeInfo> reasonCode(String code) {
        return jdbc.sql("""
                        select rc.id, rc.code, rc.description, rc.kind, rc.active,
                               coalesce((select array_agg(p.code)
                                           from reason_code_step s join process_step p on p.id = s.process_step_id
                                          where s.reason_code_id = rc.id), '{}') as steps
                          from reason_code rc where rc.code = :code
                        """)
                .param("code", code)
                .query((rs, n) -> new ReasonCodeInfo(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("description"),
                        ReasonKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("active"),
                        new HashSet<>(
                                Arrays.asList((String[]) rs.getArray("steps").getArray()))))
                .optional();
    }

    @Override
    public ZoneId plantZone() {
        return plant.timeZone();
    }

    @Override
    public List<PlannedShift> plannedShifts(String workcenterCode, LocalDate from, LocalDate to) {
        WorkcenterInfo workcenter = workcenter(workcenterCode)
                .orElseThrow(() -> MesProblemException.notFound("Workcenter", workcenterCode));
        List<ShiftRow> rows = jdbc.sql("""
                        select p.id, p.weekday, p.shift_number, p.start_time, p.end_time,
                               b.start_time as break_start, b.end_time as break_end, b.description
                          from shift_pattern p
                          left join shift_break b on b.shift_pattern_id = p.id
                         where p.workcenter_id = :workcenter
                            or (p.department = :department
                                and not exists (select 1 from shift_pattern own where own.workcenter_id = :workcenter))
                         order by p.weekday, p.shift_number, b.shift_key
                        """)
                .param("workcenter", workcenter.id())
                .param("department", workcenter.department())
                .query((rs, n) -> new ShiftRow(
                        rs.getLong("id"),
                        rs.getInt("weekday"),
                        rs.getInt("shift_number"),
                        new ShiftWindow(
                                rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class)),
                        rs.getObject("break_start", LocalTime.class),
                        rs.getObject("break_end", LocalTime.class),
                        rs.getString("description")))
                .list();
        Map<Long, List<ShiftRow>> patterns = new LinkedHashMap<>();
        for (ShiftRow row : rows) {
            patterns.computeIfAbsent(row.patternId(), id -> new ArrayList<>()).add(row);
        }
        ZoneId zone = plantZone();
        List<PlannedShift> shifts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (List<ShiftRow> pattern : patterns.values()) {
                ShiftRow shift = pattern.get(0);
                if (shift.weekday() == day.getDayOfWeek().getValue()) {
                    shifts.add(planned(workcenter.code(), day, pattern, zone));
                }
            }
        }
        return shifts;
    }

    private static PlannedShift planned(String workcenterCode, LocalDate day, List<ShiftRow> pattern, ZoneId zone) {
        ShiftWindow window = pattern.get(0).window();
        List<PlannedShift.Break> breaks = pattern.stream()
                .filter(row -> row.breakStart() != null)
                .map(row -> new PlannedShift.Break(
                        window.startingAt(day, row.breakStart(), zone),
                        window.endingAt(day, row.breakEnd(), zone),
                        row.breakDescription()))
                .toList();
        return new PlannedShift(
                workcenterCode,
                day,
                pattern.get(0).shiftNumber(),
                window.startingAt(day, window.start(), zone),
                window.endingAt(day, window.end(), zone),
                breaks);
    }

    private record RoutingRow(long routingId, long itemId, int routingVersion, ActiveRouting.Step step) {}

    /** A shift pattern joined with one of its breaks (break columns null when it has none). */
    private record ShiftRow(
            long patternId,
            int weekday,
            int shiftNumber,
            ShiftWindow window,
            LocalTime breakStart,
            LocalTime breakEnd,
            String breakDescription) {}
}
