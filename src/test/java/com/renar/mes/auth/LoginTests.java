package com.renar.mes.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.support.MesIntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@MesIntegrationTest
class LoginTests {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void user() {
        jdbc.sql("""
                        insert into app_user (username, badge, display_name, role, password_hash)
                        values ('login.test', 'B-900', 'Login Test', 'SUPERVISOR', :hash)
                        on conflict do nothing
                        """).param("hash", passwords.encode("s3cret!")).update();
    }

    /** Each test logs in from its own address so the login rate limit of one test never spills into another. */
    private MvcTestResult login(String body) {
        String ip = "10.0.0." + CLIENTS.incrementAndGet();
        return mvc.post()
                .uri("/api/v1/auth/login")
                .with(request -> {
                    request.setRemoteAddr(ip);
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void issuesBearerTokenForValidCredentials() {
        var result = login("{\"username\":\"login.test\",\"password\":\"s3cret!\"}");
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.tokenType").isEqualTo("Bearer");
        assertThat(result).bodyJson().extractingPath("$.role").isEqualTo("SUPERVISOR");
        assertThat(result).bodyJson().extractingPath("$.expiresIn").isEqualTo(28800);
        assertThat(result).bodyJson().extractingPath("$.accessToken").asString().contains(".");
    }

    @Test
    void acceptsBadgeNumberAsUsername() {
        assertThat(login("{\"username\":\"B-900\",\"password\":\"s3cret!\"}")).hasStatusOk();
    }

    @Test
    void answersTheSameProblemForWrongPasswordAndUnknownUser() {
        var wrongPassword = login("{\"username\":\"login.test\",\"password\":\"nope\"}");
        var unknownUser = login("{\"username\":\"nobody\",\"password\":\"nope\"}");
        for (var result : new MvcTestResult[] {wrongPassword, unknownUser}) {
            assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(result).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.type")
                    .isEqualTo("https://mes.renar.com.br/problems/invalid-credentials");
        }
        assertThat(wrongPassword.getResponse().getContentAsByteArray().length).isPositive();
    }

    @Test
    void rejectsLoginWithoutPasswordAsValidationProblem() {
        var result = login("{\"username\":\"login.test\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
    }
}
