package com.renar.mes.realtime;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One event as a dashboard receives it: the body of every STOMP message, one item of the catch-up answer, and
 * what instances pass to each other through Redis.
 *
 * @param id the event's position in the log; a client that was away asks {@code GET /api/v1/events?after=<id>}
 *     with the last one it received
 * @param eventId unique per event and the same on every redelivery: clients drop repeats by it
 * @param eventType e.g. {@code OP_IMPORTED_FROM_ERP}
 * @param occurredAt when it happened (the publisher's clock)
 * @param orderId the production order it concerns, if any
 * @param workcenter the workcenter code where it happened, if any
 * @param payload the whole event as its publisher wrote it
 */
record RelayedEvent(
        long id,
        UUID eventId,
        String eventType,
        Instant occurredAt,
        Long orderId,
        String workcenter,
        JsonNode payload) {}
