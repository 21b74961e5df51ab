package com.renar.mes.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What the import needs to know of master data. */
interface OrderCatalog {

    Optional<CatalogItem> item(String code);

    /** The steps of the item's active routing, in order; empty when it has none. */
    List<CatalogStep> activeRouting(long itemId);

    Optional<Long> processStepId(String code);

    Optional<CatalogWorkcenter> workcenter(String code);

    record CatalogItem(long id, String code) {}

    record CatalogWorkcenter(long id, String code, String type) {}

    record CatalogStep(
            int sequence,
            long processStepId,
            String processStepCode,
            long workcenterId,
            String workcenterCode,
            String workcenterType,
            BigDecimal setupMinutes,
            BigDecimal standardSeconds) {}
}
