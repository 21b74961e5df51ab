package com.renar.mes.realtime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relay leader's place in the log, in {@code event_relay_cursor}: every event of a transaction below {@code
 * horizon} has been handed on. It only moves forward.
 */
final class RelayCursor {

    private final JdbcClient jdbc;
    private final String name;

    RelayCursor(JdbcClient jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    Long load() {
        return jdbc.sql("select cast(horizon as text) from event_relay_cursor where name = :name")
                .param("name", name)
                .query(String.class)
                .optional()
                .map(Long::parseLong)
                .orElse(null);
    }

    void save(long horizon) {
        jdbc.sql("""
                        insert into event_relay_cursor (name, horizon) values (:name, cast(:horizon as xid8))
                        on conflict (name) do update set horizon = excluded.horizon, updated_at = now()
                         where event_relay_cursor.horizon < excluded.horizon
                        """)
                .param("name", name)
                .param("horizon", Long.toString(horizon))
                .update();
    }
}
