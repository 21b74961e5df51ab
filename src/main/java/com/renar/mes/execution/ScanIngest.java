package com.renar.mes.execution;

import com.renar.mes.execution.ScanOutcome.Accepted;
import com.renar.mes.execution.ScanOutcome.Rejected;
import com.renar.mes.execution.ScannedCode.LotCode;
import com.renar.mes.execution.ScannedCode.OrderCode;
import com.renar.mes.execution.ScannedCode.PartLabel;
import com.renar.mes.execution.ScannedCode.Plain;
import com.renar.mes.orders.ProductionOrders;
import com.renar.mes.orders.ProductionOrders.OrderInfo;
import com.renar.mes.orders.ProductionOrders.Step;
import com.renar.mes.platform.IdempotentCommands;
import com.renar.mes.platform.web.Problems;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scan hot path. A scan is checked with a few reads (order with its routing, workcenter, the order's step
 * totals), then stored with ONE statement that inserts the scan, bumps the step's scan counter and appends
 * BARCODE_SCANNED to the event log — or, when the caller's Idempotency-Key is already there, does nothing at all
 * (the unique index on (caller, key) decides, so concurrent duplicates make exactly one effect). The scan row is
 * its own idempotency record: it keeps the request's hash and the answer given, and a repeat gets that answer
 * again. A rejected scan is stored too (audit) and changes nothing else.
 *
 * <p>The checks read committed data just before the write; a scan racing the completion of its order may still be
 * accepted. Scans identify work, they carry no quantity, so that race costs no count.
 */
@Service
class ScanIngest {

