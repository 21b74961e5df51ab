package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Client mistakes are answered with the documented problem types, never with internals. */
@MesIntegrationTest
class ErrorProblemTests {

    private static final String PROBLEMS = "https://mes.renar.com.br/problems/";
    private static final String ITEMS = "/api/v1/masterdata/items";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Test
    void forbidsAMasterDataWriteByAnOperator() {
        var result = post(Role.OPERATOR, MediaType.APPLICATION_JSON, newItem(code()));
        expectProblem(result, HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void answersNotFoundForAnUnknownRoute() {
        var result = mvc.get()
                .uri("/api/v1/no-such-thing")
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.MANAGER))
                .exchange();
        expectProblem(result, HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void answersNotFoundForAnUnknownRecord() {
        var result = mvc.get()
                .uri(ITEMS + "/NO-SUCH-ITEM")
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.OPERATOR))
                .exchange();
        expectProblem(result, HttpStatus.NOT_FOUND, "not-found");
    }

    @Test
    void answersMethodNotAllowedWithTheAllowedMethods() {
        var result = mvc.delete()
                .uri(ITEMS)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.MANAGER))
                .exchange();
        expectProblem(result, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
        assertThat(result.getResponse().getHeader(HttpHeaders.ALLOW))
                .contains("GET")
                .contains("POST");
    }

    @Test
    void answersUnsupportedMediaTypeForABodyThatIsNotJson() {
        var result = post(Role.PCP, MediaType.TEXT_PLAIN, "code=X");
        expectProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type");
    }

    @Test
    void answersMalformedRequestForBrokenJson() {
        var result = post(Role.PCP, MediaType.APPLICATION_JSON, "{\"code\": \"X\", \"description\": ");
        expectProblem(result, HttpStatus.BAD_REQUEST, "malformed-request");
    }

    @Test
    void answersMalformedRequestForAnUnknownEnumValue() {
        var result = post(Role.PCP, MediaType.APPLICATION_JSON, """
                {"code":"%s","description":"Panel","type":"NO_SUCH_TYPE","unit":"PC"}
                """.formatted(code()));
        expectProblem(result, HttpStatus.BAD_REQUEST, "malformed-request");
    }

    @Test
    void listsEveryInvalidFieldInAValidationProblem() {
        var result = post(Role.PCP, MediaType.APPLICATION_JSON, """
                {"code":"","type":"COMPONENT","unit":"PC"}
                """);
        expectProblem(result, HttpStatus.BAD_REQUEST, "validation");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("code", "description");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .isNotBlank();
    }

    @Test
    void answersConflictForADuplicateWithoutTheDatabaseMessage() {
        String code = code();
        assertThat(post(Role.PCP, MediaType.APPLICATION_JSON, newItem(code))).hasStatus(HttpStatus.CREATED);
        var duplicate = post(Role.PCP, MediaType.APPLICATION_JSON, newItem(code));
        expectProblem(duplicate, HttpStatus.CONFLICT, "conflict");
    }

    @Test
    void answersNotAcceptableWhenTheClientTakesNoJson() {
        var result = mvc.get()
                .uri(ITEMS)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(Role.OPERATOR))
                .accept(MediaType.IMAGE_PNG)
                .exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_ACCEPTABLE);
        ProblemBodies.assertRevealsNothingInternal(result);
    }

    private MvcTestResult post(Role role, MediaType type, String body) {
        return mvc.post()
                .uri(ITEMS)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer(role))
                .contentType(type)
                .content(body)
                .exchange();
    }

    private static void expectProblem(MvcTestResult result, HttpStatus status, String slug) {
        assertThat(result).hasStatus(status);
        assertThat(result).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + slug);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
        assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.requestId")
                .isEqualTo(result.getResponse().getHeader("X-Request-Id"));
        ProblemBodies.assertRevealsNothingInternal(result);
    }

    private static String code() {
        return "ERR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String newItem(String code) {
        return """
                {"code":"%s","description":"Problem test item","type":"COMPONENT","unit":"PC"}
                """.formatted(code);
    }
}
