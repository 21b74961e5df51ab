package com.renar.mes.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@MesIntegrationTest
class ProcessStepApiTests {

    private static final AtomicInteger SEQUENCES = new AtomicInteger(100);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    Requests api;

    @BeforeEach
    void setUp() {
        api = new Requests(mvc, tokens);
    }

    private String newStep() {
        String code = Requests.unique("STEP").replace('-', '_');
        Requests.expectStatus(
                api.post(Role.MANAGER, "/process-steps", """
                        {"code":"%s","name":"Test step","sequence":%d}
                        """.formatted(code, SEQUENCES.incrementAndGet())), 201);
        return code;
    }

    @Test
    void listsTheSevenPlantProcessesInFlowOrder() {
        var result = api.get(Role.OPERATOR, "/process-steps?size=7");
        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.content[*].code")
                .asArray()
                .containsExactly("OPTIMIZER", "PRE_CUT", "CNC", "SANDING", "ASSEMBLY", "PAINTING", "PACKAGING");
        assertThat(api.get(Role.OPERATOR, "/process-steps/SANDING"))
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo("Sanding/Brushing");
    }

    @Test
    void createsUpdatesAndDeletesAProcessStep() {
        String code = newStep();
        var updated = api.put(Role.PCP, "/process-steps/" + code, """
                {"name":"Edge banding","sequence":%d}
                """.formatted(SEQUENCES.incrementAndGet()));
        assertThat(updated).hasStatusOk();
        assertThat(updated).bodyJson().extractingPath("$.name").isEqualTo("Edge banding");

        assertThat(api.delete(Role.PCP, "/process-steps/" + code)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(Role.PCP, "/process-steps/" + code)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void answersConflictForADuplicateCodeOrSequence() {
        String code = newStep();
        assertThat(api.post(Role.PCP, "/process-steps", """
                        {"code":"%s","name":"Again","sequence":%d}
                        """.formatted(code, SEQUENCES.incrementAndGet())))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(api.post(Role.PCP, "/process-steps", """
                        {"code":"%s","name":"Same place as CNC","sequence":3}
                        """.formatted(
                                Requests.unique("STEP").replace('-', '_'))))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void refusesToDeleteAStepStillUsedByRoutings() {
        var result = api.delete(Role.MANAGER, "/process-steps/CNC");
        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.get(Role.OPERATOR, "/process-steps/CNC")).hasStatusOk();
    }

    @Test
    void rejectsBadFieldsAndOperatorWrites() {
        var invalid = api.post(Role.PCP, "/process-steps", """
                {"code":"lower case","name":"","sequence":0}
                """);
        assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(invalid)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("code", "name", "sequence");
        assertThat(api.post(Role.OPERATOR, "/process-steps", """
                        {"code":"NOPE","name":"Nope","sequence":998}
                        """)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.get(Role.OPERATOR, "/process-steps/NO_SUCH_STEP")).hasStatus(HttpStatus.NOT_FOUND);
    }
}
