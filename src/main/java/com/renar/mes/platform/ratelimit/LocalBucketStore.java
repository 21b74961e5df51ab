package com.renar.mes.platform.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in a map of this process. Every budget refills completely within {@link #FORGET_AFTER}, so a bucket idle
 * for that long is indistinguishable from a new one and is dropped by a sweep that runs at most once per that
 * period: the map holds the clients of roughly the last two minutes, not every client ever seen. As a last guard
 * against a flood of addresses it refuses to track more than {@code maxBuckets} at once (the caller lets such
 * requests through).
 */
final class LocalBucketStore implements BucketStore {

    static final Duration FORGET_AFTER = Duration.ofMinutes(1);
    static final int DEFAULT_MAX_BUCKETS = 100_000;

    private final TimeMeter time;
    private final int maxBuckets;
    private final long forgetAfterNanos = FORGET_AFTER.toNanos();
    private final ConcurrentHashMap<String, Tracked> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    LocalBucketStore(TimeMeter time, int maxBuckets) {
        this.time = time;
        this.maxBuckets = maxBuckets;
        this.nextSweep = new AtomicLong(time.currentTimeNanos() + forgetAfterNanos);
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        long now = time.currentTimeNanos();
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + forgetAfterNanos)) {
            sweep(now);
        }
        Tracked tracked = buckets.get(key);
        if (tracked == null) {
            if (buckets.size() >= maxBuckets) {
                sweep(now);
                if (buckets.size() >= maxBuckets) {
                    throw new IllegalStateException("More than " + maxBuckets + " clients in the last minute");
                }
            }
            tracked = buckets.computeIfAbsent(key, k -> new Tracked(newBucket(configuration)));
        }
        tracked.lastUsed = now;
        return tracked.bucket.tryConsumeAndReturnRemaining(1);
    }

    /** How many clients are tracked right now. */
    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        buckets.values().removeIf(tracked -> now - tracked.lastUsed >= forgetAfterNanos);
    }

    private Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        for (var bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    private static final class Tracked {
        final Bucket bucket;
        volatile long lastUsed;

        Tracked(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
