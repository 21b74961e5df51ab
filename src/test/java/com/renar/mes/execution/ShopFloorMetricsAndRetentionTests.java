package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.MutableClock;
import com.renar.mes.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The shop-floor metrics on the Prometheus endpoint, and what happens to idempotency keys when they expire. */
@MesIntegrationTest
class ShopFloorMetricsAndRetentionTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ScanKeyPurge scanKeys;

    @LocalManagementPort
    int managementPort;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private ShopFloor floorWithStartedOrder(long[] order, String[] workcenter) {
        ShopFloor floor = new ShopFloor(mvc, tokens, jdbc);
        String part = floor.item("PART", "COMPONENT");
        workcenter[0] = floor.workcenter("CNC", "CNC");
        floor.routing(part, "CNC", workcenter[0]);
        order[0] = floor.order(part, 10);
        assertThat(floor.start(order[0], 10, workcenter[0])).hasStatusOk();
        return floor;
    }

    @Test
    void publishesExecutionEventsPiecesAndQualityPerWorkcenterAndDisposition() throws Exception {
        long[] order = new long[1];
        String[] workcenter = new String[1];
        ShopFloor floor = floorWithStartedOrder(order, workcenter);
        floor.count(order[0], 10, 7);
        floor.scrap(order[0], 10, 2, "SCR-DIM");

        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/metrics"))
                                .header("Accept", "text/plain")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics)
                .contains("execution_events_total{application=\"mes-renar\",event_type=\"PIECE_COUNTED\",workcenter=\""
                        + workcenter[0] + "\"} 1.0")
                .contains("execution_events_total{application=\"mes-renar\",event_type=\"STEP_STARTED\",workcenter=\""
                        + workcenter[0] + "\"} 1.0")
                .contains("piece_count_total{application=\"mes-renar\",workcenter=\"" + workcenter[0] + "\"} 7.0")
                .containsPattern("quality_events_total\\{application=\"mes-renar\",disposition=\"SCRAP\"} [1-9]");
    }

    @Test
    void forgetsScanKeysAfterTheRetentionButKeepsTheScans() {
        ShopFloor floor = new ShopFloor(mvc, tokens, jdbc);
        String key = "old-" + floor.tag;
        String saw = floor.workcenter("SAW", "OPTIMIZER");
        assertThat(floor.scan(key, "two words", saw, "OPTIMIZER", null)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);

        clock.fixAt(java.time.Instant.now().plus(Duration.ofDays(8)));
        assertThat(scanKeys.purge()).isPositive();

        assertThat(floor.count(
                        "select count(*) from scan where workcenter_code = ? and idempotency_key is null"
                                + " and request_hash is null and response_body is null and problem_type = 'unprocessable'",
                        saw))
                .isEqualTo(1);
        // the key is free again: the same key now records a new scan instead of replaying the old answer
        var again = floor.scan(key, "two words", saw, "OPTIMIZER", null);
        assertThat(again).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(again).doesNotContainHeader("Idempotent-Replayed");
        assertThat(floor.count("select count(*) from scan where workcenter_code = ?", saw))
                .isEqualTo(2);
    }
}
