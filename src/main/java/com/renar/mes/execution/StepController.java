package com.renar.mes.execution;

import com.renar.mes.execution.PieceCounts.Increment;
import com.renar.mes.execution.StepCommands.CountSource;
import com.renar.mes.execution.StepCommands.Disposition;
import com.renar.mes.platform.IdempotentCommands;
import com.renar.mes.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The step commands of the original design: {@code /api/v1/ops/{id}/steps/{step}/start|pause|resume|count|quality|
 * complete}, where {@code step} is the routing sequence. Each takes an optional {@code Idempotency-Key}; a terminal
 * that retries with the same key gets the first answer again instead of counting twice. Operators, supervisors and
 * managers may record work; a station account names the operator with {@code operatorBadge}.
 */
@RestController
@RequestMapping("/api/v1/ops/{id}/steps/{step}")
@PreAuthorize(Role.Expressions.SHOP_FLOOR)
class StepController {

    private final StepCommands commands;
    private final Operators operators;
    private final IdempotentCommands idempotent;

    StepController(StepCommands commands, Operators operators, IdempotentCommands idempotent) {
        this.commands = commands;
        this.operators = operators;
        this.idempotent = idempotent;
    }

    @PostMapping("/start")
    ResponseEntity<?> start(
            @PathVariable long id,
            @PathVariable int step,
            @Valid @RequestBody StartRequest body,
            @RequestHeader(name = IdempotentCommands.KEY_HEADER, required = false) String key,
            Authentication caller,
            HttpServletRequest request) {
        return once(
                caller,
                key,
                request,
                body,
                () -> ResponseEntity.ok(commands.start(
                        id,
                        step,
                        new StepCommands.Start(body.workcenter().strip(), blankToNull(body.lot())),
                        operators.resolve(caller, body.operatorBadge()))));
    }

    @PostMapping("/pause")
    ResponseEntity<?> pause(
            @PathVariable long id,
            @PathVariable int step,
            @Valid @RequestBody(required = false) NoteRequest body,
            @RequestHeader(name = IdempotentCommands.KEY_HEADER, required = false) String key,
            Authentication caller,
            HttpServletRequest request) {
        return noted(caller, key, request, body, (note, actor) -> commands.pause(id, step, note.reason(), actor));
    }

    @PostMapping("/resume")
    ResponseEntity<?> resume(
            @PathVariable long id,
            @PathVariable int step,
            @Valid @RequestBody(required = false) NoteRequest body,
            @RequestHeader(name = IdempotentCommands.KEY_HEADER, required = false) String key,
            Authentication caller,
            HttpServletRequest request) {
        return noted(caller, key, request, body, (note, actor) -> commands.resume(id, step, note.reason(), actor));
    }

    /**
     * Pieces from an operator or a machine: one increment ({@code quantity}, optional {@code countId}) or a batch
     * ({@code increments}). An increment whose {@code countId} was already counted on this step is dropped, so
     * machines can resend bursts safely.
     */
    @PostMapping("/count")
    ResponseEntity<?> count(
            @PathVariable long id,
            @PathVariable int step,
            @Valid @RequestBody CountRequest body,
            @RequestHeader(name = IdempotentCommands.KEY_HEADER, required = false) String key,
            Authentication caller,
            HttpServletRequest request) {
        return once(
                caller,
                key,
                request,
                body,
                () -> ResponseEntity.ok(commands.count(
                        id,
                        step,
                        new StepCommands.Count(
                                blankToNull(body.workcenter()),
                                body.source() == null ? CountSource.OPERATOR : body.source(),
                                body.toIncrements()),
                        operators.resolve(caller, body.operatorBadge()))));
    }

