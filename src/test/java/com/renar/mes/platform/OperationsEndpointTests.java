package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health on the main port and Prometheus metrics on the management port, over real HTTP. */
@MesIntegrationTest
class OperationsEndpointTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    TestTokens tokens;

    @Test
    void reportsHealthWithTheDatabaseOnTheMainPortWithoutAToken() throws IOException, InterruptedException {
        HttpResponse<String> response = get("http://localhost:" + port + "/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").propertyNames()).contains("db", "livenessState", "readinessState", "ping");
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(response.body())
                .as("components, but no details such as the database product or validation query")
                .doesNotContain("details")
                .doesNotContainIgnoringCase("postgres");
    }

    @Test
    void servesPrometheusMetricsOnTheManagementPort() throws IOException, InterruptedException {
        HttpResponse<String> api = get(
                "http://localhost:" + port + "/api/v1/masterdata/items",
                HttpHeaders.AUTHORIZATION,
                tokens.bearer(Role.OPERATOR));
        assertThat(api.statusCode()).isEqualTo(200);

        HttpResponse<String> metrics =
                get("http://localhost:" + managementPort + "/metrics", HttpHeaders.ACCEPT, "text/plain");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        String body = metrics.body();
        assertThat(body)
                .contains("# TYPE http_request_duration_seconds histogram")
                .contains("http_request_duration_seconds_bucket{")
                .contains("http_request_duration_seconds_count{")
                .contains("http_request_duration_seconds_sum{")
                .containsPattern("http_request_duration_seconds_count\\{[^}]*uri=\"/api/v1/masterdata/items\"")
                .doesNotContain("http_server_requests_seconds_count")
                .contains("jvm_memory_used_bytes")
                .contains("process_cpu_usage")
                .contains("hikaricp_connections");
        assertThat(PrometheusText.invalidLines(body)).isEmpty();
    }

    @Test
    void keepsMetricsOffTheMainPort() throws IOException, InterruptedException {
        HttpResponse<String> response = get("http://localhost:" + port + "/metrics", null, null);
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String url, String header, String value) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
