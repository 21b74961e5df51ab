package com.renar.mes.orders;

import com.renar.mes.orders.DiscrepancyService.Decision;
import com.renar.mes.orders.DiscrepancyService.DiscrepancyView;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ERP changes to started orders, waiting for PCP's decision. */
@RestController
@RequestMapping("/api/v1/erp/discrepancies")
@PreAuthorize(Role.Expressions.PLANNING)
class DiscrepancyController {

    private final DiscrepancyService discrepancies;

    DiscrepancyController(DiscrepancyService discrepancies) {
        this.discrepancies = discrepancies;
    }

    @GetMapping
    PageResponse<DiscrepancyView> list(
            @RequestParam(defaultValue = "OPEN")
                    @Pattern(regexp = "OPEN|ACCEPTED|REJECTED", message = "must be OPEN, ACCEPTED or REJECTED")
                    String status,
            @Valid PageQuery page) {
        return discrepancies.list(status, page);
    }

    /** Apply the ERP's value to the order. */
    @PostMapping("/{id}/accept")
    DiscrepancyView accept(
            @PathVariable long id, @Valid @RequestBody(required = false) DecisionNote note, Principal user) {
        return discrepancies.decide(id, Decision.ACCEPTED, user.getName(), note == null ? null : note.note());
    }

    /** Keep the MES's value; the ERP should be corrected. */
    @PostMapping("/{id}/reject")
    DiscrepancyView reject(
            @PathVariable long id, @Valid @RequestBody(required = false) DecisionNote note, Principal user) {
        return discrepancies.decide(id, Decision.REJECTED, user.getName(), note == null ? null : note.note());
    }

    record DecisionNote(@Size(max = 500) String note) {}
}
