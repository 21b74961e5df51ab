package com.renar.mes.execution;

import com.renar.mes.execution.ScanIngest.ScanCommand;
import com.renar.mes.platform.IdempotentCommands;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Barcode scans. {@code POST /api/v1/scans} needs an {@code Idempotency-Key}: the same key and scan answer the
 * same (201 accepted, or the 409/422 problem it was rejected with), marked {@code Idempotent-Replayed: true};
 * the same key with another scan is refused (422). Every scan, accepted or not, is kept for the audit.
 */
@RestController
@RequestMapping("/api/v1/scans")
class ScanController {

    private final ScanIngest ingest;
    private final ScanQueries queries;

    ScanController(ScanIngest ingest, ScanQueries queries) {
        this.ingest = ingest;
        this.queries = queries;
    }

    @PostMapping
    @PreAuthorize(Role.Expressions.SHOP_FLOOR)
    ResponseEntity<?> scan(
            @Valid @RequestBody ScanRequest body,
            @RequestHeader(name = IdempotentCommands.KEY_HEADER, required = false) String key,
            Authentication caller,
            HttpServletRequest request) {
        return ingest.ingest(
                caller,
                key,
                new ScanCommand(
                        body.barcode().strip(),
                        body.workcenter().strip(),
                        body.processStep().strip(),
                        body.stepSequence(),
                        body.lot() == null || body.lot().isBlank()
                                ? null
                                : body.lot().strip(),
                        body.operatorBadge(),
                        body.scannedAt()),
                request);
    }

    /** The scan audit: accepted and rejected scans, newest first. */
    @GetMapping
    PageResponse<ScanQueries.ScanRow> list(
            @RequestParam(required = false) Long orderId,
            @RequestParam(required = false) String workcenter,
            @RequestParam(required = false) ScanQueries.Status status,
            @Valid PageQuery page) {
        return queries.list(orderId, workcenter, status, page);
    }

    @GetMapping("/{id}")
    ScanQueries.ScanRow scan(@PathVariable UUID id) {
        return queries.byId(id).orElseThrow(() -> MesProblemException.notFound("Scan", id));
    }

    record ScanRequest(
            @NotBlank @Size(max = 200) String barcode,
            @NotBlank @Size(max = 30) String workcenter,
            @NotBlank @Size(max = 30) String processStep,
            @Positive Integer stepSequence,
            @Size(max = 60) String lot,
            @Size(max = 60) String operatorBadge,
            Instant scannedAt) {}
}
