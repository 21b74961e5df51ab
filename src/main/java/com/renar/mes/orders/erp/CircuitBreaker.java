package com.renar.mes.orders.erp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consecutive-failure circuit breaker (see ADR 0005 for why not a library). {@code CLOSED}: calls pass; {@code
 * failureThreshold} failures in a row open it. {@code OPEN}: calls fail fast with {@link ErpCircuitOpenException}
 * until {@code openDuration} has passed on the injected clock. {@code HALF_OPEN}: exactly one trial call passes;
 * its success closes the circuit, its failure opens it again for another {@code openDuration}; other calls fail
 * fast meanwhile.
 *
 * <p>Each guarded call must end in exactly one of {@link #onSuccess()}, {@link #onFailure()} or {@link
 * #onNoVerdict()} after a successful {@link #acquirePermission()}. Thread-safe.
 */
final class CircuitBreaker {

    enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

    private final String name;
    private final int failureThreshold;
    private final Duration openDuration;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;

    CircuitBreaker(String name, int failureThreshold, Duration openDuration, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
        }
        this.name = name;
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
        this.clock = clock;
    }

    /** Lets a call through, or throws when the circuit is open (or half-open with its trial call running). */
    synchronized void acquirePermission() {
        switch (state) {
            case CLOSED -> {}
            case OPEN -> {
                if (clock.instant().isBefore(openUntil)) {
                    throw new ErpCircuitOpenException(
                            "ERP circuit '" + name + "' is open after " + consecutiveFailures
                                    + " consecutive failures; failing fast until " + openUntil,
                            openUntil);
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                log.info("ERP circuit '{}' half-open: letting one trial call through", name);
            }
            case HALF_OPEN -> {
                if (trialInFlight) {
                    throw new ErpCircuitOpenException(
                            "ERP circuit '" + name + "' is half-open and its trial call is still running",
                            clock.instant());
                }
                trialInFlight = true;
            }
        }
    }

    /** The call reached the ERP and the ERP is healthy (any answer that is not a transient failure). */
    synchronized void onSuccess() {
        if (state != State.CLOSED) {
            log.info("ERP circuit '{}' closed again", name);
        }
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /** The call failed for a transient reason (connection, timeout, 5xx, 429). */
    synchronized void onFailure() {
        trialInFlight = false;
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            if (state != State.OPEN) {
                log.warn(
                        "ERP circuit '{}' opened after {} consecutive failures; failing fast for {}",
                        name,
                        consecutiveFailures,
                        openDuration);
            }
            state = State.OPEN;
            openUntil = clock.instant().plus(openDuration);
        }
    }

    /** The call ended without telling anything about the ERP's health (e.g. the caller was interrupted). */
    synchronized void onNoVerdict() {
        trialInFlight = false;
    }

    /** The state as of the last call; an open circuit whose wait has passed turns half-open on the next call. */
    synchronized State state() {
        return state;
    }
}