    /** Scrap ({@code SCRAP}, lost) or rework ({@code REWORK}, or its synonym {@code REUSE}) with a reason code. */
    @PostMapping("/quality")
    ResponseEntity<?> quality(
            @PathVariable long id,
            @PathVariable int step,
            @Valid @RequestBody QualityRequest body,
            @RequestHeader(name = IdempotentCommands.KEY_HEADER, required = false) String key,
            Authentication caller,
            HttpServletRequest request) {
        return once(
                caller,
                key,
                request,
                body,
                () -> ResponseEntity.ok(commands.quality(
                        id,
                        step,
                        new StepCommands.Quality(
                                "SCRAP".equals(body.disposition()) ? Disposition.SCRAP : Disposition.REWORK,
                                body.reasonCode().strip(),
                                body.quantity(),
                                blankToNull(body.lot()),
                                blankToNull(body.notes())),
                        operators.resolve(caller, body.operatorBadge()))));
    }

    /** Closes the step and releases its good pieces (complete sets, on kitting steps) to the next step. */
    @PostMapping("/complete")
    ResponseEntity<?> complete(
            @PathVariable long id,
            @PathVariable int step,
            @Valid @RequestBody(required = false) NoteRequest body,
            @RequestHeader(name = IdempotentCommands.KEY_HEADER, required = false) String key,
            Authentication caller,
            HttpServletRequest request) {
        return noted(caller, key, request, body, (note, actor) -> commands.complete(id, step, actor));
    }

    /** A command whose body is optional: a note (reason) and who it is for. */
    private ResponseEntity<?> noted(
            Authentication caller,
            String key,
            HttpServletRequest request,
            NoteRequest body,
            java.util.function.BiFunction<NoteRequest, Actor, StepView> command) {
        NoteRequest note = body == null ? NoteRequest.EMPTY : body.stripped();
        return once(
                caller,
                key,
                request,
                note,
                () -> ResponseEntity.ok(command.apply(note, operators.resolve(caller, note.operatorBadge()))));
    }

    private ResponseEntity<?> once(
            Authentication caller,
            String key,
            HttpServletRequest request,
            Object body,
            Supplier<ResponseEntity<?>> command) {
        String fingerprint = idempotent.fingerprint(request.getMethod(), request.getRequestURI(), body);
        return idempotent.execute(caller.getName(), key, fingerprint, command);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record StartRequest(
            @NotBlank @Size(max = 30) String workcenter,
            @Size(max = 60) String lot,
            @Size(max = 60) String operatorBadge) {}

    record NoteRequest(
            @Size(max = 500) String reason, @Size(max = 60) String operatorBadge) {
        static final NoteRequest EMPTY = new NoteRequest(null, null);

        NoteRequest stripped() {
            return new NoteRequest(blankToNull(reason), operatorBadge);
        }
    }

    record CountRequest(
            @Size(max = 30) String workcenter,
            CountSource source,
            @Positive @Max(100_000) Integer quantity,
            @Size(min = 1, max = 100) String countId,
            Instant countedAt,
            @Size(min = 1, max = 1000) List<@Valid @NotNull IncrementRequest> increments,
            @Size(max = 60) String operatorBadge) {

        @AssertTrue(message = "give either quantity (one increment) or increments (a batch), not both")
        boolean isOneForm() {
            return (quantity == null) != (increments == null);
        }

        List<Increment> toIncrements() {
            if (increments == null) {
                return quantity == null ? List.of() : List.of(new Increment(key(countId), quantity, countedAt));
            }
            return increments.stream()
                    .map(i -> new Increment(key(i.countId()), i.quantity(), i.countedAt()))
                    .toList();
        }

        private static String key(String countId) {
            return countId == null ? UUID.randomUUID().toString() : countId;
        }
    }

    record IncrementRequest(
            @Size(min = 1, max = 100) String countId,
            @NotNull @Positive @Max(100_000) Integer quantity,
            Instant countedAt) {}

    record QualityRequest(
            @NotNull @Pattern(regexp = "SCRAP|REWORK|REUSE", message = "must be SCRAP, REWORK or REUSE")
            String disposition,

            @NotBlank @Size(max = 30) String reasonCode,
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Size(max = 60) String lot,
            @Size(max = 500) String notes,
            @Size(max = 60) String operatorBadge) {}
}
