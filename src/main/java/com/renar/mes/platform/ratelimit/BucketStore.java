package com.renar.mes.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the buckets live: in this process, or in Redis so that every instance draws from the same budget. */
interface BucketStore extends AutoCloseable {

    /**
     * Takes one token from the bucket under {@code key}, creating it full from {@code configuration} when it is
     * new or was forgotten. Throws when the store cannot answer; the caller decides what that means.
     */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    @Override
    default void close() {}
}
