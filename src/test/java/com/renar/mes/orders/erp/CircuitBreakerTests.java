package com.renar.mes.orders.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renar.mes.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker("test", 2, Duration.ofSeconds(10), clock);

    private void fail() {
        breaker.acquirePermission();
        breaker.onFailure();
    }

    @Test
    void staysClosedWhileFailuresAreInterruptedBySuccess() {
        fail();
        breaker.acquirePermission();
        breaker.onSuccess();
        fail();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void opensAfterThresholdConsecutiveFailures() {
        fail();
        fail();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(breaker::acquirePermission).isInstanceOf(ErpCircuitOpenException.class);
    }

    @Test
    void letsOnlyOneTrialCallThroughWhenHalfOpen() {
        fail();
        fail();
        clock.advance(Duration.ofSeconds(10));

        breaker.acquirePermission();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThatThrownBy(breaker::acquirePermission)
                .isInstanceOf(ErpCircuitOpenException.class)
                .hasMessageContaining("trial call is still running");
    }

    @Test
    void freesTheTrialSlotWhenTheTrialEndsWithoutVerdict() {
        fail();
        fail();
        clock.advance(Duration.ofSeconds(10));
        breaker.acquirePermission();

        breaker.onNoVerdict();

        assertThatCode(breaker::acquirePermission).doesNotThrowAnyException();
    }

    @Test
    void reopensForAnotherFullWaitWhenTheTrialFails() {
        fail();
        fail();
        clock.advance(Duration.ofSeconds(10));
        fail();

        clock.advance(Duration.ofSeconds(9));
        assertThatThrownBy(breaker::acquirePermission)
                .isInstanceOf(ErpCircuitOpenException.class)
                .satisfies(e -> assertThat(((ErpCircuitOpenException) e).retryAfter())
                        .isEqualTo(Instant.parse("2026-11-24T12:00:20Z")));
    }

    @Test
    void closesWhenTheTrialSucceeds() {
        fail();
        fail();
        clock.advance(Duration.ofSeconds(10));
        breaker.acquirePermission();
        breaker.onSuccess();

        fail();

        assertThat(breaker.state()).as("the failure count started over").isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
