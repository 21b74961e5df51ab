package com.renar.mes.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/events}: what a dashboard that was away asks for. */
@MesIntegrationTest
class EventCatchUpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    JsonMapper json;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Test
    void returnsTheEventsAfterAnIdUpToTheLimitAndWhereToContinue() {
        long orderId = uniqueOrderId();
        TestPlantEvent first = publish(orderId, null, "one");
        TestPlantEvent second = publish(orderId, null, "two");
        TestPlantEvent third = publish(orderId, null, "three");

        JsonNode all = page("after=0&orderId=" + orderId, Role.OPERATOR);
        assertThat(eventIds(all)).containsExactly(first.eventId(), second.eventId(), third.eventId());
        JsonNode item = all.path("events").get(0);
        assertThat(item.path("id").asLong()).isEqualTo(logId(first));
        assertThat(item.path("eventType").asString()).isEqualTo("TEST_EVENT");
        assertThat(item.path("orderId").asLong()).isEqualTo(orderId);
        assertThat(item.path("occurredAt").asString()).isNotBlank();
        assertThat(item.path("payload").path("note").asString()).isEqualTo("one");

        JsonNode firstTwo = page("after=0&limit=2&orderId=" + orderId, Role.SUPERVISOR);
        assertThat(eventIds(firstTwo)).containsExactly(first.eventId(), second.eventId());
        assertThat(firstTwo.path("nextAfter").asLong()).isEqualTo(logId(second));

        JsonNode rest = page("after=" + logId(second) + "&orderId=" + orderId, Role.PCP);
        assertThat(eventIds(rest)).containsExactly(third.eventId());
        JsonNode nothingNew = page("after=" + logId(third) + "&orderId=" + orderId, Role.MANAGER);
        assertThat(eventIds(nothingNew)).isEmpty();
        assertThat(nothingNew.path("nextAfter").asLong()).isEqualTo(logId(third));

        // Without a filter the same place in the log serves every event after it.
        assertThat(eventIds(page("after=" + logId(first) + "&limit=1000", Role.OPERATOR)))
                .contains(second.eventId(), third.eventId())
                .doesNotContain(first.eventId());
    }

    @Test
    void filtersByWorkcenter() {
        String workcenter = "RT-WC-" + ThreadLocalRandom.current().nextInt(1_000_000);
        TestPlantEvent here = publish(null, workcenter, "here");
        publish(null, workcenter + "X", "elsewhere");

        JsonNode page = page("workcenter=" + workcenter, Role.OPERATOR);

        assertThat(eventIds(page)).containsExactly(here.eventId());
        assertThat(page.path("events").get(0).path("workcenter").asString()).isEqualTo(workcenter);
    }

    /**
     * The case that makes id order unsafe: transaction T1 starts first, T2 writes event id n and stays open, T1
     * writes id n+1 and commits. A reader by id would hand out n+1, be asked for what comes after n+1, and never
     * return n. In transaction order n+1 (of the older transaction) comes first and n after it.
     */
    @Test
    void aClientContinuingFromTheLastEventItSawNeverMissesOneThatCommitsLate() throws Exception {
        long orderId = uniqueOrderId();
        UUID smallerId = UUID.randomUUID();
        UUID largerId = UUID.randomUUID();
        try (EventLogRows olderTransaction = new EventLogRows(dataSource);
                EventLogRows laterTransaction = new EventLogRows(dataSource)) {
            olderTransaction.takeTransactionId();
            long n = laterTransaction.insert(smallerId, orderId);
            long nPlusOne = olderTransaction.insert(largerId, orderId);
            assertThat(nPlusOne).isGreaterThan(n);
            olderTransaction.commit();

            JsonNode whileOpen = page("after=0&orderId=" + orderId, Role.OPERATOR);
            assertThat(eventIds(whileOpen)).containsExactly(largerId);
            assertThat(whileOpen.path("nextAfter").asLong()).isEqualTo(nPlusOne);
            JsonNode stillOpen = page("after=" + nPlusOne + "&orderId=" + orderId, Role.OPERATOR);
            assertThat(eventIds(stillOpen)).isEmpty();

            laterTransaction.commit();

            JsonNode afterCommit = page("after=" + nPlusOne + "&orderId=" + orderId, Role.OPERATOR);
            assertThat(eventIds(afterCommit)).containsExactly(smallerId);
            assertThat(eventIds(page("after=0&orderId=" + orderId, Role.OPERATOR)))
                    .containsExactly(largerId, smallerId);
        }
    }

    @Test
    void rejectsBadParametersAsValidationProblems() {
        for (String query :
                List.of("limit=0", "limit=1001", "after=-1", "orderId=0", "after=abc", "workcenter=a%20b")) {
            MvcTestResult result = mvc.get()
                    .uri("/api/v1/events?" + query)
                    .header("Authorization", tokens.bearer(Role.OPERATOR))
                    .exchange();
            assertThat(result).as(query).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result)
                    .as(query)
                    .bodyJson()
                    .extractingPath("$.type")
                    .isEqualTo("https://mes.renar.com.br/problems/validation");
        }
    }

    @Test
    void requiresAToken() {
        assertThat(mvc.get().uri("/api/v1/events").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode page(String query, Role role) {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/events?" + query)
                .header("Authorization", tokens.bearer(role))
                .exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private TestPlantEvent publish(Long orderId, String workcenter, String note) {
        TestPlantEvent event = TestPlantEvent.of(orderId, workcenter, note);
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
        return event;
    }

    private long logId(TestPlantEvent event) {
        return jdbc.sql("select id from event_log where event_id = :id")
                .param("id", event.eventId())
                .query(Long.class)
                .single();
    }

    private static List<UUID> eventIds(JsonNode page) {
        return page.path("events")
                .valueStream()
                .map(e -> UUID.fromString(e.path("eventId").asString()))
                .toList();
    }

    private static long uniqueOrderId() {
        return ThreadLocalRandom.current().nextLong(5_000_000_000L, 6_000_000_000L);
    }
}
