package com.renar.mes.masterdata;

import com.renar.mes.masterdata.WorkcenterManagement.Filter;
import com.renar.mes.masterdata.WorkcenterManagement.NewWorkcenter;
import com.renar.mes.masterdata.WorkcenterManagement.WorkcenterChange;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.ProblemType;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/masterdata/workcenters")
class WorkcenterController {

    static final int MAX_CALENDAR_DAYS = 62;

    private final WorkcenterManagement management;
    private final ShiftCalendar calendar;

    WorkcenterController(WorkcenterManagement management, ShiftCalendar calendar) {
        this.management = management;
        this.calendar = calendar;
    }

    @GetMapping
    PageResponse<WorkcenterView> list(
            @RequestParam(required = false) WorkcenterType type,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) Boolean enabled,
            @Valid PageQuery query) {
        return management.list(new Filter(type, department, enabled), query, WorkcenterView::of);
    }

    @GetMapping("/{code}")
    WorkcenterView get(@PathVariable String code) {
        return WorkcenterView.of(management.find(code));
    }

    @PostMapping
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<WorkcenterView> create(@Valid @RequestBody NewWorkcenter request) {
        Workcenter saved = management.create(request);
        return ResponseEntity.created(URI.create("/api/v1/masterdata/workcenters/" + saved.code()))
                .body(WorkcenterView.of(saved));
    }

    @PutMapping("/{code}")
    @PreAuthorize(Role.Expressions.PLANNING)
    WorkcenterView update(@PathVariable String code, @Valid @RequestBody WorkcenterChange request) {
        return WorkcenterView.of(management.update(code, request));
    }

    @PostMapping("/{code}/enable")
    @PreAuthorize(Role.Expressions.PLANNING)
    WorkcenterView enable(@PathVariable String code) {
        return WorkcenterView.of(management.setEnabled(code, true));
    }

    @PostMapping("/{code}/disable")
    @PreAuthorize(Role.Expressions.PLANNING)
    WorkcenterView disable(@PathVariable String code) {
        return WorkcenterView.of(management.setEnabled(code, false));
    }

    @DeleteMapping("/{code}")
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<Void> delete(@PathVariable String code) {
        management.delete(code);
        return ResponseEntity.noContent().build();
    }

    /** The planned shifts of the workcenter on the days {@code from}..{@code to}, in plant time. */
    @GetMapping("/{code}/calendar")
    List<ShiftView> calendar(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1 || days > MAX_CALENDAR_DAYS) {
            throw new MesProblemException(
                    ProblemType.VALIDATION,
                    "'to' must be on or after 'from', at most " + MAX_CALENDAR_DAYS + " days in all");
        }
        ZoneId zone = calendar.plantZone();
        return calendar.plannedShifts(code, from, to).stream()
                .map(s -> ShiftView.of(s, zone))
                .toList();
    }

    record WorkcenterView(
            String code,
            String name,
            WorkcenterType type,
            String department,
            boolean enabled,
            int capacity,
            int version) {
        static WorkcenterView of(Workcenter w) {
            return new WorkcenterView(
                    w.code(), w.name(), w.type(), w.department(), w.enabled(), w.capacity(), w.version());
        }
    }

    record ShiftView(
            LocalDate day,
            int shiftNumber,
            OffsetDateTime start,
            OffsetDateTime end,
            long plannedMinutes,
            List<BreakView> breaks) {
        static ShiftView of(PlannedShift shift, ZoneId zone) {
            return new ShiftView(
                    shift.day(),
                    shift.shiftNumber(),
                    shift.start().atZone(zone).toOffsetDateTime(),
                    shift.end().atZone(zone).toOffsetDateTime(),
                    shift.plannedProductionTime().toMinutes(),
                    shift.breaks().stream()
                            .map(b -> new BreakView(
                                    b.start().atZone(zone).toOffsetDateTime(),
                                    b.end().atZone(zone).toOffsetDateTime(),
                                    b.description()))
                            .toList());
        }
    }

    record BreakView(OffsetDateTime start, OffsetDateTime end, String description) {}
}
