package com.renar.mes.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void everyEventGoesToThePlantTopicAndToItsOrderAndWorkcenterWhenItHasThem() {
        assertThat(Topics.of(event(42L, "CNC-01")))
                .containsExactly("/topic/plant", "/topic/workcenters/CNC-01", "/topic/ops/42");
        assertThat(Topics.of(event(null, null))).containsExactly("/topic/plant");
        assertThat(Topics.of(event(7L, " "))).containsExactly("/topic/plant", "/topic/ops/7");
    }

    @Test
    void clientsMaySubscribeToThePlantTopicsOnly() {
        assertThat(Topics.isSubscribable("/topic/plant")).isTrue();
        assertThat(Topics.isSubscribable("/topic/workcenters/PNT-01")).isTrue();
        assertThat(Topics.isSubscribable("/topic/ops/123")).isTrue();

        assertThat(Topics.isSubscribable(null)).isFalse();
        assertThat(Topics.isSubscribable("/topic/plant/extra")).isFalse();
        assertThat(Topics.isSubscribable("/topic/ops/abc")).isFalse();
        assertThat(Topics.isSubscribable("/topic/workcenters/*")).isFalse();
        assertThat(Topics.isSubscribable("/topic/workcenters/**")).isFalse();
        assertThat(Topics.isSubscribable("/topic/**")).isFalse();
        assertThat(Topics.isSubscribable("/queue/orders")).isFalse();
        assertThat(Topics.isSubscribable("/user/queue/errors")).isFalse();
    }

    private static RelayedEvent event(Long orderId, String workcenter) {
        return new RelayedEvent(1, UUID.randomUUID(), "TEST_EVENT", Instant.EPOCH, orderId, workcenter, null);
    }
}
