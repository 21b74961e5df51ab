package com.renar.mes.orders;

import com.renar.mes.orders.CompliancePolicy.StepLoad;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Quantities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The read side of orders: search with compliance figures, and details with per-step progress. */
@Component
@Transactional(readOnly = true)
class OrderQueries {

    private static final String OPEN_STATUSES = "('OPEN_NOT_STARTED', 'IN_PROGRESS', 'OPEN_PARTIAL')";

    private final JdbcClient jdbc;
    private final StepProgressSource progress;
    private final Clock clock;
    private final ZoneId plantZone;

    OrderQueries(
            JdbcClient jdbc,
            ObjectProvider<StepProgressSource> progress,
            Clock clock,
            @Value("${mes.plant.time-zone:America/Sao_Paulo}") ZoneId plantZone) {
        this.jdbc = jdbc;
        this.progress = progress.getIfAvailable(() -> orderIds -> Map.of());
        this.clock = clock;
        this.plantZone = plantZone;
    }

    PageResponse<OrderRow> search(OrderSearchCriteria criteria, PageQuery page) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (criteria.status() != null && !criteria.status().isEmpty()) {
            where.append(" and o.status in (:statuses)");
            params.put("statuses", criteria.status().stream().map(Enum::name).toList());
        }
        if (criteria.type() != null) {
            where.append(" and o.type = :type");
            params.put("type", criteria.type().name());
        }
        if (hasText(criteria.code())) {
            where.append(" and o.order_code ilike :code escape '\\'");
            params.put("code", contains(criteria.code()));
        }
        if (hasText(criteria.lot())) {
            where.append(" and exists (select 1 from production_order_lot l"
                    + " where l.production_order = o.id and l.lot_code ilike :lot escape '\\')");
            params.put("lot", contains(criteria.lot()));
        }
        if (hasText(criteria.item())) {
            where.append(" and lower(o.item_code) = lower(:item)");
            params.put("item", criteria.item().trim());
        }
        if (hasText(criteria.workcenter())) {
            where.append(" and exists (select 1 from production_order_step s"
                    + " where s.production_order = o.id and lower(s.workcenter_code) = lower(:workcenter))");
            params.put("workcenter", criteria.workcenter().trim());
        }
        if (criteria.dueFrom() != null) {
            where.append(" and o.due_at >= :dueFrom");
            params.put("dueFrom", startOfDay(criteria.dueFrom()));
        }
        if (criteria.dueTo() != null) {
            where.append(" and o.due_at < :dueToExclusive");
            params.put("dueToExclusive", startOfDay(criteria.dueTo().plusDays(1)));
        }
        if (Boolean.TRUE.equals(criteria.lateOnly())) {
            where.append(" and ((o.status in " + OPEN_STATUSES + " and o.due_at < :now)"
                    + " or (o.status = 'CLOSED' and o.closed_at > o.due_at))");
            params.put("now", java.sql.Timestamp.from(now));
        }
        if (criteria.dueFrom() != null
                && criteria.dueTo() != null
                && criteria.dueTo().isBefore(criteria.dueFrom())) {
            throw MesProblemException.unprocessable("dueTo must not be before dueFrom");
        }

        long total = jdbc.sql("select count(*) from production_order o" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<OrderHeader> headers = jdbc.sql("select o.* from production_order o" + where
                        + " order by o.priority, o.due_at, o.id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", (long) page.page() * page.size())
                .query(OrderQueries::header)
                .list();
        Map<Long, List<StepSnapshot>> steps = stepsOf(ids(headers));
        Map<Long, Map<Integer, StepProgress>> recorded =
                headers.isEmpty() ? Map.of() : progress.progressOf(ids(headers));
        List<OrderRow> rows = new ArrayList<>(headers.size());
        for (OrderHeader header : headers) {
            rows.add(row(
                    header,
                    steps.getOrDefault(header.id(), List.of()),
                    recorded.getOrDefault(header.id(), Map.of()),
                    now));
        }
        return PageResponse.of(rows, page, total);
    }

