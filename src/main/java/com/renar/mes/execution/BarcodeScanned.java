package com.renar.mes.execution;

import java.time.Instant;
import java.util.UUID;

/** BARCODE_SCANNED: a barcode was scanned and accepted at a workcenter for an order's step. */
public record BarcodeScanned(
        UUID eventId,
        long orderId,
        String orderCode,
        int stepSequence,
        String processStep,
        String workcenter,
        UUID scanId,
        String barcode,
        String barcodeKind,
        String lot,
        String operator,
        Instant occurredAt)
        implements ShopFloorEvent {

    public static final String TYPE = "BARCODE_SCANNED";

    @Override
    public String eventType() {
        return TYPE;
    }
}
