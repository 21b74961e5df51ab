package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The rate limit in the running application, with budgets small enough to spend in a test. These limits need a
 * context of their own (the shared one allows a million requests a minute), closed again after this class.
 */
@MesIntegrationTest
@TestPropertySource(properties = {"mes.rate-limit.requests-per-minute=3", "mes.rate-limit.login-requests-per-minute=2"})
@DirtiesContext
class RateLimitApiTests {

    private static final String ITEMS = "/api/v1/masterdata/items";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Test
    void answersTooManyRequestsOnceAClientSpentItsApiBudget() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("10.20.0.1", tokens.bearer(Role.OPERATOR))).hasStatusOk();
        }

        var refused = get("10.20.0.1", tokens.bearer(Role.OPERATOR));

        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Integer.parseInt(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
                .isBetween(1, 20);
        assertThat(refused).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://mes.renar.com.br/problems/rate-limited");
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.requestId")
                .isEqualTo(refused.getResponse().getHeader("X-Request-Id"));
        assertThat(refused).headers().hasValue("X-Content-Type-Options", "nosniff");
        assertThat(get("10.20.0.9", tokens.bearer(Role.OPERATOR)))
                .as("another client")
                .hasStatusOk();
    }

    @Test
    void letsABrowserDashboardReadTheRefusal() {
        String dashboard = "https://dashboard.renar.test"; // allowed in application-test.yml
        for (int i = 0; i < 3; i++) {
            get("10.20.0.4", tokens.bearer(Role.OPERATOR));
        }

        var refused = mvc.get()
                .uri(ITEMS)
                .with(r -> {
                    r.setRemoteAddr("10.20.0.4");
                    return r;
                })
                .header(HttpHeaders.ORIGIN, dashboard)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.OPERATOR))
                .exchange();

        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused).headers().hasValue(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, dashboard);
        assertThat(refused.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS))
                .contains("Retry-After");
    }

    @Test
    void limitsLoginOnItsOwnAndMoreStrictly() {
        assertThat(login("10.20.0.2")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(login("10.20.0.2")).hasStatus(HttpStatus.UNAUTHORIZED);

        var refused = login("10.20.0.2");
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Integer.parseInt(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
                .isBetween(1, 30);

        for (int i = 0; i < 3; i++) {
            assertThat(get("10.20.0.2", tokens.bearer(Role.OPERATOR)))
                    .as("the API budget is untouched by logins")
                    .hasStatusOk();
        }
    }

    @Test
    void neverLimitsTheHealthCheck() {
        for (int i = 0; i < 10; i++) {
            var health = mvc.get()
                    .uri("/health")
                    .with(request -> {
                        request.setRemoteAddr("10.20.0.3");
                        return request;
                    })
                    .exchange();
            assertThat(health).hasStatusOk();
        }
    }

    private MvcTestResult get(String ip, String authorization) {
        var request = mvc.get().uri(ITEMS).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange();
    }

    private MvcTestResult login(String ip) {
        return mvc.post()
                .uri("/api/v1/auth/login")
                .with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"nobody\",\"password\":\"wrong\"}")
                .exchange();
    }
}
