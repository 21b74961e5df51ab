package com.renar.mes.orders;

import com.renar.mes.orders.OrderQueries.OrderDetails;
import com.renar.mes.orders.OrderQueries.OrderRow;
import com.renar.mes.orders.Replenishments.Replenishment;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Production orders as the floor and the planners see them. Every role may read. */
@RestController
@RequestMapping("/api/v1/ops")
class OrderController {

    private final OrderQueries queries;
    private final Replenishments replenishments;

    OrderController(OrderQueries queries, Replenishments replenishments) {
        this.queries = queries;
        this.replenishments = replenishments;
    }

    /**
     * Search: filters combine with AND; sorted by priority (1 = most urgent) then due time. Each row carries
     * progress and deadline / volume compliance.
     */
    @GetMapping
    PageResponse<OrderRow> search(OrderSearchCriteria criteria, @Valid PageQuery page) {
        return queries.search(criteria, page);
    }

    @GetMapping("/{id}")
    OrderDetails details(@PathVariable long id) {
        return queries.details(id).orElseThrow(() -> MesProblemException.notFound("Production order", id));
    }

    /** The same by ERP order code, which is what barcodes carry. */
    @GetMapping("/by-code/{code}")
    OrderDetails detailsByCode(@PathVariable String code) {
        return queries.detailsByCode(code).orElseThrow(() -> MesProblemException.notFound("Production order", code));
    }

    /**
     * PCP raises a replenishment by hand (e.g. a shortage found in analysis). {@code reference} names the loss and
     * makes retries harmless: the same reference for the same order returns the order made the first time (200)
     * instead of making another (201).
     */
    @PostMapping("/{id}/replenishments")
    @PreAuthorize(Role.Expressions.PLANNING)
    ResponseEntity<Replenishment> replenish(@PathVariable long id, @Valid @RequestBody ReplenishmentCommand command) {
        Replenishment result = replenishments.replenish(new Replenishments.ReplenishmentRequest(
                id, command.trigger(), command.quantity(), command.stepSequence(), "manual:" + command.reference()));
        return result.created()
                ? ResponseEntity.created(URI.create("/api/v1/ops/" + result.orderId()))
                        .body(result)
                : ResponseEntity.ok(result);
    }

    record ReplenishmentCommand(
            @NotNull ReplenishmentTrigger trigger,

            @NotNull @Positive @Digits(integer = 10, fraction = 4)
            BigDecimal quantity,

            @Positive Integer stepSequence,
            @NotBlank @Size(max = 80) String reference) {}
}
