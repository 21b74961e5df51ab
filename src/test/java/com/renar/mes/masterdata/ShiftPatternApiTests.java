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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

@MesIntegrationTest
class ShiftPatternApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JsonMapper json;

    Requests api;

    @BeforeEach
    void setUp() {
        api = new Requests(mvc, tokens);
    }

    private static String department() {
        return Requests.unique("DEPT").replace('-', '_');
    }

    private long idOf(MvcTestResult result) {
        return json.readTree(Requests.body(result)).get("id").asLong();
    }

    @Test
    void createsANightShiftForADepartmentWithBreaksAfterMidnight() {
        String department = department();
        var created = api.post(Role.PCP, "/shift-patterns", """
                {"department":"%s","weekday":1,"shiftNumber":3,"start":"22:00","end":"06:00",
                 "breaks":[{"start":"04:00","end":"04:15","description":"Coffee"},
                           {"start":"01:00","end":"02:00","description":"Meal"}]}
                """.formatted(department));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.endsNextDay").isEqualTo(true);
        assertThat(created).bodyJson().extractingPath("$.breaks[0].description").isEqualTo("Meal");
        long id = idOf(created);

        var read = api.get(Role.OPERATOR, "/shift-patterns/" + id);
        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.department").isEqualTo(department);
        assertThat(read).bodyJson().extractingPath("$.start").isEqualTo("22:00:00");
        assertThat(read).bodyJson().extractingPath("$.breaks").asArray().hasSize(2);
    }

    @Test
    void createsAShiftForOneWorkcenterAndTheCalendarUsesItInsteadOfTheDepartment() {
        String workcenter = api.workcenter("WC", "PRESS", "CUTTING");
        var created = api.post(Role.MANAGER, "/shift-patterns", """
                {"workcenterCode":"%s","weekday":1,"shiftNumber":1,"start":"07:00","end":"11:00","breaks":[]}
                """.formatted(workcenter));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.workcenterCode").isEqualTo(workcenter);

        var listed = api.get(Role.OPERATOR, "/shift-patterns?workcenter=" + workcenter);
        assertThat(listed).bodyJson().extractingPath("$.totalElements").isEqualTo(1);

        var monday = api.get(Role.OPERATOR, "/workcenters/" + workcenter + "/calendar?from=2026-11-23&to=2026-11-24");
        assertThat(monday).bodyJson().extractingPath("$").asArray().hasSize(1);
        assertThat(monday).bodyJson().extractingPath("$[0].plannedMinutes").isEqualTo(240);
    }

    @Test
    void rejectsABreakOutsideItsShiftOrOverlappingAnother() {
        String department = department();
        var outside = api.post(Role.PCP, "/shift-patterns", """
                {"department":"%s","weekday":2,"shiftNumber":1,"start":"06:00","end":"14:00",
                 "breaks":[{"start":"13:45","end":"14:15","description":"Too late"}]}
                """.formatted(department));
        assertThat(outside).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(outside).bodyJson().extractingPath("$.detail").asString().contains("13:45");

        var overlapping = api.post(Role.PCP, "/shift-patterns", """
                {"department":"%s","weekday":2,"shiftNumber":1,"start":"06:00","end":"14:00",
                 "breaks":[{"start":"09:00","end":"09:30"},{"start":"09:15","end":"09:45"}]}
                """.formatted(department));
        assertThat(overlapping).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(api.get(Role.OPERATOR, "/shift-patterns?department=" + department))
                .bodyJson()
                .extractingPath("$.totalElements")
                .isEqualTo(0);
    }

    @Test
    void belongsToEitherAWorkcenterOrADepartment() {
        var both = api.post(Role.PCP, "/shift-patterns", """
                {"workcenterCode":"CNC-01","department":"MACHINING","weekday":7,"shiftNumber":1,"start":"06:00","end":"14:00"}
                """);
        assertThat(both).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(both).bodyJson().extractingPath("$.errors[0].field").isEqualTo("department");
        var neither = api.post(Role.PCP, "/shift-patterns", """
                {"weekday":7,"shiftNumber":1,"start":"06:00","end":"14:00"}
                """);
        assertThat(neither).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.post(Role.PCP, "/shift-patterns", """
                        {"workcenterCode":"NO-SUCH-WC","weekday":7,"shiftNumber":1,"start":"06:00","end":"14:00"}
                        """)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void answersConflictForTheSameShiftTwiceAndValidationProblemForBadFields() {
        String department = department();
        String body = """
                {"department":"%s","weekday":6,"shiftNumber":1,"start":"06:00","end":"12:00"}
                """.formatted(department);
        Requests.expectStatus(api.post(Role.PCP, "/shift-patterns", body), 201);
        assertThat(api.post(Role.PCP, "/shift-patterns", body)).hasStatus(HttpStatus.CONFLICT);

        var invalid = api.post(Role.PCP, "/shift-patterns", """
                {"department":"%s","weekday":8,"shiftNumber":0,"start":"06:00"}
                """.formatted(department));
        assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(invalid)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("weekday", "shiftNumber", "end");
    }

    @Test
    void updatesAndDeletesAShift() {
        String department = department();
        long id = idOf(api.post(Role.PCP, "/shift-patterns", """
                {"department":"%s","weekday":3,"shiftNumber":2,"start":"14:00","end":"22:00"}
                """.formatted(department)));
        var updated = api.put(Role.PCP, "/shift-patterns/" + id, """
                {"start":"14:00","end":"23:00","breaks":[{"start":"18:00","end":"18:30","description":"Dinner"}]}
                """);
        assertThat(updated).hasStatusOk();
        assertThat(updated).bodyJson().extractingPath("$.end").isEqualTo("23:00:00");
        assertThat(updated).bodyJson().extractingPath("$.breaks").asArray().hasSize(1);
        assertThat(api.put(Role.PCP, "/shift-patterns/" + id, """
                        {"start":"14:00","end":"23:00","breaks":[{"start":"23:30","end":"23:45"}]}
                        """)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(api.delete(Role.OPERATOR, "/shift-patterns/" + id)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.delete(Role.PCP, "/shift-patterns/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(Role.OPERATOR, "/shift-patterns/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void listsTheDemoDepartmentWeek() {
        var cutting = api.get(Role.OPERATOR, "/shift-patterns?department=CUTTING&size=100");
        assertThat(cutting).bodyJson().extractingPath("$.totalElements").isEqualTo(16);
        var saturday = api.get(Role.OPERATOR, "/shift-patterns?department=CUTTING&weekday=6");
        assertThat(saturday).bodyJson().extractingPath("$.content[0].end").isEqualTo("12:00:00");
    }
}
