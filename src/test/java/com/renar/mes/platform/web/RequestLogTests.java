package com.renar.mes.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The request log line, as the JSON log file gets it. */
@MesIntegrationTest
class RequestLogTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    private final Logger logger = (Logger) LoggerFactory.getLogger(RequestLogFilter.class);
    private final JsonLines lines = new JsonLines();

    @BeforeEach
    void capture() {
        lines.setContext(logger.getLoggerContext());
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        lines.stop();
    }

    @Test
    void logsOneStructuredLinePerApiRequest() {
        String authorization = tokens.bearer(Role.SUPERVISOR);
        var result = mvc.get()
                .uri("/api/v1/masterdata/items?page=0")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .header("X-Request-Id", "log-test-1")
                .with(request -> {
                    request.setRemoteAddr("10.9.8.7");
                    return request;
                })
                .exchange();
        assertThat(result).hasStatusOk();

        JsonNode line = lines.single("log-test-1");
        assertThat(line.get("level").asString()).isEqualTo("INFO");
        assertThat(line.get("method").asString()).isEqualTo("GET");
        assertThat(line.get("path").asString()).isEqualTo("/api/v1/masterdata/items");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("durationMs").isIntegralNumber()).isTrue();
        assertThat(line.get("durationMs").asLong()).isNotNegative();
        assertThat(line.get("user").asString()).isEqualTo("supervisor");
        assertThat(line.get("clientIp").asString()).isEqualTo("10.9.8.7");
        assertThat(line.get("message").asString())
                .isEqualTo("method=GET path=/api/v1/masterdata/items status=200 durationMs="
                        + line.get("durationMs").asLong()
                        + " user=supervisor clientIp=10.9.8.7 requestId=log-test-1");
        assertThat(line.toString())
                .doesNotContain(authorization.substring("Bearer ".length()))
                .doesNotContain("page=0");
    }

    @Test
    void logsRejectedRequestsWithoutAUser() {
        mvc.get()
                .uri("/api/v1/masterdata/items")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .header("X-Request-Id", "log-test-2")
                .exchange();

        JsonNode line = lines.single("log-test-2");
        assertThat(line.get("status").asInt()).isEqualTo(401);
        assertThat(line.get("user").asString()).isEqualTo("-");
        assertThat(line.toString()).doesNotContain("not-a-token");
    }

    @Test
    void logsRequestsOutsideTheApiAtDebugOnly() {
        Level before = logger.getLevel();
        try {
            logger.setLevel(Level.INFO);
            mvc.get().uri("/health").header("X-Request-Id", "log-test-3").exchange();
            assertThat(lines.withRequestId("log-test-3")).isEmpty();

            logger.setLevel(Level.DEBUG);
            mvc.get().uri("/health").header("X-Request-Id", "log-test-4").exchange();
            JsonNode line = lines.single("log-test-4");
            assertThat(line.get("level").asString()).isEqualTo("DEBUG");
            assertThat(line.get("path").asString()).isEqualTo("/health");
        } finally {
            logger.setLevel(before);
        }
    }

    /** Encodes each event the moment it is logged, with the encoder of the JSON log files. */
    static final class JsonLines extends AppenderBase<ILoggingEvent> {

        private final LogstashEncoder encoder = new LogstashEncoder();
        private final JsonMapper json = JsonMapper.builder().build();
        private final List<JsonNode> lines = new CopyOnWriteArrayList<>();

        @Override
        public void start() {
            encoder.setContext(getContext());
            encoder.start();
            super.start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(json.readTree(new String(encoder.encode(event), StandardCharsets.UTF_8)));
        }

        List<JsonNode> withRequestId(String requestId) {
            return lines.stream()
                    .filter(line -> line.has("requestId")
                            && line.get("requestId").asString().equals(requestId))
                    .toList();
        }

        JsonNode single(String requestId) {
            List<JsonNode> matching = withRequestId(requestId);
            assertThat(matching).as("log lines of request %s", requestId).hasSize(1);
            return matching.get(0);
        }
    }
}
