package com.renar.mes.masterdata;

import com.renar.mes.masterdata.ReasonCodeManagement.Filter;
import com.renar.mes.masterdata.ReasonCodeManagement.NewReasonCode;
import com.renar.mes.masterdata.ReasonCodeManagement.ReasonCodeChange;
import com.renar.mes.masterdata.ReasonCodeManagement.ReasonCodeView;
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

@RestController
@RequestMapping("/api/v1/masterdata/reason-codes")
class ReasonCodeController {

    private final ReasonCodeManagement management;

    ReasonCodeController(ReasonCodeManagement management) {
        this.management = management;
    }

    @GetMapping
    PageResponse<ReasonCodeView> list(
            @RequestParam(required = false) ReasonKind kind,
            @RequestParam(required = false) String processStep,
            @RequestParam(required = false) Boolean active,
            @Valid PageQuery query) {
        return management.list(new Filter(kind, processStep, active), query);
    }

    @GetMapping("/{code}")
    ReasonCodeView get(@PathVariable String code) {
        return management.details(code);
    }

    @PostMapping
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<ReasonCodeView> create(@Valid @RequestBody NewReasonCode request) {
        ReasonCodeView created = management.create(request);
        return ResponseEntity.created(URI.create("/api/v1/masterdata/reason-codes/" + created.code()))
                .body(created);
    }

    @PutMapping("/{code}")
    @PreAuthorize(Role.Expressions.PLANNING)
    ReasonCodeView update(@PathVariable String code, @Valid @RequestBody ReasonCodeChange request) {
        return management.update(code, request);
    }

    @DeleteMapping("/{code}")
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<Void> delete(@PathVariable String code) {
        management.delete(code);
        return ResponseEntity.noContent().build();
    }
}
