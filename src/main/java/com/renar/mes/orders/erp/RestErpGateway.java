package com.renar.mes.orders.erp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ERP over HTTP/JSON (contract in docs/erp-integration.md).
 *
 * <ul>
 *   <li>Orders: {@code GET {base}/orders?page=N&size=M}, 0-based pages, answered with {@code {"orders": [...],
 *       "page": N, "totalPages": T}}; pages are read until {@code N = T - 1}.
 *   <li>Reports: {@code POST {base}/production-reports} with an {@code Idempotency-Key} header equal to the report
 *       id; 2xx is delivered, 409 already delivered.
 *   <li>Every request carries the API key header; redirects are not followed (the key must not travel elsewhere).
 *   <li>Each HTTP call is retried with exponential backoff on connection errors, timeouts, 5xx and 429 (honouring
 *       {@code Retry-After} in seconds up to the max delay), never on other 4xx; each attempt passes the circuit
 *       breaker, and an open circuit fails at once without retrying.
 * </ul>
 */
final class RestErpGateway implements ErpGateway {

    private static final Logger log = LoggerFactory.getLogger(RestErpGateway.class);

    private final ErpProperties.Rest config;
    private final ErpOrderParser parser;
    private final HttpClient http;
    private final RetryPolicy retry;
    private final CircuitBreaker breaker;
    private final Sleeper sleeper;
    private final Clock clock;

    RestErpGateway(ErpProperties.Rest config, ErpOrderParser parser, HttpClient http, Sleeper sleeper, Clock clock) {
        if (!StringUtils.hasText(config.baseUrl())) {
            throw new IllegalStateException(
                    "mes.erp.rest.base-url (ERP_API_URL) must be set when mes.erp.type=rest and mes.erp.enabled=true");
        }
        URI base = URI.create(config.base());
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalStateException("mes.erp.rest.base-url must be an http(s) URL, was " + base);
        }
        this.config = config;
        this.parser = parser;
        this.http = http;
        this.retry = config.retry().policy();
        this.breaker = new CircuitBreaker(
                "erp-rest",
                config.circuitBreaker().failureThreshold(),
                config.circuitBreaker().openDuration(),
                clock);
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The adapter with a JDK HTTP client built from the configuration, sleeping between retries. */
    static RestErpGateway create(ErpProperties.Rest config, ErpOrderParser parser, Clock clock) {
        return new RestErpGateway(config, parser, httpClient(config), Sleeper.THREAD, clock);
    }

