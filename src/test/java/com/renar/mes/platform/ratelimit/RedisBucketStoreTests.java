package com.renar.mes.platform.ratelimit;

import static com.renar.mes.platform.ratelimit.Clients.filter;
import static com.renar.mes.platform.ratelimit.Clients.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.support.ExternalServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Buckets in the machine's Redis: what makes the limit hold when several instances serve the plant. */
class RedisBucketStoreTests {

    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String ITEMS = "/api/v1/masterdata/items";

    /** Each run uses keys of its own, so runs (and developers) sharing one Redis do not collide. */
    private final String prefix = "mes:rl:test-" + UUID.randomUUID() + ":";

    private final ManualTime time = new ManualTime();
    private final List<BucketStore> stores = new java.util.ArrayList<>();

    @AfterEach
    void cleanUp() {
        stores.forEach(BucketStore::close);
        if (stores.stream().anyMatch(RedisBucketStore.class::isInstance)) {
            try (RedisClient client = RedisClient.create(REDIS);
                    StatefulRedisConnection<String, String> redis = client.connect()) {
                List<String> keys = redis.sync().keys(prefix + "*");
                if (!keys.isEmpty()) {
                    redis.sync().del(keys.toArray(String[]::new));
                }
            }
        }
    }

    @Test
    void twoInstancesOnOneRedisShareOneBudget() {
        ExternalServices.assumeServiceReachable("127.0.0.1", 6379, "Redis");
        RateLimitFilter instanceA = filter(4, 2, store(REDIS));
        RateLimitFilter instanceB = filter(4, 2, store(REDIS));

        assertThat(get(instanceA, "10.0.2.1", ITEMS).passed()).isTrue();
        assertThat(get(instanceB, "10.0.2.1", ITEMS).passed()).isTrue();
        assertThat(get(instanceA, "10.0.2.1", ITEMS).passed()).isTrue();
        assertThat(get(instanceB, "10.0.2.1", ITEMS).passed()).isTrue();

        var refusedByA = get(instanceA, "10.0.2.1", ITEMS);
        var refusedByB = get(instanceB, "10.0.2.1", ITEMS);
        assertThat(refusedByA.status()).isEqualTo(429);
        assertThat(refusedByB.status()).isEqualTo(429);
        assertThat(refusedByB.response().getHeader("Retry-After")).isEqualTo("15");
        assertThat(get(instanceB, "10.0.2.2", ITEMS).passed())
                .as("another client has its own budget")
                .isTrue();
    }

    @Test
    void storesBucketsUnderThePrefixWithAnExpiry() {
        ExternalServices.assumeServiceReachable("127.0.0.1", 6379, "Redis");
        RateLimitFilter filter = filter(4, 2, store(REDIS));
        get(filter, "10.0.2.3", ITEMS);

        try (RedisClient client = RedisClient.create(REDIS);
                StatefulRedisConnection<String, String> redis = client.connect()) {
            assertThat(redis.sync().keys(prefix + "*")).containsExactly(prefix + "api:10.0.2.3");
            assertThat(redis.sync().pttl(prefix + "api:10.0.2.3"))
                    .as("expires once the bucket would be full again (plus a margin), in ms")
                    .isPositive()
                    .isLessThanOrEqualTo(75_000L);
        }
    }

    @Test
    void letsRequestsThroughWhileRedisIsUnreachable() throws IOException {
        RateLimitFilter filter = filter(1, 1, store("redis://127.0.0.1:" + closedPort()));

        for (int i = 0; i < 3; i++) {
            var exchange = get(filter, "10.0.2.4", ITEMS);
            assertThat(exchange.passed()).isTrue();
            assertThat(exchange.status()).isEqualTo(200);
        }
    }

    private RedisBucketStore store(String url) {
        RedisBucketStore store = new RedisBucketStore(url, prefix, time);
        stores.add(store);
        return store;
    }

    /** A port nobody listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
