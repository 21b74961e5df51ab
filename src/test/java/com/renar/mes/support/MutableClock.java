package com.renar.mes.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in integration tests: system time unless a test fixes it. A test that fixes it must
 * {@link #reset()} it afterwards (the context, and so the clock, is shared by all integration tests).
 */
public final class MutableClock extends Clock {

    private volatile Instant fixed;

    public void fixAt(Instant instant) {
        this.fixed = instant;
    }

    public void advance(Duration duration) {
        Instant base = fixed == null ? Instant.now() : fixed;
        this.fixed = base.plus(duration);
    }

    public void reset() {
        this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application clock is always UTC");
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
