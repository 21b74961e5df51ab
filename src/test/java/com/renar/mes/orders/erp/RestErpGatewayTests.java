package com.renar.mes.orders.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renar.mes.orders.erp.FakeErp.Response;
import com.renar.mes.support.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RestErpGatewayTests {

    private static final String API_KEY = "test-key-0123";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ErpOrderParser parser = new ErpOrderParser(ZoneId.of("America/Sao_Paulo"));
    private final CountDownLatch hungRequests = new CountDownLatch(1);
    private FakeErp erp;

    @BeforeEach
    void startFakeErp() throws IOException {
        erp = new FakeErp();
    }

    @AfterEach
    void stopFakeErp() {
        hungRequests.countDown();
        erp.close();
    }

    /** Page size 2, 3 attempts with 100 ms base delay (recorded, not slept), circuit opening after 3 failures. */
    private ErpProperties.Rest config(String baseUrl) {
        return new ErpProperties.Rest(
                baseUrl,
                API_KEY,
                null,
                2,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                new ErpProperties.Retry(3, Duration.ofMillis(100), Duration.ofSeconds(5)),
                new ErpProperties.CircuitBreaker(3, Duration.ofSeconds(30)));
    }

    private RestErpGateway gateway(ErpProperties.Rest config) {
        return new RestErpGateway(config, parser, RestErpGateway.httpClient(config), sleeps::add, clock);
    }

    private RestErpGateway gateway() {
        return gateway(config(erp.baseUrl()));
    }

    private static String order(String code) {
        return """
                {"orderCode": "%s", "itemCode": "CHAIR-01", "quantity": "10.5", "dueDate": "2026-12-01",
                 "priority": 1, "lots": ["%s-L1"]}""".formatted(code, code);
    }

    private static String page(int page, int totalPages, String... orders) {
        return """
                {"orders": [%s], "page": %d, "totalPages": %d}""".formatted(String.join(",", orders), page, totalPages);
    }

    private static Response okPage(int page, int totalPages, String... orders) {
        return Response.json(200, page(page, totalPages, orders));
    }

    private static List<ErpOrderPage> all(Stream<ErpOrderPage> pages) {
        try (pages) {
            return pages.toList();
        }
    }

    private static ProductionReport report(String id) {
        return new ProductionReport(
                id,
                "OP-1",
                new ProductionReport.Step(20, "CNC", "CNC-02"),
                new BigDecimal("12.5"),
                new BigDecimal("1"),
                BigDecimal.ZERO,
                Instant.parse("2026-11-24T08:00:00Z"),
                Instant.parse("2026-11-24T09:30:00Z"),
                List.of("L-1", "L-2"));
    }

    // ---- paging and authentication --------------------------------------------------------------------------------

    @Test
    void readsEveryPageWithPageSizeAndApiKey() {
        erp.answer(request -> {
            int page = Integer.parseInt(request.query("page"));
            return okPage(page, 3, order("OP-" + (2 * page + 1)), order("OP-" + (2 * page + 2)));
        });
        List<FetchProgress> progress = new ArrayList<>();

        List<ErpOrderPage> pages = all(gateway().fetchOrders(progress::add));

        assertThat(pages).extracting(ErpOrderPage::number).containsExactly(0, 1, 2);
        assertThat(pages.stream().flatMap(page -> page.accepted().stream()).map(ErpOrder::orderCode))
                .containsExactly("OP-1", "OP-2", "OP-3", "OP-4", "OP-5", "OP-6");
        assertThat(erp.requests()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/api/mes/orders");
            assertThat(request.query("size")).isEqualTo("2");
            assertThat(request.header("X-API-Key")).isEqualTo(API_KEY);
        });
        assertThat(erp.requests()).extracting(request -> request.query("page")).containsExactly("0", "1", "2");
        assertThat(progress)
                .containsExactly(
                        new FetchProgress(1, OptionalInt.of(3), 2, 0),
                        new FetchProgress(2, OptionalInt.of(3), 4, 0),
                        new FetchProgress(3, OptionalInt.of(3), 6, 0));
    }

    @Test
    void sendsApiKeyInConfiguredHeader() {
        erp.answer(request -> okPage(0, 1));
        ErpProperties.Rest defaults = config(erp.baseUrl() + "/");
        ErpProperties.Rest custom = new ErpProperties.Rest(
                defaults.baseUrl(),
                "other-key",
                "X-ERP-Token",
                defaults.pageSize(),
                defaults.connectTimeout(),
                defaults.readTimeout(),
                defaults.retry(),
                defaults.circuitBreaker());

        all(gateway(custom).fetchOrders());

        assertThat(erp.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/api/mes/orders");
            assertThat(request.header("X-ERP-Token")).isEqualTo("other-key");
            assertThat(request.header("X-API-Key")).isNull();
        });
    }

    @Test
    void fetchesNextPageOnlyWhenTheStreamAsksForIt() {
        erp.answer(
                request -> okPage(Integer.parseInt(request.query("page")), 50, order("OP-" + request.query("page"))));

        try (Stream<ErpOrderPage> pages = gateway().fetchOrders()) {
            assertThat(pages.findFirst()).isPresent();
        }

        assertThat(erp.requests()).hasSize(1);
    }

    @Test
    void readsAnEmptyOrderListAsOneEmptyPage() {
        erp.answer(request -> okPage(0, 0));

        List<ErpOrderPage> pages = all(gateway().fetchOrders());

        assertThat(pages)
                .singleElement()
                .satisfies(page -> assertThat(page.records()).isEmpty());
    }

    // ---- timeouts and retries ---------------------------------------------------------------------------------------

    @Test
    void givesUpWhenTheErpDoesNotAnswerWithinTheReadTimeout() {
        erp.answer(request -> {
            awaitQuietly(hungRequests);
            return okPage(0, 1);
        });
        ErpProperties.Rest defaults = config(erp.baseUrl());
        ErpProperties.Rest impatient = new ErpProperties.Rest(
                defaults.baseUrl(),
                API_KEY,
                null,
                2,
                Duration.ofSeconds(2),
                Duration.ofMillis(200),
                new ErpProperties.Retry(1, Duration.ofMillis(100), Duration.ofSeconds(1)),
                defaults.circuitBreaker());

        assertThatThrownBy(() -> all(gateway(impatient).fetchOrders()))
                .isInstanceOf(ErpUnavailableException.class)
                .hasMessageContaining("GET /orders?page=0 failed after 1 attempt(s), last: no answer within PT0.2S");
        assertThat(erp.requests()).hasSize(1);
    }

    @Test
    void retriesServerErrorsWithExponentialBackoffUntilSuccess() {
        erp.answerInTurn(
                Response.status(503), Response.json(500, "{\"error\":\"db down\"}"), okPage(0, 1, order("OP-1")));

        List<ErpOrderPage> pages = all(gateway().fetchOrders());

        assertThat(pages.get(0).accepted()).extracting(ErpOrder::orderCode).containsExactly("OP-1");
        assertThat(erp.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void waitsAsLongAsTheErpAsksWhenRateLimited() {
        erp.answerInTurn(Response.status(429).withHeader("Retry-After", "2"), okPage(0, 1));

        all(gateway().fetchOrders());

        assertThat(erp.requests()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void failsAsUnavailableWhenEveryAttemptFails() {
        erp.answer(request -> Response.status(502));

        assertThatThrownBy(() -> all(gateway().fetchOrders()))
                .isInstanceOf(ErpUnavailableException.class)
                .hasMessage("GET /orders?page=0 failed after 3 attempt(s), last: HTTP 502");
        assertThat(erp.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void doesNotRetryClientErrors() {
        erp.answer(request -> Response.json(400, "{\"error\":\"size must be at most 100\"}"));

        assertThatThrownBy(() -> all(gateway().fetchOrders()))
                .isInstanceOf(ErpProtocolException.class)
                .hasMessage("GET /orders?page=0 answered HTTP 400: {\"error\":\"size must be at most 100\"}");
        assertThat(erp.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void pointsAtTheApiKeyWhenTheErpRefusesAccess() {
        erp.answer(request -> Response.status(401));

        assertThatThrownBy(() -> all(gateway().fetchOrders()))
                .isInstanceOf(ErpProtocolException.class)
                .hasMessageContaining("HTTP 401 (check ERP_API_KEY and ERP_API_KEY_HEADER)");
        assertThat(erp.requests()).hasSize(1);
    }

    @Test
    void retriesWhenTheErpRefusesConnections() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() ->
                        all(gateway(config("http://127.0.0.1:" + closedPort)).fetchOrders()))
                .isInstanceOf(ErpUnavailableException.class)
                .hasMessageContaining("failed after 3 attempt(s), last: cannot connect");
        assertThat(sleeps).hasSize(2);
    }

    // ---- circuit breaker -------------------------------------------------------------------------------------------

    @Test
    void opensCircuitAfterConsecutiveFailuresAndFailsFastWithoutCallingTheErp() {
        erp.answer(request -> Response.status(503));
        RestErpGateway gateway = gateway();

        assertThatThrownBy(() -> all(gateway.fetchOrders())).isInstanceOf(ErpUnavailableException.class);
        assertThat(erp.requests()).hasSize(3);
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> all(gateway.fetchOrders()))
                .isInstanceOf(ErpCircuitOpenException.class)
                .hasMessageContaining("ERP circuit 'erp-rest' is open after 3 consecutive failures")
                .satisfies(e -> assertThat(((ErpCircuitOpenException) e).retryAfter())
                        .isEqualTo(Instant.parse("2026-11-24T12:00:30Z")));
        assertThatThrownBy(() -> gateway.report(report("R-1"))).isInstanceOf(ErpCircuitOpenException.class);
        assertThat(erp.requests()).as("an open circuit does not call the ERP").hasSize(3);
    }

    @Test
    void letsOneTrialCallThroughAfterTheWaitAndClosesWhenItSucceeds() {
        erp.answer(request -> Response.status(503));
        RestErpGateway gateway = gateway();
        assertThatThrownBy(() -> all(gateway.fetchOrders())).isInstanceOf(ErpUnavailableException.class);

        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> all(gateway.fetchOrders())).isInstanceOf(ErpCircuitOpenException.class);

        erp.answer(request -> okPage(0, 1, order("OP-1")));
        clock.advance(Duration.ofSeconds(1));
        assertThat(all(gateway.fetchOrders()))
                .singleElement()
                .satisfies(page -> assertThat(page.accepted()).hasSize(1));
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(erp.requests()).hasSize(4);
    }

    @Test
    void opensCircuitAgainWhenTheTrialCallFails() {
        erp.answer(request -> Response.status(503));
        RestErpGateway gateway = gateway();
        assertThatThrownBy(() -> all(gateway.fetchOrders())).isInstanceOf(ErpUnavailableException.class);
        clock.advance(Duration.ofSeconds(30));

        assertThatThrownBy(() -> all(gateway.fetchOrders()))
                .as("the trial fails, and the retry after it meets the reopened circuit")
                .isInstanceOf(ErpCircuitOpenException.class);

        assertThat(erp.requests()).hasSize(4);
        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void countsClientErrorsAsSignsOfLife() {
        erp.answerInTurn(Response.status(503), Response.status(503), Response.status(404), Response.status(503));
        RestErpGateway gateway = gateway();

        assertThatThrownBy(() -> all(gateway.fetchOrders())).isInstanceOf(ErpProtocolException.class);

        assertThat(gateway.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    // ---- malformed payloads ----------------------------------------------------------------------------------------

    @Test
    void reportsInvalidJsonClearly() {
        erp.answer(request -> Response.json(200, "{\"orders\": [ {\"orderCode\": \"OP-1\", "));

        assertThatThrownBy(() -> all(gateway().fetchOrders()))
                .isInstanceOf(ErpProtocolException.class)
                .hasMessageStartingWith("GET /orders?page=0: the answer is not valid JSON (")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void reportsAnswerWithoutOrdersArray() {
        erp.answer(request -> Response.json(200, "{\"items\": [], \"totalPages\": 1}"));

        assertThatThrownBy(() -> all(gateway().fetchOrders()))
                .isInstanceOf(ErpProtocolException.class)
                .hasMessage("GET /orders?page=0: the answer has no \"orders\" array");
    }

    @Test
    void reportsAnswerWithoutTotalPages() {
        erp.answer(request -> Response.json(200, "{\"orders\": []}"));

        assertThatThrownBy(() -> all(gateway().fetchOrders()))
                .isInstanceOf(ErpProtocolException.class)
                .hasMessage("GET /orders?page=0: the answer has no valid \"totalPages\"");
    }

    @Test
    void rejectsBadRecordsOfAPageAndKeepsTheOthers() {
        erp.answerInTurn(
                okPage(
                        0,
                        2,
                        order("OP-1"),
                        "{\"orderCode\": \"OP-2\", \"itemCode\": \"CHAIR-01\", \"quantity\": \"lots\","
                                + " \"dueDate\": \"2026-12-01\"}",
                        "\"just text\""),
                okPage(
                        1,
                        2,
                        "{\"orderCode\": \"OP-3\", \"itemCode\": \"CHAIR-01\", \"quantity\": 5,"
                                + " \"dueDate\": \"2026-02-30\"}",
                        order("OP-1"),
                        order("OP-4")));

        List<ErpOrderPage> pages = all(gateway().fetchOrders());

        assertThat(pages.stream().flatMap(page -> page.accepted().stream()).map(ErpOrder::orderCode))
                .containsExactly("OP-1", "OP-4");
        assertThat(pages.stream()
                        .flatMap(page -> page.rejected().stream())
                        .collect(Collectors.toMap(ErpRecordOutcome.Rejected::key, ErpRecordOutcome.Rejected::reason)))
                .containsOnlyKeys("OP-2", "record #3", "OP-3", "OP-1")
                .hasEntrySatisfying("OP-2", reason -> assertThat(reason).contains("is not a plain decimal number"))
                .hasEntrySatisfying("record #3", reason -> assertThat(reason).isEqualTo("record is not a JSON object"))
                .hasEntrySatisfying("OP-3", reason -> assertThat(reason).startsWith("dueDate '2026-02-30' is not"))
                .hasEntrySatisfying("OP-1", reason -> assertThat(reason).contains("first at record #1"));
    }

    // ---- reports ---------------------------------------------------------------------------------------------------

    @Test
    void postsReportWithIdempotencyKeyAndExactQuantities() {
        erp.answer(request -> Response.status(201));

        ReportOutcome outcome = gateway().report(report("R-2026-0001"));

        assertThat(outcome).isEqualTo(new ReportOutcome.Delivered("R-2026-0001"));
        FakeErp.Request request = erp.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/mes/production-reports");
        assertThat(request.header("Idempotency-Key")).isEqualTo("R-2026-0001");
        assertThat(request.header("X-API-Key")).isEqualTo(API_KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = ErpJson.MAPPER.readTree(request.body());
        assertThat(body.get("reportId").stringValue()).isEqualTo("R-2026-0001");
        assertThat(body.get("orderCode").stringValue()).isEqualTo("OP-1");
        assertThat(body.get("step").get("sequence").intValue()).isEqualTo(20);
        assertThat(body.get("step").get("processStepCode").stringValue()).isEqualTo("CNC");
        assertThat(body.get("step").get("workcenterCode").stringValue()).isEqualTo("CNC-02");
        assertThat(body.get("goodQuantity").decimalValue()).isEqualTo(new BigDecimal("12.5"));
        assertThat(request.body()).contains("\"goodQuantity\":12.5", "\"scrapQuantity\":1", "\"reworkQuantity\":0");
        assertThat(body.get("startedAt").stringValue()).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(body.get("endedAt").stringValue()).isEqualTo("2026-11-24T09:30:00Z");
        assertThat(body.get("lots").values()).extracting(JsonNode::stringValue).containsExactly("L-1", "L-2");
    }

    @Test
    void treatsConflictAsAlreadyDelivered() {
        erp.answer(request -> Response.status(409));

        assertThat(gateway().report(report("R-1"))).isEqualTo(new ReportOutcome.AlreadyDelivered("R-1"));
    }

    @Test
    void returnsRefusalWhenTheErpRejectsTheReport() {
        erp.answer(request -> Response.json(422, "{\"error\": \"order OP-1 is closed\"}"));

        assertThat(gateway().report(report("R-1")))
                .isEqualTo(new ReportOutcome.Refused(
                        "R-1", "ERP answered HTTP 422: {\"error\": \"order OP-1 is closed\"}"));
        assertThat(erp.requests()).hasSize(1);
    }

    @Test
    void retriesReportWithTheSameIdempotencyKey() {
        erp.answerInTurn(Response.status(503), Response.status(200));

        assertThat(gateway().report(report("R-7"))).isEqualTo(new ReportOutcome.Delivered("R-7"));

        assertThat(erp.requests())
                .extracting(request -> request.header("Idempotency-Key"))
                .containsExactly("R-7", "R-7");
        assertThat(erp.requests())
                .extracting(FakeErp.Request::body)
                .containsOnly(erp.requests().get(0).body());
    }

    // ---- configuration ---------------------------------------------------------------------------------------------

    @Test
    void refusesToStartWithoutBaseUrl() {
        assertThatThrownBy(() -> gateway(config(" ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ERP_API_URL");
    }

    @Test
    void describesItselfWithoutTheApiKey() {
        assertThat(gateway().describe()).isEqualTo("REST " + erp.baseUrl()).doesNotContain(API_KEY);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
