package com.renar.mes.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.renar.mes.realtime.EventLogReader.Position;
import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The relay's reading rule: in commit order, never skipping an event whose transaction commits late. */
@MesIntegrationTest
class EventRelayTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestTokens tokens;

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

    @Test
    void anEventWhoseTransactionCommitsLateIsRelayedNotSkipped() throws Exception {
        long orderId = ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
        String topic = Topics.OPS + orderId;
        EventLogReader reader = new EventLogReader(jdbc, json);
        Position start = Position.atHorizon(reader.horizon());
        UUID early = UUID.randomUUID();
        TestPlantEvent late = TestPlantEvent.of(orderId, null, "committed first");

        try (StompTestClient dashboard = StompTestClient.connect(port, tokens.bearer(Role.OPERATOR));
                EventLogRows held = new EventLogRows(dataSource)) {
            dashboard.subscribe(context, topic);

            held.insert(early, orderId); // written first, committed last
            transactions.executeWithoutResult(status -> publisher.publishEvent(late));

            // The later event is committed but waits behind the older transaction that is still open.
            assertThat(eventIds(reader.readAfter(start, 1000).events())).doesNotContain(early, late.eventId());

            held.commit();

            assertThat(eventIds(reader.readAfter(start, 1000).events())).containsSubsequence(early, late.eventId());
            await().atMost(StompTestClient.WAIT)
                    .until(() -> dashboard.received(topic).size() >= 2);
            assertThat(dashboard.received(topic))
                    .extracting(m -> m.path("eventId").asString())
                    .containsExactly(early.toString(), late.eventId().toString());
        }
    }

    @Test
    void aReaderStartingFromAStoredCursorGetsTheSameEventsWithTheSameIds() {
        EventLogReader reader = new EventLogReader(jdbc, json);
        RelayCursor cursor =
                new RelayCursor(jdbc, "test-" + UUID.randomUUID().toString().substring(0, 8));
        cursor.save(reader.horizon());
        TestPlantEvent event = TestPlantEvent.of(null, "RT-REDELIVER", "sent twice");
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));

        // One leader reads it and hands it on, then dies before storing where it got to; the next starts over.
        List<RelayedEvent> first =
                reader.readAfter(Position.atHorizon(cursor.load()), 1000).events();
        List<RelayedEvent> again =
                reader.readAfter(Position.atHorizon(cursor.load()), 1000).events();

        RelayedEvent delivered = only(first, event.eventId());
        RelayedEvent redelivered = only(again, event.eventId());
        assertThat(redelivered.eventId()).isEqualTo(event.eventId());
        assertThat(redelivered).isEqualTo(delivered);
    }

    @Test
    void aStoredCursorNeverMovesBack() {
        RelayCursor cursor =
                new RelayCursor(jdbc, "test-" + UUID.randomUUID().toString().substring(0, 8));
        cursor.save(1000);
        cursor.save(900);
        assertThat(cursor.load()).isEqualTo(1000L);
        cursor.save(1100);
        assertThat(cursor.load()).isEqualTo(1100L);
    }

    private static RelayedEvent only(List<RelayedEvent> events, UUID eventId) {
        return events.stream()
                .filter(e -> e.eventId().equals(eventId))
                .reduce((a, b) -> {
                    throw new AssertionError("read twice in one pass: " + eventId);
                })
                .orElseThrow(() -> new AssertionError("not read: " + eventId));
    }

    private static List<UUID> eventIds(List<RelayedEvent> events) {
        return events.stream().map(RelayedEvent::eventId).toList();
    }
}
