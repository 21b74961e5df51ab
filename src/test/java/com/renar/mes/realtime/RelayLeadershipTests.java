package com.renar.mes.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renar.mes.realtime.EventRelay.State;
import com.renar.mes.support.MesIntegrationTest;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays as several instances run them with Redis: one leader at a time (the advisory lock), the next one
 * continuing from the stored cursor, and a batch that could not be handed on read again. The relays here are
 * extra ones on the test database, delivering to recording sinks; the application's own relay (no Redis in this
 * context) takes no lock and keeps no cursor.
 */
@MesIntegrationTest
class RelayLeadershipTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final RealtimeProperties FAST = new RealtimeProperties(
            Duration.ofMillis(200), 500, null, Duration.ofMillis(200), Duration.ofMillis(400), null, null, null, null);

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @BeforeEach
    void noPreviousLeader() {
        jdbc.sql("delete from event_relay_cursor where name = :name")
                .param("name", EventRelay.CURSOR)
                .update();
    }

    @Test
    void oneRelayLeadsAndTheNextContinuesWhereItStopped() {
        RecordingSink firstSink = new RecordingSink(true);
        RecordingSink secondSink = new RecordingSink(true);
        EventRelay first = relay(firstSink);
        EventRelay second = relay(secondSink);
        try {
            first.start();
            await().atMost(WAIT).until(() -> first.state() == State.RELAYING);
            second.start();
            await().atMost(WAIT).until(() -> second.state() == State.FOLLOWING);

            TestPlantEvent beforeHandOver = publish("while the first leads");
            await().atMost(WAIT)
                    .until(() -> !firstSink.received(beforeHandOver.eventId()).isEmpty());

            first.stop();
            TestPlantEvent duringHandOver = publish("between leaders");

            await().atMost(WAIT).until(() -> second.state() == State.RELAYING);
            await().atMost(WAIT)
                    .until(() -> !secondSink.received(duringHandOver.eventId()).isEmpty());
            // The second leader started where the first had stored its place: nothing before it again...
            assertThat(secondSink.received(beforeHandOver.eventId())).isEmpty();
            // ...and while the first led, the second handed on nothing.
            assertThat(firstSink.received(duringHandOver.eventId())).isEmpty();
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void aBatchThatCouldNotBeHandedOnIsReadAgainWithTheSameEventIds() {
        RecordingSink sink = new RecordingSink(true);
        EventRelay relay = relay(sink);
        try {
            relay.start();
            await().atMost(WAIT).until(() -> relay.state() == State.RELAYING);
            sink.failAfterRecording(1);

            TestPlantEvent event = publish("handed on twice");

            await().atMost(WAIT).until(() -> sink.received(event.eventId()).size() >= 2);
            assertThat(sink.received(event.eventId()))
                    .extracting(RelayedEvent::eventId)
                    .containsOnly(event.eventId());
            assertThat(sink.received(event.eventId()).get(1))
                    .isEqualTo(sink.received(event.eventId()).get(0));
        } finally {
            relay.stop();
        }
    }

    @Test
    void stopsItsThreadWhenStopped() {
        EventRelay relay = relay(new RecordingSink(false));
        relay.start();
        await().atMost(WAIT).until(() -> relay.state() == State.RELAYING);

        relay.stop();

        assertThat(relay.isRunning()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals("realtime-relay-test") && t.isAlive());
    }

    private EventRelay relay(RelaySink sink) {
        return new EventRelay(new RelayConnections(dataSource), sink, json, FAST, "realtime-relay-test");
    }

    private TestPlantEvent publish(String note) {
        TestPlantEvent event = TestPlantEvent.of(null, null, note);
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
        return event;
    }
}
