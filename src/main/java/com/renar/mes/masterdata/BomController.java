package com.renar.mes.masterdata;

import com.renar.mes.masterdata.BomManagement.BomChange;
import com.renar.mes.masterdata.BomManagement.BomDetails;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/masterdata/items/{code}/bom")
class BomController {

    private final BomManagement management;

    BomController(BomManagement management) {
        this.management = management;
    }

    /** The item's components; an item without a BOM answers with no lines. */
    @GetMapping
    BomDetails get(@PathVariable String code) {
        return management.details(code);
    }

    @PutMapping
    @PreAuthorize(Role.Expressions.PLANNING)
    BomDetails replace(@PathVariable String code, @Valid @RequestBody BomChange request) {
        return management.replace(code, request);
    }
}
