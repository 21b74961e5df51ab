package com.renar.mes.execution;

import com.renar.mes.masterdata.ItemInfo;
import com.renar.mes.masterdata.MasterData;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Quantities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Material on hand, lot by lot: lots received (raw material, purchased components) and the output of completed
 * orders. Orders consume from it first-in first-out, preferring a lot the operator named; every consumption is a
 * genealogy edge (lot → order) for traceability.
 */
@Component
class MaterialStock {

    private final JdbcClient jdbc;
    private final MasterData catalog;
    private final Clock clock;

    MaterialStock(JdbcClient jdbc, MasterData catalog, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    MaterialLot receive(String lotCode, String itemCode, BigDecimal quantity, String receivedBy) {
        ItemInfo item = catalog.item(itemCode)
                .orElseThrow(() -> MesProblemException.unprocessable("Item '" + itemCode + "' does not exist"));
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into material_lot (lot_code, item_id, item_code, quantity_received, quantity_available,
                                                  source, received_at, received_by)
                        values (:lot, :item, :itemCode, :q, :q, 'RECEIVED', :now, :by)
                        on conflict do nothing
                        """)
                .param("lot", lotCode)
                .param("item", item.id())
                .param("itemCode", item.code())
                .param("q", quantity)
                .param("now", Timestamp.from(now))
                .param("by", receivedBy)
                .update();
        if (inserted == 0) {
            throw MesProblemException.conflict("Lot '" + lotCode + "' already exists");
        }
        return lot(lotCode).orElseThrow();
    }

    /** The lot an order's last step produced, as stock for the orders that consume it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void produced(String lotCode, long itemId, String itemCode, long quantity, long orderId, String by) {
        jdbc.sql("""
                        insert into material_lot (lot_code, item_id, item_code, quantity_received, quantity_available,
                                                  source, order_id, received_at, received_by)
                        values (:lot, :item, :itemCode, :q, :q, 'PRODUCED', :order, :now, :by)
                        on conflict do nothing
                        """)
                .param("lot", lotCode)
                .param("item", itemId)
                .param("itemCode", itemCode)
                .param("q", quantity)
                .param("order", orderId)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
    }

    Optional<MaterialLot> lot(String lotCode) {
        return jdbc.sql("select * from material_lot where lot_code = :lot")
                .param("lot", lotCode)
                .query(MaterialStock::map)
                .optional();
    }

    PageResponse<MaterialLot> list(String itemCode, boolean availableOnly, PageQuery page) {
        String where =
                " where (cast(:item as varchar) is null or item_code = :item) and (not :available or quantity_available > 0)";
        long total = jdbc.sql("select count(*) from material_lot" + where)
                .param("item", itemCode)
                .param("available", availableOnly)
                .query(Long.class)
                .single();
        List<MaterialLot> lots = jdbc.sql("select * from material_lot" + where
                        + " order by received_at desc, lot_code limit :limit offset :offset")
                .param("item", itemCode)
                .param("available", availableOnly)
                .param("limit", page.size())
                .param("offset", (long) page.page() * page.size())
                .query(MaterialStock::map)
                .list();
        return PageResponse.of(lots, page, total);
    }

    /** Quantity available per item code (items without stock are absent). */
    Map<String, BigDecimal> onHand(Collection<String> itemCodes) {
        Map<String, BigDecimal> stock = new HashMap<>();
        if (itemCodes.isEmpty()) {
            return stock;
        }
        jdbc.sql("""
                        select item_code, sum(quantity_available) as available from material_lot
                         where item_code in (:codes) and quantity_available > 0 group by item_code
                        """)
                .param("codes", itemCodes)
                .query((rs, n) -> stock.put(rs.getString("item_code"), rs.getBigDecimal("available")))
                .list();
        return stock;
    }

    /**
     * Takes {@code quantity} of an item from stock, the preferred lot first, then the oldest lots. Takes what there
     * is when there is less; answers what it took.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    BigDecimal consume(long orderId, int step, String itemCode, BigDecimal quantity, String preferredLot) {
        BigDecimal wanted = quantity.setScale(4, RoundingMode.UP);
        List<LotBalance> lots = jdbc.sql("""
                        select lot_code, quantity_available from material_lot
                         where item_code = :item and quantity_available > 0
                         order by (lot_code = :preferred) desc nulls last, received_at, lot_code
                         for update
                        """)
                .param("item", itemCode)
                .param("preferred", preferredLot)
                .query((rs, n) -> new LotBalance(rs.getString("lot_code"), rs.getBigDecimal("quantity_available")))
                .list();
        BigDecimal taken = BigDecimal.ZERO;
        Timestamp now = Timestamp.from(clock.instant());
        for (LotBalance lot : lots) {
            BigDecimal rest = wanted.subtract(taken);
            if (rest.signum() <= 0) {
                break;
            }
            BigDecimal take = rest.min(lot.available());
            jdbc.sql("update material_lot set quantity_available = quantity_available - :q where lot_code = :lot")
                    .param("q", take)
                    .param("lot", lot.code())
                    .update();
            jdbc.sql("""
                            insert into lot_consumption (order_id, step_sequence, lot_code, item_code, quantity, consumed_at)
                            values (:order, :step, :lot, :item, :q, :now)
                            """)
                    .param("order", orderId)
                    .param("step", step)
                    .param("lot", lot.code())
                    .param("item", itemCode)
                    .param("q", take)
                    .param("now", now)
                    .update();
            taken = taken.add(take);
        }
        return taken;
    }

    private static MaterialLot map(ResultSet rs, int n) throws SQLException {
        return new MaterialLot(
                rs.getString("lot_code"),
                rs.getString("item_code"),
                Quantities.plain(rs.getBigDecimal("quantity_received")),
                Quantities.plain(rs.getBigDecimal("quantity_available")),
                rs.getString("source"),
                (Long) rs.getObject("order_id"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("received_by"));
    }

    /** A lot as the API shows it. */
    record MaterialLot(
            String lotCode,
            String itemCode,
            BigDecimal quantityReceived,
            BigDecimal quantityAvailable,
            String source,
            Long orderId,
            Instant receivedAt,
            String receivedBy) {}

    private record LotBalance(String code, BigDecimal available) {}
}
