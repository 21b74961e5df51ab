package com.renar.mes.execution;

import com.renar.mes.execution.MaterialStock.MaterialLot;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Material lots on hand: raw material and purchased components received into stock (supervisors, planners,
 * managers), and the output of completed orders (added by execution). Every role may read.
 */
@RestController
@RequestMapping("/api/v1/material-lots")
class MaterialLotController {

    private final MaterialStock stock;

    MaterialLotController(MaterialStock stock) {
        this.stock = stock;
    }

    @PostMapping
    @PreAuthorize(Role.Expressions.STOCK)
    ResponseEntity<MaterialLot> receive(@Valid @RequestBody ReceiveRequest body, Authentication caller) {
        MaterialLot lot =
                stock.receive(body.lotCode().strip(), body.itemCode().strip(), body.quantity(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/material-lots/" + lot.lotCode()))
                .body(lot);
    }

    @GetMapping
    PageResponse<MaterialLot> list(
            @RequestParam(required = false) String item,
            @RequestParam(defaultValue = "false") boolean availableOnly,
            @Valid PageQuery page) {
        return stock.list(item == null || item.isBlank() ? null : item.strip(), availableOnly, page);
    }

    @GetMapping("/{lotCode}")
    MaterialLot lot(@PathVariable String lotCode) {
        return stock.lot(lotCode).orElseThrow(() -> MesProblemException.notFound("Material lot", lotCode));
    }

    record ReceiveRequest(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[\\x21-\\x7E]+", message = "printable characters, no spaces")
            String lotCode,

            @NotBlank @Size(max = 40) String itemCode,

            @NotNull @Positive @Digits(integer = 10, fraction = 4)
            BigDecimal quantity) {}
}