    Optional<OrderDetails> details(long id) {
        return jdbc.sql("select * from production_order where id = :id")
                .param("id", id)
                .query(OrderQueries::header)
                .optional()
                .map(this::details);
    }

    Optional<OrderDetails> detailsByCode(String code) {
        return jdbc.sql("select * from production_order where order_code = :code")
                .param("code", code)
                .query(OrderQueries::header)
                .optional()
                .map(this::details);
    }

    private OrderDetails details(OrderHeader header) {
        Instant now = clock.instant();
        List<StepSnapshot> steps = stepsOf(List.of(header.id())).getOrDefault(header.id(), List.of());
        Map<Integer, StepProgress> recorded =
                progress.progressOf(List.of(header.id())).getOrDefault(header.id(), Map.of());
        OrderRow row = row(header, steps, recorded, now);
        List<StepDetails> stepDetails = steps.stream()
                .map(s -> StepDetails.of(s, recorded.getOrDefault(s.sequence(), StepProgress.notStarted(s.sequence()))))
                .toList();
        List<String> lots = jdbc.sql(
                        "select lot_code from production_order_lot where production_order = :id order by lot_code")
                .param("id", header.id())
                .query(String.class)
                .list();
        List<ReplenishmentView> replenishedBy = links("original_order_id", "replenishment_order_id", header.id());
        List<ReplenishmentView> replenishes = links("replenishment_order_id", "original_order_id", header.id());
        return new OrderDetails(
                row,
                header.createdAt(),
                header.updatedAt(),
                header.startedAt(),
                lots,
                stepDetails,
                replenishedBy,
                replenishes);
    }

