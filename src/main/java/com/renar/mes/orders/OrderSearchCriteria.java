package com.renar.mes.orders;

import java.time.LocalDate;
import java.util.List;

/**
 * Filters of the order search; every one is optional and they combine with AND.
 *
 * @param status any of these statuses
 * @param type production or replenishment
 * @param code part of the ERP order code (case-insensitive)
 * @param lot part of a lot code (case-insensitive)
 * @param item the item code (exact, case-insensitive)
 * @param workcenter a workcenter code that appears in the routing snapshot
 * @param dueFrom first due date (plant calendar day), inclusive
 * @param dueTo last due date (plant calendar day), inclusive
 * @param lateOnly only orders that are late now (open past their due time) or closed after it
 */
record OrderSearchCriteria(
        List<OrderStatus> status,
        OrderType type,
        String code,
        String lot,
        String item,
        String workcenter,
        LocalDate dueFrom,
        LocalDate dueTo,
        Boolean lateOnly) {}
