package com.renar.mes.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@MesIntegrationTest
class ReasonCodeApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    Requests api;

    @BeforeEach
    void setUp() {
        api = new Requests(mvc, tokens);
    }

    private String reasonCode(String kind, String stepsJson) {
        String code = Requests.unique("RC");
        Requests.expectStatus(api.post(Role.PCP, "/reason-codes", """
                        {"code":"%s","description":"Test reason","kind":"%s","processSteps":%s}
                        """.formatted(code, kind, stepsJson)), 201);
        return code;
    }

    @Test
    void createsAReasonCodeForSomeStepsAndUpdatesIt() {
        String code = reasonCode("SCRAP", "[\"PAINTING\",\"CNC\"]");
        var read = api.get(Role.OPERATOR, "/reason-codes/" + code);
        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.kind").isEqualTo("SCRAP");
        assertThat(read).bodyJson().extractingPath("$.active").isEqualTo(true);
        assertThat(read).bodyJson().extractingPath("$.processSteps").asArray().containsExactly("CNC", "PAINTING");

        var updated = api.put(Role.MANAGER, "/reason-codes/" + code, """
                {"description":"Scratched finish","kind":"REWORK","active":false,"processSteps":[]}
                """);
        assertThat(updated).hasStatusOk();
        assertThat(updated).bodyJson().extractingPath("$.kind").isEqualTo("REWORK");
        assertThat(updated).bodyJson().extractingPath("$.active").isEqualTo(false);
        assertThat(updated)
                .bodyJson()
                .extractingPath("$.processSteps")
                .asArray()
                .isEmpty();
    }

    @Test
    void filtersByKindAndByTheStepsACodeAppliesTo() {
        String paintingOnly = reasonCode("REWORK", "[\"PAINTING\"]");
        String everyStep = reasonCode("REWORK", "[]");

        var atPainting = api.get(Role.OPERATOR, "/reason-codes?kind=REWORK&processStep=PAINTING&size=500");
        assertThat(atPainting).hasStatusOk();
        assertThat(atPainting)
                .bodyJson()
                .extractingPath("$.content[*].code")
                .asArray()
                .contains(paintingOnly, everyStep, "RWK-PAINT")
                .doesNotContain("RWK-SAND");

        var atCnc = api.get(Role.OPERATOR, "/reason-codes?processStep=CNC&size=500");
        assertThat(atCnc)
                .bodyJson()
                .extractingPath("$.content[*].code")
                .asArray()
                .contains(everyStep, "SCR-DMG")
                .doesNotContain(paintingOnly);
        assertThat(atCnc)
                .bodyJson()
                .extractingPath("$.content[*].kind")
                .asArray()
                .contains("SCRAP", "REWORK", "DOWNTIME_UNPLANNED", "DOWNTIME_PLANNED");

        assertThat(api.get(Role.OPERATOR, "/reason-codes?kind=DOWNTIME_PLANNED&size=500"))
                .bodyJson()
                .extractingPath("$.content[*].kind")
                .asArray()
                .containsOnly("DOWNTIME_PLANNED");
        assertThat(api.get(Role.OPERATOR, "/reason-codes?processStep=WELDING")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void rejectsUnknownStepsDuplicatesBadFieldsAndOperatorWrites() {
        assertThat(api.post(Role.PCP, "/reason-codes", """
                        {"code":"%s","description":"Bad step","kind":"SCRAP","processSteps":["WELDING"]}
                        """.formatted(Requests.unique("RC"))))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        String code = reasonCode("SCRAP", "[]");
        assertThat(api.post(Role.PCP, "/reason-codes", """
                        {"code":"%s","description":"Again","kind":"SCRAP"}
                        """.formatted(code))).hasStatus(HttpStatus.CONFLICT);
        var invalid = api.post(Role.PCP, "/reason-codes", """
                {"code":"","description":"","kind":"SCRAP"}
                """);
        assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(invalid)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("code", "description");
        assertThat(api.post(Role.OPERATOR, "/reason-codes", """
                        {"code":"%s","description":"Nope","kind":"SCRAP"}
                        """.formatted(Requests.unique("RC"))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.get(Role.OPERATOR, "/reason-codes/NO-SUCH-RC")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void deletesAReasonCode() {
        String code = reasonCode("DOWNTIME_UNPLANNED", "[\"CNC\"]");
        assertThat(api.delete(Role.PCP, "/reason-codes/" + code)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(Role.OPERATOR, "/reason-codes/" + code)).hasStatus(HttpStatus.NOT_FOUND);
    }
}
