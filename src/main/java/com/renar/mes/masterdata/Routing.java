package com.renar.mes.masterdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of the routing of an item (aggregate root): its ordered steps. Versions are never changed once
 * made; a new version replaces the active one.
 */
@Table("routing")
record Routing(
        @Id Long id,
        Long itemId,
        int routingVersion,
        boolean active,
        @Version int version,
        Instant createdAt,
        Instant updatedAt,

        @MappedCollection(idColumn = "routing_id", keyColumn = "routing_key")
        List<Step> steps) {

    Routing {
        steps = List.copyOf(steps);
    }

    static Routing createActive(long itemId, int routingVersion, List<Step> steps, Instant now) {
        return new Routing(null, itemId, routingVersion, true, 0, now, now, steps);
    }

    /** A step: which process, on which workcenter, with setup and standard time per piece. */
    @Table("routing_step")
    record Step(
            int sequence, Long processStepId, Long workcenterId, BigDecimal setupMinutes, BigDecimal standardSeconds) {}
}