    /** HTTP/1.1 (no h2c upgrade dance with in-house servers), no redirects, the configured connect timeout. */
    static HttpClient httpClient(ErpProperties.Rest config) {
        return HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public String describe() {
        return "REST " + config.base();
    }

    CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    // ---- orders -------------------------------------------------------------------------------------------------

    @Override
    public Stream<ErpOrderPage> fetchOrders(Consumer<FetchProgress> progress) {
        Pages pages = new Pages(parser.newBatch(), new FetchTracker(describe(), progress, clock));
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Fetches page after page as the stream pulls them. */
    private final class Pages implements Iterator<ErpOrderPage> {
        private final ErpOrderParser.Batch batch;
        private final FetchTracker tracker;
        private int next;
        private int totalPages = -1;

        Pages(ErpOrderParser.Batch batch, FetchTracker tracker) {
            this.batch = batch;
            this.tracker = tracker;
        }

        @Override
        public boolean hasNext() {
            return totalPages < 0 || next < totalPages;
        }

        @Override
        public ErpOrderPage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ErpOrderPage page = fetchPage(next, batch);
            totalPages = page.totalPages().orElseThrow();
            next++;
            tracker.pageFetched(page);
            if (!hasNext()) {
                tracker.finished();
            }
            return page;
        }
    }

    private ErpOrderPage fetchPage(int number, ErpOrderParser.Batch batch) {
        URI uri = URI.create(config.base() + "/orders?page=" + number + "&size=" + config.pageSize());
        String what = "GET /orders?page=" + number;
        HttpResponse<byte[]> response = send(
                what, () -> request(uri).header("Accept", "application/json").GET());
        if (response.statusCode() / 100 != 2) {
            throw new ErpProtocolException(what + " answered HTTP " + response.statusCode() + hint(response));
        }
        JsonNode root;
        try {
            root = ErpJson.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new ErpProtocolException(
                    what + ": the answer is not valid JSON (" + e.getOriginalMessage() + " at " + location(e) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new ErpProtocolException(what + ": the answer is not a JSON object");
        }
        JsonNode orders = root.get("orders");
        if (orders == null || !orders.isArray()) {
            throw new ErpProtocolException(what + ": the answer has no \"orders\" array");
        }
        JsonNode total = root.get("totalPages");
        if (total == null || !total.isIntegralNumber() || !total.canConvertToInt() || total.intValue() < 0) {
            throw new ErpProtocolException(what + ": the answer has no valid \"totalPages\"");
        }
        JsonNode page = root.get("page");
        if (page != null
                && !page.isNull()
                && !(page.isIntegralNumber() && page.canConvertToInt() && page.intValue() == number)) {
            throw new ErpProtocolException(what + ": the answer is for page " + page + ", not " + number);
        }
        List<ErpRecordOutcome> outcomes = new ArrayList<>(orders.size());
        for (JsonNode order : orders.values()) {
            outcomes.add(batch.parse(order));
        }
        return new ErpOrderPage(number, OptionalInt.of(total.intValue()), outcomes);
    }

    // ---- reports ------------------------------------------------------------------------------------------------

    @Override
    public ReportOutcome report(ProductionReport report) {
        URI uri = URI.create(config.base() + "/production-reports");
        byte[] body = ErpJson.MAPPER.writeValueAsBytes(json(report));
        String what = "POST /production-reports (report " + report.reportId() + ")";
        HttpResponse<byte[]> response = send(
                what,
                () -> request(uri)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", report.reportId())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new ReportOutcome.Delivered(report.reportId());
        }
        if (status == 409) {
            return new ReportOutcome.AlreadyDelivered(report.reportId());
        }
        if (status == 401 || status == 403 || status == 404 || status / 100 == 3) {
            throw new ErpProtocolException(what + " answered HTTP " + status + hint(response));
        }
        return new ReportOutcome.Refused(report.reportId(), "ERP answered HTTP " + status + excerpt(response));
    }

    private static ObjectNode json(ProductionReport report) {
        ObjectNode json = ErpJson.MAPPER.createObjectNode();
        json.put("reportId", report.reportId());
        json.put("orderCode", report.orderCode());
        if (report.step() != null) {
            ObjectNode step = json.putObject("step");
            step.put("sequence", report.step().sequence());
            step.put("processStepCode", report.step().processStepCode());
            if (report.step().workcenterCode() != null) {
                step.put("workcenterCode", report.step().workcenterCode());
            }
        }
        json.put("goodQuantity", report.goodQuantity());
        json.put("scrapQuantity", report.scrapQuantity());
        json.put("reworkQuantity", report.reworkQuantity());
        json.put("startedAt", report.startedAt().toString());
        json.put("endedAt", report.endedAt().toString());
        ArrayNode lots = json.putArray("lots");
        report.lots().forEach(lots::add);
        return json;
    }

    // ---- HTTP with retries and the circuit breaker --------------------------------------------------------------

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(config.readTimeout()).header("User-Agent", "mes-renar");
        if (StringUtils.hasText(config.apiKey())) {
            builder.header(config.apiKeyHeader(), config.apiKey());
        }
        return builder;
    }

    /**
     * Sends with retries. Returns any answer that is not a transient failure (2xx, 3xx, 4xx but 429); throws
     * {@link ErpUnavailableException} when every attempt failed, {@link ErpCircuitOpenException} at once when the
     * circuit is open.
     */
    private HttpResponse<byte[]> send(String what, RequestFactory factory) {
        for (int attempt = 1; ; attempt++) {
            breaker.acquirePermission();
            String failure;
            Exception cause = null;
            Duration serverAsked = null;
            try {
                HttpResponse<byte[]> response = exchange(factory.create().build());
                int status = response.statusCode();
                if (status < 500 && status != 429) {
                    breaker.onSuccess();
                    return response;
                }
                breaker.onFailure();
                failure = "HTTP " + status;
                serverAsked = retryAfter(response);
            } catch (HttpTimeoutException e) {
                breaker.onFailure();
                failure = "no answer within " + config.readTimeout();
                cause = e;
            } catch (ConnectException e) {
                breaker.onFailure();
                failure = "cannot connect (" + e.getClass().getSimpleName() + ")";
                cause = e;
            } catch (IOException e) {
                breaker.onFailure();
                failure = "I/O error (" + e + ")";
                cause = e;
            } catch (InterruptedException e) {
                breaker.onNoVerdict();
                Thread.currentThread().interrupt();
                throw new ErpUnavailableException(what + " was interrupted", e);
            } catch (RuntimeException e) {
                breaker.onNoVerdict();
                throw e;
            }
            if (attempt >= retry.maxAttempts()) {
                throw new ErpUnavailableException(
                        what + " failed after " + attempt + " attempt(s), last: " + failure, cause);
            }
            Duration delay = retry.delayAfter(attempt, serverAsked);
            log.warn(
                    "ERP {} failed (attempt {} of {}: {}); retrying in {}",
                    what,
                    attempt,
                    retry.maxAttempts(),
                    failure,
                    delay);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ErpUnavailableException(what + " was interrupted while waiting to retry", e);
            }
        }
    }

    /**
     * One exchange, bounded as a whole by connect + read timeout: the request timeout of the JDK client only
     * covers the wait for the response headers, this also covers a body that stalls.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(config.connectTimeout().plus(config.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("request timed out");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IOException(cause);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.trim().matches("[0-9]{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
                .orElse(null);
    }

    private static String hint(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return " (check ERP_API_KEY and ERP_API_KEY_HEADER)";
        }
        if (status == 404) {
            return " (check ERP_API_URL)";
        }
        if (status / 100 == 3) {
            return " (redirects are not followed; point ERP_API_URL at "
                    + response.headers().firstValue("Location").orElse("the final address") + ")";
        }
        return excerpt(response);
    }

    /** The start of an error body, to say what the ERP complained about. */
    private static String excerpt(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .trim();
        return text.isEmpty() ? "" : ": " + text;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null
                ? "unknown position"
                : "line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    @FunctionalInterface
    private interface RequestFactory {
        HttpRequest.Builder create();
    }
}
