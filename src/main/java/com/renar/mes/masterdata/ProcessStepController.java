package com.renar.mes.masterdata;

import com.renar.mes.masterdata.ProcessStepManagement.NewProcessStep;
import com.renar.mes.masterdata.ProcessStepManagement.ProcessStepChange;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/masterdata/process-steps")
class ProcessStepController {

    private final ProcessStepRepository steps;
    private final ProcessStepManagement management;

    ProcessStepController(ProcessStepRepository steps, ProcessStepManagement management) {
        this.steps = steps;
        this.management = management;
    }

    @GetMapping
    PageResponse<ProcessStepView> list(@Valid PageQuery query) {
        return PageResponse.of(
                steps.findAll(PageRequest.of(query.page(), query.size(), Sort.by("sequence"))), ProcessStepView::of);
    }

    @GetMapping("/{code}")
    ProcessStepView get(@PathVariable String code) {
        return ProcessStepView.of(management.find(code));
    }

    @PostMapping
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<ProcessStepView> create(@Valid @RequestBody NewProcessStep request) {
        ProcessStep saved = management.create(request);
        return ResponseEntity.created(URI.create("/api/v1/masterdata/process-steps/" + saved.code()))
                .body(ProcessStepView.of(saved));
    }

    @PutMapping("/{code}")
    @PreAuthorize(Role.Expressions.PLANNING)
    ProcessStepView update(@PathVariable String code, @Valid @RequestBody ProcessStepChange request) {
        return ProcessStepView.of(management.update(code, request));
    }

    @DeleteMapping("/{code}")
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<Void> delete(@PathVariable String code) {
        management.delete(code);
        return ResponseEntity.noContent().build();
    }

    record ProcessStepView(String code, String name, int sequence, int version) {
        static ProcessStepView of(ProcessStep step) {
            return new ProcessStepView(step.code(), step.name(), step.sequence(), step.version());
        }
    }
}
