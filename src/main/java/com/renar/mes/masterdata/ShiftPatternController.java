package com.renar.mes.masterdata;

import com.renar.mes.masterdata.ShiftPatternManagement.Filter;
import com.renar.mes.masterdata.ShiftPatternManagement.NewShiftPattern;
import com.renar.mes.masterdata.ShiftPatternManagement.ShiftPatternChange;
import com.renar.mes.masterdata.ShiftPatternManagement.ShiftPatternView;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import java.net.URI;
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

/** Shift patterns have no code of their own; they are addressed by id. */
@RestController
@RequestMapping("/api/v1/masterdata/shift-patterns")
class ShiftPatternController {

    private final ShiftPatternManagement management;

    ShiftPatternController(ShiftPatternManagement management) {
        this.management = management;
    }

    @GetMapping
    PageResponse<ShiftPatternView> list(
            @RequestParam(required = false) String workcenter,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) Integer weekday,
            @Valid PageQuery query) {
        return management.list(new Filter(workcenter, department, weekday), query);
    }

    @GetMapping("/{id:\\d+}")
    ShiftPatternView get(@PathVariable long id) {
        return management.details(id);
    }

    @PostMapping
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<ShiftPatternView> create(@Valid @RequestBody NewShiftPattern request) {
        ShiftPatternView created = management.create(request);
        return ResponseEntity.created(URI.create("/api/v1/masterdata/shift-patterns/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id:\\d+}")
    @PreAuthorize(Role.Expressions.PLANNING)
    ShiftPatternView update(@PathVariable long id, @Valid @RequestBody ShiftPatternChange request) {
        return management.update(id, request);
    }

    @DeleteMapping("/{id:\\d+}")
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<Void> delete(@PathVariable long id) {
        management.delete(id);
        return ResponseEntity.noContent().build();
    }
}
