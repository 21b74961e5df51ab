package com.renar.mes.orders.erp;

import java.time.Duration;

/**
 * How often and how patiently to retry a call that failed for a transient reason: exponential backoff, {@code
 * baseDelay × 2^(n-1)} before retry {@code n}, capped at {@code maxDelay}. No jitter: one instance syncs at a time
 * (the sync takes a lock), so there is no herd to spread.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param baseDelay delay before the first retry
 * @param maxDelay longest delay, also the cap on a server's {@code Retry-After}
 */
record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** The delay after the given failed attempt (1-based), before the next one. */
    Duration delayAfter(int failedAttempt) {
        int doublings = Math.max(0, failedAttempt - 1);
        if (doublings >= 31) {
            return maxDelay;
        }
        Duration delay;
        try {
            delay = baseDelay.multipliedBy(1L << doublings);
        } catch (ArithmeticException overflow) {
            return maxDelay;
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The backoff delay, or what the server asked for when it asked for longer, never above {@code maxDelay}. */
    Duration delayAfter(int failedAttempt, Duration serverAsked) {
        Duration delay = delayAfter(failedAttempt);
        if (serverAsked != null && serverAsked.compareTo(delay) > 0) {
            delay = serverAsked.compareTo(maxDelay) > 0 ? maxDelay : serverAsked;
        }
        return delay;
    }
}
