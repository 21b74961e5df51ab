package com.renar.mes.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@MesIntegrationTest
class RoutingApiTests {

    private static final String TWO_STEPS = """
            {"steps":[
              {"sequence":20,"processStepCode":"CNC","workcenterCode":"CNC-01","setupMinutes":15,"standardSecondsPerPiece":40.5},
              {"sequence":10,"processStepCode":"OPTIMIZER","workcenterCode":"OPT-01","setupMinutes":10.25,"standardSecondsPerPiece":20}
            ]}
            """;

    private static final String ONE_STEP = """
            {"steps":[
              {"sequence":10,"processStepCode":"OPTIMIZER","workcenterCode":"OPT-02","setupMinutes":0,"standardSecondsPerPiece":12.125}
            ]}
            """;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    Requests api;

    @BeforeEach
    void setUp() {
        api = new Requests(mvc, tokens);
    }

    @Test
    void createsTheFirstVersionWithItsStepsInSequenceOrder() {
        String item = api.item("PNL", "COMPONENT");
        var created = api.post(Role.PCP, "/items/" + item + "/routings", TWO_STEPS);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).headers().hasValue("Location", "/api/v1/masterdata/items/" + item + "/routings/1");
        assertThat(created).bodyJson().extractingPath("$.routingVersion").isEqualTo(1);
        assertThat(created).bodyJson().extractingPath("$.active").isEqualTo(true);
        assertThat(created)
                .bodyJson()
                .extractingPath("$.steps[*].processStepCode")
                .asArray()
                .containsExactly("OPTIMIZER", "CNC");
        assertThat(created).bodyJson().extractingPath("$.steps[0].setupMinutes").isEqualTo(10.25);
        assertThat(created)
                .bodyJson()
                .extractingPath("$.steps[1].standardSecondsPerPiece")
                .isEqualTo(40.5);
        assertThat(created)
                .bodyJson()
                .extractingPath("$.steps[1].workcenterType")
                .isEqualTo("CNC");
    }

    @Test
    void creatingVersionTwoDeactivatesVersionOneSoExactlyOneIsActive() {
        String item = api.item("PNL", "COMPONENT");
        Requests.expectStatus(api.post(Role.PCP, "/items/" + item + "/routings", TWO_STEPS), 201);
        var second = api.post(Role.MANAGER, "/items/" + item + "/routings", ONE_STEP);
        assertThat(second).hasStatus(HttpStatus.CREATED);
        assertThat(second).bodyJson().extractingPath("$.routingVersion").isEqualTo(2);

        var active = api.get(Role.OPERATOR, "/items/" + item + "/routings/active");
        assertThat(active).hasStatusOk();
        assertThat(active).bodyJson().extractingPath("$.routingVersion").isEqualTo(2);
        assertThat(active)
                .bodyJson()
                .extractingPath("$.steps[0].workcenterCode")
                .isEqualTo("OPT-02");

        var versions = api.get(Role.OPERATOR, "/items/" + item + "/routings");
        assertThat(versions).bodyJson().extractingPath("$.totalElements").isEqualTo(2);
        assertThat(versions)
                .bodyJson()
                .extractingPath("$.content[*].routingVersion")
                .asArray()
                .containsExactly(2, 1);
        assertThat(versions)
                .bodyJson()
                .extractingPath("$.content[*].active")
                .asArray()
                .containsExactly(true, false);
        assertThat(api.get(Role.OPERATOR, "/items/" + item + "/routings/1"))
                .bodyJson()
                .extractingPath("$.active")
                .isEqualTo(false);

        long activeCount = jdbc.sql("""
                        select count(*) from routing r join item i on i.id = r.item_id
                         where i.code = :item and r.active
                        """).param("item", item).query(Long.class).single();
        assertThat(activeCount).isEqualTo(1);
    }

    @Test
    void rejectsStepsOnUnknownWorkcentersOrProcessSteps() {
        String item = api.item("PNL", "COMPONENT");
        var unknownWorkcenter = api.post(Role.PCP, "/items/" + item + "/routings", """
                {"steps":[{"sequence":10,"processStepCode":"CNC","workcenterCode":"NO-SUCH-WC","setupMinutes":1,"standardSecondsPerPiece":1}]}
                """);
        assertThat(unknownWorkcenter).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(unknownWorkcenter)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("NO-SUCH-WC");

        var unknownStep = api.post(Role.PCP, "/items/" + item + "/routings", """
                {"steps":[{"sequence":10,"processStepCode":"WELDING","workcenterCode":"CNC-01","setupMinutes":1,"standardSecondsPerPiece":1}]}
                """);
        assertThat(unknownStep).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);

        var repeatedSequence = api.post(Role.PCP, "/items/" + item + "/routings", """
                {"steps":[
                  {"sequence":10,"processStepCode":"CNC","workcenterCode":"CNC-01","setupMinutes":1,"standardSecondsPerPiece":1},
                  {"sequence":10,"processStepCode":"SANDING","workcenterCode":"SND-01","setupMinutes":1,"standardSecondsPerPiece":1}
                ]}
                """);
        assertThat(repeatedSequence).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(api.get(Role.PCP, "/items/" + item + "/routings/active")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void rejectsBadTimesAndEmptyRoutingsAsValidationProblems() {
        String item = api.item("PNL", "COMPONENT");
        var negative = api.post(Role.PCP, "/items/" + item + "/routings", """
                {"steps":[{"sequence":10,"processStepCode":"CNC","workcenterCode":"CNC-01","setupMinutes":-1,"standardSecondsPerPiece":0}]}
                """);
        assertThat(negative).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(negative)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("steps[0].setupMinutes", "steps[0].standardSecondsPerPiece");
        assertThat(api.post(Role.PCP, "/items/" + item + "/routings", """
                        {"steps":[]}
                        """)).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void answersNotFoundForUnknownItemsAndForbiddenForOperators() {
        assertThat(api.post(Role.PCP, "/items/NO-SUCH-ITEM/routings", ONE_STEP)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(Role.OPERATOR, "/items/NO-SUCH-ITEM/routings")).hasStatus(HttpStatus.NOT_FOUND);
        String item = api.item("PNL", "COMPONENT");
        assertThat(api.post(Role.OPERATOR, "/items/" + item + "/routings", ONE_STEP))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(Role.SUPERVISOR, "/items/" + item + "/routings", ONE_STEP))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
