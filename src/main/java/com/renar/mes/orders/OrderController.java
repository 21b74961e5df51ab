package com.renar.mes.orders;

import com.renar.mes.orders.OrderQueries.OrderDetails;
import com.renar.mes.orders.OrderQueries.OrderRow;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Production orders as the floor and the planners see them. Every role may read. */
@RestController
@RequestMapping("/api/v1/ops")
class OrderController {

    private final OrderQueries queries;

    OrderController(OrderQueries queries) {
        this.queries = queries;
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
}
