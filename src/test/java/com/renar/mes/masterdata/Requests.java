package com.renar.mes.masterdata;

import com.renar.mes.shared.Role;
import com.renar.mes.support.TestTokens;
import java.io.UnsupportedEncodingException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Short calls to the API as a user of some role. */
final class Requests {

    static final String BASE = "/api/v1/masterdata";

    private final MockMvcTester mvc;
    private final TestTokens tokens;

    Requests(MockMvcTester mvc, TestTokens tokens) {
        this.mvc = mvc;
        this.tokens = tokens;
    }

    /** A code no other test uses (tests share one database). */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    MvcTestResult get(Role role, String path) {
        return mvc.get()
                .uri(BASE + path)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(role))
                .exchange();
    }

    MvcTestResult post(Role role, String path, String json) {
        return mvc.post()
                .uri(BASE + path)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    MvcTestResult post(Role role, String path) {
        return mvc.post()
                .uri(BASE + path)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(role))
                .exchange();
    }

    MvcTestResult put(Role role, String path, String json) {
        return mvc.put()
                .uri(BASE + path)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    MvcTestResult delete(Role role, String path) {
        return mvc.delete()
                .uri(BASE + path)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(role))
                .exchange();
    }

    MvcTestResult anonymousGet(String path) {
        return mvc.get().uri(BASE + path).exchange();
    }

    /** Registers an item of the given type through the API. */
    String item(String prefix, String type) {
        String code = unique(prefix);
        MvcTestResult result = post(Role.PCP, "/items", """
                {"code":"%s","description":"Test item %s","type":"%s","unit":"PC"}
                """.formatted(code, code, type));
        expectStatus(result, 201);
        return code;
    }

    /** Registers a workcenter through the API. */
    String workcenter(String prefix, String type, String department) {
        String code = unique(prefix);
        MvcTestResult result = post(Role.PCP, "/workcenters", """
                {"code":"%s","name":"Test workcenter %s","type":"%s","department":"%s"}
                """.formatted(code, code, type, department));
        expectStatus(result, 201);
        return code;
    }

    static void expectStatus(MvcTestResult result, int status) {
        int actual = result.getResponse().getStatus();
        if (actual != status) {
            throw new AssertionError("Expected status " + status + " but got " + actual + ": " + body(result));
        }
    }

    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
