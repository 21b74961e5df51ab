package com.renar.mes.masterdata;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A machine, line or station of a department (aggregate root). A disabled workcenter is marked unavailable and
 * gets no work until it is enabled again.
 */
@Table("workcenter")
record Workcenter(
        @Id Long id,
        String code,
        String name,
        WorkcenterType type,
        String department,
        boolean enabled,
        int capacity,
        @Version int version,
        Instant createdAt,
        Instant updatedAt) {

    static Workcenter create(
            String code, String name, WorkcenterType type, String department, int capacity, Instant now) {
        return new Workcenter(null, code, name, type, department, true, capacity, 0, now, now);
    }

    Workcenter update(String name, WorkcenterType type, String department, int capacity, Instant now) {
        return new Workcenter(id, code, name, type, department, enabled, capacity, version, createdAt, now);
    }

    Workcenter withEnabled(boolean enabled, Instant now) {
        return new Workcenter(id, code, name, type, department, enabled, capacity, version, createdAt, now);
    }

    WorkcenterInfo info() {
        return new WorkcenterInfo(id, code, name, type, department, enabled, capacity);
    }
}
