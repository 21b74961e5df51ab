package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.TestTokens;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A small plant of its own for one test (tests share one database): items, workcenters, a routing and a bill of
 * materials under a unique tag, orders pushed through the ERP endpoint, and short calls to the shop-floor API.
 * Process steps and reason codes come from the demo plant the test context loads.
 */
final class ShopFloor {

    final String tag = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private final MockMvcTester mvc;
    private final TestTokens tokens;
    private final JdbcClient jdbc;
    private int orders;

    ShopFloor(MockMvcTester mvc, TestTokens tokens, JdbcClient jdbc) {
        this.mvc = mvc;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    String item(String name, String type) {
        String code = tag + "-" + name;
        jdbc.sql("insert into item (code, description, type, unit) values (:c, :d, :t, 'PC')")
                .param("c", code)
                .param("d", name + " of " + tag)
                .param("t", type)
                .update();
        return code;
    }

    String workcenter(String name, String type) {
        String code = tag + "-" + name;
        jdbc.sql("insert into workcenter (code, name, type, department) values (:c, :c, :t, 'TEST')")
                .param("c", code)
                .param("t", type)
                .update();
        return code;
    }

    /** A routing: pairs of process step code and workcenter code, sequences 10, 20, 30, … */
    void routing(String item, String... processAndWorkcenter) {
        long routing = jdbc.sql("insert into routing (item_id, routing_version)"
                        + " values ((select id from item where code = :i), 1) returning id")
                .param("i", item)
                .query(Long.class)
                .single();
        for (int i = 0; i < processAndWorkcenter.length; i += 2) {
            jdbc.sql("""
                            insert into routing_step (routing_id, routing_key, sequence, process_step_id, workcenter_id,
                                                      setup_minutes, standard_seconds)
                            values (:r, :k, :s, (select id from process_step where code = :p),
                                    (select id from workcenter where code = :w), 5, 30)
                            """)
                    .param("r", routing)
                    .param("k", i / 2)
                    .param("s", (i / 2 + 1) * 10)
                    .param("p", processAndWorkcenter[i])
                    .param("w", processAndWorkcenter[i + 1])
                    .update();
        }
    }

    void bom(String parent, String component, String quantityPer) {
        jdbc.sql("""
                        insert into bom (parent_item_id) select id from item where code = :p
                        on conflict (parent_item_id) do nothing
                        """).param("p", parent).update();
        jdbc.sql("""
                        insert into bom_line (bom_id, bom_key, component_item_id, quantity_per)
                        select b.id, (select count(*) from bom_line l where l.bom_id = b.id),
                               (select id from item where code = :c), cast(:q as numeric)
                          from bom b join item i on i.id = b.parent_item_id where i.code = :p
                        """)
                .param("p", parent)
                .param("c", component)
                .param("q", quantityPer)
                .update();
    }

    /** Receives a lot into stock; answers its code. */
    String lot(String item, String quantity) {
        String code =
                tag + "-LOT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        MvcTestResult result = post(
                Role.SUPERVISOR,
                "/api/v1/material-lots",
                "{\"lotCode\":\"%s\",\"itemCode\":\"%s\",\"quantity\":%s}".formatted(code, item, quantity),
                null);
        assertThat(result).hasStatus(201);
        return code;
    }

    /** Pushes one order through the ERP endpoint; answers its id. Its lot is {@code <code>-L}. */
    long order(String item, int quantity) {
        String code = tag + "-OP" + (++orders);
        MvcTestResult result = post(Role.PCP, "/api/v1/erp/orders", """
                {"orders": [{"orderCode": "%s", "itemCode": "%s", "quantity": %d, "dueDate": "2030-01-31",
                             "priority": 1, "lots": ["%s-L"]}]}
                """.formatted(code, item, quantity, code), null);
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.created").isEqualTo(1);
        return jdbc.sql("select id from production_order where order_code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    String code(long orderId) {
        return jdbc.sql("select order_code from production_order where id = :id")
                .param("id", orderId)
                .query(String.class)
                .single();
    }

    String status(long orderId) {
        return jdbc.sql("select status from production_order where id = :id")
                .param("id", orderId)
                .query(String.class)
                .single();
    }

    MvcTestResult step(long orderId, int step, String action, String body) {
        return step(Role.OPERATOR, orderId, step, action, body, null);
    }

    MvcTestResult step(Role role, long orderId, int step, String action, String body, String key) {
        return post(role, "/api/v1/ops/" + orderId + "/steps/" + step + "/" + action, body, key);
    }

    MvcTestResult start(long orderId, int step, String workcenter) {
        return step(orderId, step, "start", "{\"workcenter\":\"" + workcenter + "\"}");
    }

    MvcTestResult count(long orderId, int step, int quantity) {
        return step(orderId, step, "count", "{\"quantity\":" + quantity + "}");
    }

    MvcTestResult scrap(long orderId, int step, int quantity, String reason) {
        return step(
                orderId,
                step,
                "quality",
                "{\"disposition\":\"SCRAP\",\"reasonCode\":\"" + reason + "\",\"quantity\":" + quantity + "}");
    }

    MvcTestResult complete(long orderId, int step) {
        return step(orderId, step, "complete", null);
    }

    MvcTestResult scan(String key, String barcode, String workcenter, String processStep, String lot) {
        String body = "{\"barcode\":\"%s\",\"workcenter\":\"%s\",\"processStep\":\"%s\"%s}"
                .formatted(barcode, workcenter, processStep, lot == null ? "" : ",\"lot\":\"" + lot + "\"");
        return post(Role.OPERATOR, "/api/v1/scans", body, key);
    }

    MvcTestResult post(Role role, String path, String body, String key) {
        var request = mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION, tokens.bearer(role));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    MvcTestResult get(Role role, String path) {
        return mvc.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(role))
                .exchange();
    }

    long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return statement.query(Long.class).single();
    }
}
