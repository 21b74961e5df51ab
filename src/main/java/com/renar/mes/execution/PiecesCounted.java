package com.renar.mes.execution;

import java.time.Instant;
import java.util.UUID;

/** PIECE_COUNTED: pieces counted on a step, by an operator or a machine; duplicates of increments already counted were dropped. Totals are the step's after the count. */
public record PiecesCounted(
        UUID eventId,
        long orderId,
        String orderCode,
        int stepSequence,
        String processStep,
        String workcenter,
        String source,
        long quantity,
        int duplicates,
        long produced,
        long good,
        String operator,
        Instant occurredAt)
        implements ShopFloorEvent {

    public static final String TYPE = "PIECE_COUNTED";

    @Override
    public String eventType() {
        return TYPE;
    }
}
