package com.renar.mes.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests control. Built with a start instant it stands still until moved; built without one it follows
 * system time until a test fixes it. The application's clock in integration tests is one of these (shared by all
 * of them): a test that fixes it must {@link #reset()} it afterwards.
 */
public final class MutableClock extends Clock {

    private volatile Instant fixed;

    /** Follows system time until fixed. */
    public MutableClock() {}

    /** Stands at {@code start} until moved. */
    public MutableClock(Instant start) {
        this.fixed = start;
    }

    public void fixAt(Instant instant) {
        this.fixed = instant;
    }

    public void advance(Duration duration) {
        Instant base = fixed == null ? Instant.now() : fixed;
        this.fixed = base.plus(duration);
    }

    /** Back to system time. */
    public void reset() {
        this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
