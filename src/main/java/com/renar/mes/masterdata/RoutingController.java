package com.renar.mes.masterdata;

import com.renar.mes.masterdata.RoutingManagement.NewRouting;
import com.renar.mes.masterdata.RoutingManagement.RoutingDetails;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/masterdata/items/{code}/routings")
class RoutingController {

    private final RoutingManagement management;

    RoutingController(RoutingManagement management) {
        this.management = management;
    }

    /** All versions of the item's routing, newest first. */
    @GetMapping
    PageResponse<RoutingDetails> list(@PathVariable String code, @Valid PageQuery query) {
        return management.versions(code, query);
    }

    @GetMapping("/active")
    RoutingDetails active(@PathVariable String code) {
        return management.active(code);
    }

    @GetMapping("/{routingVersion:\\d+}")
    RoutingDetails version(@PathVariable String code, @PathVariable int routingVersion) {
        return management.version(code, routingVersion);
    }

    /** Creates the next version and makes it the active one. */
    @PostMapping
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<RoutingDetails> create(@PathVariable String code, @Valid @RequestBody NewRouting request) {
        RoutingDetails created = management.create(code, request);
        return ResponseEntity.created(
                        URI.create("/api/v1/masterdata/items/" + code + "/routings/" + created.routingVersion()))
                .body(created);
    }
}
