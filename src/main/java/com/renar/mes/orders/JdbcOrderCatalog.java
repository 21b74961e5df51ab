package com.renar.mes.orders;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Master-data lookups for the import, on the master-data tables. */
@Component
class JdbcOrderCatalog implements OrderCatalog {

    private final JdbcClient jdbc;

    JdbcOrderCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CatalogItem> item(String code) {
        return jdbc.sql("select id, code from item where code = :code")
                .param("code", code)
                .query((rs, n) -> new CatalogItem(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    @Override
    public List<CatalogStep> activeRouting(long itemId) {
        return jdbc.sql("""
                        select s.sequence, p.id as step_id, p.code as step_code, w.id as wc_id, w.code as wc_code,
                               w.type as wc_type, s.setup_minutes, s.standard_seconds
                          from routing r
                          join routing_step s on s.routing_id = r.id
                          join process_step p on p.id = s.process_step_id
                          join workcenter w on w.id = s.workcenter_id
                         where r.item_id = :item and r.active
                         order by s.sequence
                        """)
                .param("item", itemId)
                .query((rs, n) -> new CatalogStep(
                        rs.getInt("sequence"),
                        rs.getLong("step_id"),
                        rs.getString("step_code"),
                        rs.getLong("wc_id"),
                        rs.getString("wc_code"),
                        rs.getString("wc_type"),
                        rs.getBigDecimal("setup_minutes"),
                        rs.getBigDecimal("standard_seconds")))
                .list();
    }

    @Override
    public Optional<Long> processStepId(String code) {
        return jdbc.sql("select id from process_step where code = :code")
                .param("code", code)
                .query(Long.class)
                .optional();
    }

    @Override
    public Optional<CatalogWorkcenter> workcenter(String code) {
        return jdbc.sql("select id, code, type from workcenter where code = :code")
                .param("code", code)
                .query((rs, n) -> new CatalogWorkcenter(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
