package com.renar.mes.platform.ratelimit;

import static com.renar.mes.platform.ratelimit.Clients.filter;
import static com.renar.mes.platform.ratelimit.Clients.get;
import static com.renar.mes.platform.ratelimit.Clients.login;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitFilterTests {

    private static final String ITEMS = "/api/v1/masterdata/items";

    private final ManualTime time = new ManualTime();
    private final LocalBucketStore store = new LocalBucketStore(time, 1_000);

    @Test
    void answersTooManyRequestsWithRetryAfterOnceTheBudgetIsSpent() {
        RateLimitFilter filter = filter(3, 10, store);
        for (int i = 0; i < 3; i++) {
            assertThat(get(filter, "10.0.0.1", ITEMS).passed()).isTrue();
        }

        var refused = get(filter, "10.0.0.1", ITEMS);

        assertThat(refused.passed()).isFalse();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.response().getHeader("Retry-After")).isEqualTo("20"); // 3 per minute: one every 20 s
        assertThat(refused.response().getContentType()).startsWith("application/problem+json");
        assertThat(refused.body())
                .contains("\"type\":\"https://mes.renar.com.br/problems/rate-limited\"")
                .contains("\"status\":429")
                .contains("\"instance\":\"" + ITEMS + "\"");
    }

    @Test
    void givesLoginAStricterBudgetOfItsOwn() {
        RateLimitFilter filter = filter(5, 2, store);
        assertThat(login(filter, "10.0.0.2").passed()).isTrue();
        assertThat(login(filter, "10.0.0.2").passed()).isTrue();

        var thirdLogin = login(filter, "10.0.0.2");
        assertThat(thirdLogin.status()).isEqualTo(429);
        assertThat(thirdLogin.response().getHeader("Retry-After")).isEqualTo("30");

        for (int i = 0; i < 5; i++) {
            assertThat(get(filter, "10.0.0.2", ITEMS).passed())
                    .as("API request %d after logins", i + 1)
                    .isTrue();
        }
        assertThat(get(filter, "10.0.0.2", ITEMS).status()).isEqualTo(429);
    }

    @Test
    void countsEveryClientAddressOnItsOwn() {
        RateLimitFilter filter = filter(1, 1, store);
        assertThat(get(filter, "10.0.0.3", ITEMS).passed()).isTrue();
        assertThat(get(filter, "10.0.0.3", ITEMS).passed()).isFalse();
        assertThat(get(filter, "10.0.0.4", ITEMS).passed()).isTrue();
    }

    @Test
    void givesARequestBackAsTheBucketRefills() {
        RateLimitFilter filter = filter(3, 3, store);
        for (int i = 0; i < 3; i++) {
            get(filter, "10.0.0.5", ITEMS);
        }
        assertThat(get(filter, "10.0.0.5", ITEMS).passed()).isFalse();

        time.advance(Duration.ofSeconds(20));

        assertThat(get(filter, "10.0.0.5", ITEMS).passed()).isTrue();
        assertThat(get(filter, "10.0.0.5", ITEMS).passed()).isFalse();
    }

    @Test
    void neverAsksToRetryInLessThanOneSecond() {
        RateLimitFilter filter = filter(600, 600, store); // one token every 100 ms
        for (int i = 0; i < 600; i++) {
            get(filter, "10.0.0.6", ITEMS);
        }
        var refused = get(filter, "10.0.0.6", ITEMS);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.response().getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void leavesEverythingOutsideTheApiAlone() {
        RateLimitFilter filter = filter(1, 1, store);
        for (int i = 0; i < 5; i++) {
            assertThat(get(filter, "10.0.0.7", "/health").passed()).isTrue();
        }
        assertThat(store.size()).isZero();
    }

    @Test
    void letsEveryRequestThroughWhenDisabled() {
        RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(false, 1, 1), store, Clients.PROBLEMS);
        for (int i = 0; i < 5; i++) {
            assertThat(get(filter, "10.0.0.8", ITEMS).passed()).isTrue();
            assertThat(login(filter, "10.0.0.8").passed()).isTrue();
        }
    }

    @Test
    void letsRequestsThroughWhenTheBucketStoreFails() {
        BucketStore broken = new BucketStore() {
            @Override
            public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
                throw new IllegalStateException("Redis is down");
            }
        };
        RateLimitFilter filter = filter(1, 1, broken);
        for (int i = 0; i < 3; i++) {
            var exchange = get(filter, "10.0.0.9", ITEMS);
            assertThat(exchange.passed()).isTrue();
            assertThat(exchange.status()).isEqualTo(200);
        }
    }
}