    private static final String SCANS_PATH = "/api/v1/scans";
    private static final java.util.regex.Pattern VALID_KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final BarcodeRules barcodes;
    private final ProductionOrders orders;
    private final StepStore steps;
    private final StepChecks checks;
    private final Operators operators;
    private final IdempotentCommands idempotent;
    private final ExecutionEvents events;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ScanIngest(
            BarcodeRules barcodes,
            ProductionOrders orders,
            StepStore steps,
            StepChecks checks,
            Operators operators,
            IdempotentCommands idempotent,
            ExecutionEvents events,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock) {
        this.barcodes = barcodes;
        this.orders = orders;
        this.steps = steps;
        this.checks = checks;
        this.operators = operators;
        this.idempotent = idempotent;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A scan as the terminal sends it. */
    record ScanCommand(
            String barcode,
            String workcenter,
            String processStep,
            Integer stepSequence,
            String lot,
            String operatorBadge,
            Instant scannedAt) {}

    /** The answer to an accepted scan. */
    record ScanAccepted(
            UUID scanId,
            String status,
            String barcodeKind,
            long orderId,
            String orderCode,
            int stepSequence,
            String processStep,
            String workcenter,
            String lot,
            String materialLot,
            String operator,
            Instant receivedAt) {}

    ResponseEntity<?> ingest(Authentication caller, String key, ScanCommand command, HttpServletRequest request) {
        if (key == null || key.isBlank()) {
            throw new MesProblemException(
                    ProblemType.VALIDATION,
                    "The Idempotency-Key header is required for scans: send a new unique key per scan and the same"
                            + " key when you retry it");
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new MesProblemException(
                    ProblemType.VALIDATION, "Idempotency-Key must be 1 to 100 visible ASCII characters");
        }
        String fingerprint = idempotent.fingerprint("POST", SCANS_PATH, command);
        Instant now = clock.instant();
        UUID scanId = UUID.randomUUID();
        ScanOutcome outcome = evaluate(caller, command);
        Stored answer = outcome instanceof Accepted a
                ? accepted(scanId, a, command, now)
                : rejected(scanId, (Rejected) outcome, request);
        if (store(scanId, caller.getName(), key, fingerprint, answer, outcome, command, now)) {
            if (outcome instanceof Accepted a) {
                events.committed(event(scanId, a, command, now));
            }
            return respond(answer, false);
        }
        return replay(caller.getName(), key, fingerprint);
    }

    /** Checks the scan; every failure becomes a rejection, kept for the audit. */
    ScanOutcome evaluate(Authentication caller, ScanCommand command) {
        Actor actor = new Actor(caller.getName(), caller.getName());
        ScannedCode code = null;
        OrderInfo order = null;
        Step step = null;
        try {
            actor = operators.resolve(caller, command.operatorBadge());
            code = barcodes.read(command.barcode())
                    .orElseThrow(() -> MesProblemException.unprocessable("Barcode '" + command.barcode()
                            + "' is in no known format (expected OP:<order>, LOT:<lot>, PART:<lot>:<serial> or a"
                            + " plain order or lot code)"));
            order = resolve(code)
                    .orElseThrow(() -> MesProblemException.unprocessable("No production order matches barcode '"
                            + command.barcode().strip() + "'"));
            checks.orderOpen(order);
            Map<Integer, StepRecord> records = steps.all(order.id());
            step = pick(order, command, records);
            var workcenter = checks.workcenterFor(order, step, command.workcenter());
            StepRecord record = records.get(step.sequence());
            if (record != null && record.state() == StepState.COMPLETED) {
                throw MesProblemException.conflict(StepChecks.describe(order, step) + " is completed");
            }
            checks.inputAvailable(order, step, records);
            checks.materialAvailable(order, step, command.lot());
            return new Accepted(code, order, step, workcenter.code(), lotOf(code), actor);
        } catch (MesProblemException e) {
            return new Rejected(code, order, step, actor, e.type(), e.getMessage());
        }
    }

    private Optional<OrderInfo> resolve(ScannedCode code) {
        if (code instanceof OrderCode c) {
            return orders.byCode(c.code());
        }
        if (code instanceof LotCode c) {
            return orders.byLot(c.code());
        }
        if (code instanceof PartLabel c) {
            return orders.byLot(c.lot());
        }
        Plain plain = (Plain) code;
        return orders.byCode(plain.text()).or(() -> orders.byLot(plain.text()));
    }

    /**
     * The routing step the scan is for: the one with the given sequence, or the order's step of that process step
     * — when the process step appears twice, the one on this workcenter, else the first not completed.
     */
    private Step pick(OrderInfo order, ScanCommand command, Map<Integer, StepRecord> records) {
        String process = command.processStep();
        if (command.stepSequence() != null) {
            Step step = checks.step(order, command.stepSequence());
            if (!step.processStepCode().equalsIgnoreCase(process)) {
                throw MesProblemException.unprocessable("Step " + step.sequence() + " of order " + order.orderCode()
                        + " is " + step.processStepCode() + ", not " + process);
            }
            return step;
        }
        List<Step> candidates = order.steps().stream()
                .filter(s -> s.processStepCode().equalsIgnoreCase(process))
                .toList();
        if (candidates.isEmpty()) {
            throw MesProblemException.unprocessable(
                    "Order " + order.orderCode() + " has no " + process + " step in its routing");
        }
        return candidates.stream()
                .filter(s -> command.workcenter().equalsIgnoreCase(s.workcenterCode()))
                .findFirst()
                .or(() -> candidates.stream()
                        .filter(s -> records.get(s.sequence()) == null
                                || records.get(s.sequence()).state() != StepState.COMPLETED)
                        .findFirst())
                .orElse(candidates.get(0));
    }

    private static String lotOf(ScannedCode code) {
        if (code instanceof LotCode c) {
            return c.code();
        }
        return code instanceof PartLabel c ? c.lot() : null;
    }

    private Stored accepted(UUID scanId, Accepted a, ScanCommand command, Instant now) {
        ScanAccepted body = new ScanAccepted(
                scanId,
                "ACCEPTED",
                a.code().kind(),
                a.order().id(),
                a.order().orderCode(),
                a.step().sequence(),
                a.step().processStepCode(),
                a.workcenter(),
                a.lot(),
                command.lot(),
                a.actor().operator(),
                now);
        return new Stored(HttpStatus.CREATED.value(), json.writeValueAsString(body), false, SCANS_PATH + "/" + scanId);
    }

    private Stored rejected(UUID scanId, Rejected r, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(r.type(), r.detail(), request);
        problem.setProperty("scanId", scanId);
        return new Stored(
                problem.getStatus(), json.writeValueAsString(Problems.body(problem)), true, SCANS_PATH + "/" + scanId);
    }

    private BarcodeScanned event(UUID scanId, Accepted a, ScanCommand command, Instant now) {
        return new BarcodeScanned(
                UUID.nameUUIDFromBytes(("scan:" + scanId).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                a.order().id(),
                a.order().orderCode(),
                a.step().sequence(),
                a.step().processStepCode(),
                a.workcenter(),
                scanId,
                command.barcode().strip(),
                a.code().kind(),
                a.lot(),
                a.actor().operator(),
                now);
    }

    /** The one statement of an accepted or rejected scan; false when the caller's key was already used. */
    private boolean store(
            UUID scanId,
            String caller,
            String key,
            String fingerprint,
            Stored answer,
            ScanOutcome outcome,
            ScanCommand command,
            Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", scanId);
        p.put("caller", caller);
        p.put("key", key);
        p.put("hash", fingerprint);
        p.put("status", answer.status());
        p.put("body", answer.body());
        p.put("barcode", truncate(command.barcode(), 200));
        p.put("workcenter", truncate(command.workcenter(), 30));
        p.put("process", truncate(command.processStep(), 30));
        p.put("material", truncate(command.lot(), 60));
        p.put("clientAt", command.scannedAt() == null ? null : Timestamp.from(command.scannedAt()));
        p.put("now", Timestamp.from(now));
        p.put("eventId", null);
        p.put("payload", null);
        if (outcome instanceof Accepted a) {
            BarcodeScanned event = event(scanId, a, command, now);
            p.put("kind", a.code().kind());
            p.put("order", a.order().id());
            p.put("step", a.step().sequence());
            p.put("lot", a.lot());
            p.put("operator", a.actor().operator());
            p.put("scanStatus", "ACCEPTED");
            p.put("problemType", null);
            p.put("problemDetail", null);
            p.put("workcenter", a.workcenter());
            p.put("eventId", event.eventId());
            p.put("payload", json.writeValueAsString(event));
        } else {
            Rejected r = (Rejected) outcome;
            p.put("kind", r.code() == null ? null : r.code().kind());
            p.put("order", r.order() == null ? null : r.order().id());
            p.put("step", r.step() == null ? null : r.step().sequence());
            p.put("lot", r.code() == null ? null : truncate(lotOf(r.code()), 60));
            p.put("operator", r.actor().operator());
            p.put("scanStatus", "REJECTED");
            p.put("problemType", r.type().slug());
            p.put("problemDetail", truncate(r.detail(), 500));
        }
        return jdbc.sql("""
                        with ins as (
                            insert into scan (id, caller, idempotency_key, request_hash, response_status, response_body,
                                              barcode, barcode_kind, order_id, step_sequence, lot_code, material_lot,
                                              workcenter_code, process_step_code, operator, status, problem_type,
                                              problem_detail, client_at, received_at)
                            values (:id, :caller, :key, :hash, :status, :body, :barcode, :kind, :order, :step, :lot,
                                    :material, :workcenter, :process, :operator, :scanStatus, :problemType,
                                    :problemDetail, :clientAt, :now)
                            on conflict (caller, idempotency_key) where idempotency_key is not null do nothing
                            returning order_id, step_sequence, status
                        ), bump as (
                            insert into step_execution (order_id, step_sequence, scans, last_scan_at)
                            select order_id, step_sequence, 1, :now from ins where status = 'ACCEPTED'
                            on conflict (order_id, step_sequence)
                            do update set scans = step_execution.scans + 1, last_scan_at = excluded.last_scan_at
                        ), event as (
                            insert into event_log (event_id, event_type, order_id, workcenter_code, occurred_at, payload)
                            select cast(:eventId as uuid), 'BARCODE_SCANNED', order_id, :workcenter, :now, cast(:payload as jsonb)
                              from ins where status = 'ACCEPTED'
                        )
                        select count(*) from ins
                        """).params(p).query(Long.class).single() == 1;
    }

    private ResponseEntity<?> replay(String caller, String key, String fingerprint) {
        record Previous(String hash, int status, String body, String id, String scanStatus) {}
        Previous previous = jdbc.sql("""
                        select request_hash, response_status, response_body, id, status from scan
                         where caller = :caller and idempotency_key = :key
                        """)
                .param("caller", caller)
                .param("key", key)
                .query((rs, n) -> new Previous(
                        rs.getString("request_hash"),
                        rs.getInt("response_status"),
                        rs.getString("response_body"),
                        rs.getString("id"),
                        rs.getString("status")))
                .optional()
                .orElseThrow(() -> MesProblemException.conflict(
                        "The scan with this Idempotency-Key could not be stored; retry it"));
        if (!previous.hash().equals(fingerprint)) {
            throw new MesProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different scan; use a new key for a new scan");
        }
        return respond(
                new Stored(
                        previous.status(),
                        previous.body(),
                        "REJECTED".equals(previous.scanStatus()),
                        SCANS_PATH + "/" + previous.id()),
                true);
    }

    private static ResponseEntity<?> respond(Stored answer, boolean replayed) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status())
                .contentType(answer.problem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        if (!answer.problem()) {
            builder.location(URI.create(answer.location()));
        }
        if (replayed) {
            builder.header(IdempotentCommands.REPLAYED_HEADER, "true");
        }
        return builder.header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer.body());
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return null;
        }
        String stripped = s.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    private record Stored(int status, String body, boolean problem, String location) {}
}
