package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Cross-origin rules, security headers and the body size limit, as a browser or a careless client meets them. */
@MesIntegrationTest
class HttpHardeningTests {

    private static final String ALLOWED_ORIGIN = "https://dashboard.renar.test"; // application-test.yml
    private static final String ITEMS = "/api/v1/masterdata/items";
    private static final int ONE_MB = 1024 * 1024;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @LocalServerPort
    int port;

    @Test
    void answersThePreflightOfAnAllowedOrigin() {
        var result = mvc.options()
                .uri(ITEMS)
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).headers().hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS))
                .contains("POST")
                .contains("PATCH");
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS))
                .containsIgnoringCase("authorization")
                .containsIgnoringCase("idempotency-key");
        assertThat(result).headers().hasValue(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");
        assertThat(result).headers().doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void exposesTheRequestIdAndRetryAfterToAnAllowedOrigin() {
        var result = mvc.get()
                .uri(ITEMS)
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.OPERATOR))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).headers().hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);
        assertThat(result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS))
                .contains("X-Request-Id")
                .contains("Retry-After")
                .contains("Idempotent-Replayed");
    }

    @Test
    void refusesThePreflightOfAnOriginNotConfigured() {
        var result = mvc.options()
                .uri(ITEMS)
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).headers().doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(result).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://mes.renar.com.br/problems/forbidden");
    }

    @Test
    void refusesThePreflightOfAnAllowedOriginForAHeaderNotAllowed() {
        var result = mvc.options()
                .uri(ITEMS)
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-debug-sql")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).headers().doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void refusesACrossOriginCallFromAnOriginNotConfigured() {
        var result = mvc.get()
                .uri(ITEMS)
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.OPERATOR))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).headers().doesNotContainHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void sendsSecurityHeadersOnEveryAnswer() {
        var ok = mvc.get()
                .uri(ITEMS)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.OPERATOR))
                .exchange();
        var unauthorized = mvc.get().uri(ITEMS).exchange();

        for (var result : new org.springframework.test.web.servlet.assertj.MvcTestResult[] {ok, unauthorized}) {
            assertThat(result).headers().hasValue("X-Content-Type-Options", "nosniff");
            assertThat(result).headers().hasValue("X-Frame-Options", "DENY");
            assertThat(result).headers().hasValue("Referrer-Policy", "no-referrer");
            assertThat(result).as("HSTS only over HTTPS").headers().doesNotContainHeader("Strict-Transport-Security");
        }
    }

    @Test
    void sendsStrictTransportSecurityOverHttps() {
        var result = mvc.get()
                .uri(ITEMS)
                .secure(true)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.OPERATOR))
                .exchange();

        assertThat(result.getResponse().getHeader("Strict-Transport-Security"))
                .contains("max-age=")
                .contains("includeSubDomains");
    }

    @Test
    void refusesABodyLargerThanTheLimitByItsContentLength() {
        byte[] body = jsonOfSize(ONE_MB + 1);
        var result = mvc.post()
                .uri(ITEMS)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.PCP))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();

        assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(result).headers().hasValue("X-Content-Type-Options", "nosniff");
        assertThat(result).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://mes.renar.com.br/problems/payload-too-large");
    }

    @Test
    void acceptsABodyJustUnderTheLimit() {
        byte[] body = jsonOfSize(ONE_MB);
        var result = mvc.post()
                .uri(ITEMS)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.PCP))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();

        assertThat(result).as("read and validated, not refused for its size").hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refusesAChunkedBodyOnceReadingPassesTheLimit() throws IOException, InterruptedException {
        byte[] body = jsonOfSize(ONE_MB + 64 * 1024);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ITEMS))
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.PCP))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                // a stream of unknown length is sent chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        assertThat(response.body()).contains("https://mes.renar.com.br/problems/payload-too-large");
    }

    /** A JSON object of exactly {@code size} bytes: an item whose description is padded. */
    private static byte[] jsonOfSize(int size) {
        String head = "{\"code\":\"BIG\",\"type\":\"COMPONENT\",\"unit\":\"PC\",\"description\":\"";
        String tail = "\"}";
        String json = head + "x".repeat(size - head.length() - tail.length()) + tail;
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(size);
        return bytes;
    }
}
