package com.renar.mes.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalBucketStoreTests {

    private final ManualTime time = new ManualTime();
    private final RateLimitProperties limits = new RateLimitProperties(true, 2, 2);

    @Test
    void forgetsClientsIdleLongEnoughForTheirBucketToBeFullAgain() {
        LocalBucketStore store = new LocalBucketStore(time, 1_000);
        store.tryConsume("api:10.0.0.1", limits.api());
        store.tryConsume("api:10.0.0.2", limits.api());
        time.advance(Duration.ofSeconds(30));
        store.tryConsume("api:10.0.0.2", limits.api());
        assertThat(store.size()).isEqualTo(2);

        time.advance(LocalBucketStore.FORGET_AFTER);
        store.tryConsume("api:10.0.0.3", limits.api());

        assertThat(store.size())
                .as("10.0.0.3 only; .1 and .2 were idle a full minute")
                .isEqualTo(1);
    }

    @Test
    void keepsTheStateOfAClientSeenWithinTheLastMinute() {
        LocalBucketStore store = new LocalBucketStore(time, 1_000);
        store.tryConsume("api:10.0.0.4", limits.api());
        store.tryConsume("api:10.0.0.4", limits.api());
        store.tryConsume("api:10.0.0.5", limits.api());
        time.advance(Duration.ofSeconds(59)); // 2 per minute: 1.97 tokens back
        assertThat(store.tryConsume("api:10.0.0.4", limits.api()).isConsumed()).isTrue();

        time.advance(Duration.ofSeconds(2)); // the sweep is due: .5 was idle 61 s, .4 only 2 s

        assertThat(store.tryConsume("api:10.0.0.4", limits.api()).isConsumed()).isTrue();
        assertThat(store.tryConsume("api:10.0.0.4", limits.api()).isConsumed())
                .as("a forgotten bucket would have started full again")
                .isFalse();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void refusesToTrackMoreClientsThanItsBound() {
        LocalBucketStore store = new LocalBucketStore(time, 3);
        for (int i = 1; i <= 3; i++) {
            store.tryConsume("api:10.0.1." + i, limits.api());
        }

        assertThatThrownBy(() -> store.tryConsume("api:10.0.1.4", limits.api()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.tryConsume("api:10.0.1.1", limits.api()).isConsumed())
                .as("known clients are still served")
                .isTrue();
    }
}
