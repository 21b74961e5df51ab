package com.renar.mes.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Buckets in Redis (Bucket4j's compare-and-swap proxy over Lettuce), so that every instance behind a load
 * balancer draws from the same budget. Keys are {@code <prefix><bucket key>} and expire a little after the bucket
 * would be full again, so Redis holds only recently active clients.
 *
 * <p>Redis is an aid here, not a dependency the API may fail on: the first connection is made lazily, and while
 * Redis is unreachable every call fails fast (commands are rejected while disconnected, and time out after
 * {@link #TIMEOUT}) so the caller can let the request through. A failed connection attempt is retried at most
 * every {@link #RECONNECT_EVERY}; once connected, Lettuce reconnects by itself.
 */
final class RedisBucketStore implements BucketStore {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final Duration RECONNECT_EVERY = Duration.ofSeconds(10);
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final RedisClient client;
    private final String keyPrefix;
    private final TimeMeter time;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;
    private volatile long nextConnectAttempt = System.nanoTime();

    /**
     * @param url {@code redis://[:password@]host:port[/database]}
     * @param keyPrefix prepended to every key, e.g. {@code mes:rl:}
     * @param time the clock buckets refill by; it must be wall-clock based, since instances share the state
     */
    RedisBucketStore(String url, String keyPrefix, TimeMeter time) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        this.keyPrefix = keyPrefix;
        this.time = time;
    }

    /** Where Redis is, without credentials, for log lines. */
    static String describe(String url) {
        RedisURI uri = RedisURI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return proxies().getProxy(keyPrefix + key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    private ProxyManager<String> proxies() {
        ProxyManager<String> current = buckets;
        if (current != null) {
            return current;
        }
        if (!connecting.tryLock()) {
            throw new IllegalStateException("Redis connection is being established");
        }
        try {
            if (buckets != null) {
                return buckets;
            }
            long now = System.nanoTime();
            if (now - nextConnectAttempt < 0) {
                throw new IllegalStateException("Redis is not connected; retrying in at most " + RECONNECT_EVERY);
            }
            nextConnectAttempt = now + RECONNECT_EVERY.toNanos();
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .clientClock(time)
                    .requestTimeout(TIMEOUT)
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                    .build();
            return buckets;
        } finally {
            connecting.unlock();
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown();
    }
}