    private List<ReplenishmentView> links(String selfColumn, String otherColumn, long id) {
        return jdbc.sql("select l.*, o.id as other_id, o.order_code as other_code, o.status as other_status"
                        + " from replenishment_link l join production_order o on o.id = l." + otherColumn
                        + " where l." + selfColumn + " = :id order by l.created_at, l.id")
                .param("id", id)
                .query((rs, n) -> new ReplenishmentView(
                        rs.getLong("other_id"),
                        rs.getString("other_code"),
                        OrderStatus.valueOf(rs.getString("other_status")),
                        rs.getString("trigger_type"),
                        Quantities.plain(rs.getBigDecimal("quantity")),
                        (Integer) rs.getObject("step_sequence"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private OrderRow row(
            OrderHeader header, List<StepSnapshot> steps, Map<Integer, StepProgress> recorded, Instant now) {
        List<StepLoad> loads = new ArrayList<>(steps.size());
        for (StepSnapshot step : steps) {
            StepProgress p = recorded.getOrDefault(step.sequence(), StepProgress.notStarted(step.sequence()));
            loads.add(new StepLoad(
                    step.plannedQuantity(), p.good(), step.standardSeconds(), step.setupMinutes(), p.started()));
        }
        StepProgress last = steps.isEmpty()
                ? StepProgress.notStarted(0)
                : recorded.getOrDefault(steps.get(steps.size() - 1).sequence(), StepProgress.notStarted(0));
        DeadlineCompliance deadline = CompliancePolicy.deadline(
                header.status(), header.dueAt(), header.closedAt(), CompliancePolicy.remainingStandardTime(loads), now);
        return new OrderRow(
                header.id(),
                header.orderCode(),
                header.type(),
                header.status(),
                header.itemCode(),
                header.plannedQuantity(),
                last.good(),
                last.produced(),
                header.dueAt(),
                header.priority(),
                header.closedAt(),
                deadline,
                CompliancePolicy.volumePercent(last.good(), header.plannedQuantity()));
    }

    private Map<Long, List<StepSnapshot>> stepsOf(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(
                        "select * from production_order_step where production_order in (:ids) order by production_order, sequence")
                .param("ids", orderIds)
                .query((rs, n) -> new StepSnapshot(
                        rs.getLong("production_order"),
                        rs.getInt("sequence"),
                        rs.getString("process_step_code"),
                        rs.getString("workcenter_code"),
                        rs.getString("workcenter_type"),
                        Quantities.plain(rs.getBigDecimal("setup_minutes")),
                        Quantities.plain(rs.getBigDecimal("standard_seconds")),
                        Quantities.plain(rs.getBigDecimal("planned_quantity"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(StepSnapshot::orderId, LinkedHashMap::new, Collectors.toList()));
    }

    private static OrderHeader header(ResultSet rs, int n) throws SQLException {
        return new OrderHeader(
                rs.getLong("id"),
                rs.getString("order_code"),
                OrderType.valueOf(rs.getString("type")),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getString("item_code"),
                Quantities.plain(rs.getBigDecimal("planned_quantity")),
                rs.getTimestamp("due_at").toInstant(),
                rs.getInt("priority"),
                instant(rs, "started_at"),
                instant(rs, "closed_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private java.sql.Timestamp startOfDay(java.time.LocalDate day) {
        return java.sql.Timestamp.from(day.atStartOfDay(plantZone).toInstant());
    }

    private static List<Long> ids(List<OrderHeader> headers) {
        return headers.stream().map(OrderHeader::id).toList();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /** A LIKE pattern matching the text anywhere, with the user's % and _ taken literally. */
    private static String contains(String text) {
        return "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    record OrderHeader(
            long id,
            String orderCode,
            OrderType type,
            OrderStatus status,
            String itemCode,
            BigDecimal plannedQuantity,
            Instant dueAt,
            int priority,
            Instant startedAt,
            Instant closedAt,
            Instant createdAt,
            Instant updatedAt) {}

    record StepSnapshot(
            long orderId,
            int sequence,
            String processStep,
            String workcenterCode,
            String workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSeconds,
            BigDecimal plannedQuantity) {}

    /** One line of the search screen. */
    record OrderRow(
            long id,
            String orderCode,
            OrderType type,
            OrderStatus status,
            String itemCode,
            BigDecimal plannedQuantity,
            BigDecimal goodQuantity,
            BigDecimal producedQuantity,
            Instant dueAt,
            int priority,
            Instant closedAt,
            DeadlineCompliance deadlineCompliance,
            BigDecimal volumeCompliancePercent) {}

    /** One routing step with what happened on it. */
    record StepDetails(
            int sequence,
            String processStep,
            String workcenterCode,
            String workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSecondsPerPiece,
            BigDecimal plannedQuantity,
            String state,
            BigDecimal produced,
            BigDecimal good,
            BigDecimal scrap,
            BigDecimal rework,
            BigDecimal released,
            Instant startedAt,
            Instant completedAt,
            long standardSeconds,
            long actualSeconds,
            BigDecimal effectivenessPercent) {

        static StepDetails of(StepSnapshot step, StepProgress p) {
            BigDecimal standard = step.standardSeconds().multiply(p.produced());
            BigDecimal effectiveness = p.runSeconds() <= 0
                    ? null
                    : standard.multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(p.runSeconds()), 1, RoundingMode.HALF_UP);
            return new StepDetails(
                    step.sequence(),
                    step.processStep(),
                    step.workcenterCode(),
                    step.workcenterType(),
                    step.setupMinutes(),
                    step.standardSeconds(),
                    step.plannedQuantity(),
                    p.state(),
                    p.produced(),
                    p.good(),
                    p.scrap(),
                    p.rework(),
                    p.released(),
                    p.startedAt(),
                    p.completedAt(),
                    standard.setScale(0, RoundingMode.HALF_UP).longValueExact(),
                    p.runSeconds(),
                    effectiveness);
        }
    }

    /** A replenishment link seen from one side: the order on the other side and why it exists. */
    record ReplenishmentView(
            long orderId,
            String orderCode,
            OrderStatus status,
            String trigger,
            BigDecimal quantity,
            Integer stepSequence,
            Instant createdAt) {}

    /** Everything the order details screen shows. */
    record OrderDetails(
            OrderRow order,
            Instant createdAt,
            Instant updatedAt,
            Instant startedAt,
            List<String> lots,
            List<StepDetails> steps,
            List<ReplenishmentView> replenishedBy,
            List<ReplenishmentView> replenishes) {}
}
