package com.renar.mes.masterdata;

import static com.renar.mes.masterdata.Requests.unique;
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
class WorkcenterApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    Requests api;

    @BeforeEach
    void setUp() {
        api = new Requests(mvc, tokens);
    }

    /** A department of its own, so that list filters see only this test's workcenters. */
    private static String department() {
        return unique("DEPT").replace('-', '_');
    }

    @Test
    void createsReadsAndUpdatesAWorkcenter() {
        String code = unique("WC");
        var created = api.post(Role.PCP, "/workcenters", """
                {"code":"%s","name":"Edge bander","type":"PRE_CUT","department":"CUTTING","capacity":2}
                """.formatted(code));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.enabled").isEqualTo(true);
        assertThat(created).bodyJson().extractingPath("$.capacity").isEqualTo(2);

        var updated = api.put(Role.MANAGER, "/workcenters/" + code, """
                {"name":"Edge bander 2","type":"PRE_CUT","department":"MACHINING","capacity":3}
                """);
        assertThat(updated).hasStatusOk();
        assertThat(updated).bodyJson().extractingPath("$.department").isEqualTo("MACHINING");

        var read = api.get(Role.OPERATOR, "/workcenters/" + code);
        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.name").isEqualTo("Edge bander 2");
        assertThat(read).bodyJson().extractingPath("$.capacity").isEqualTo(3);
    }

    @Test
    void disablesAndEnablesAWorkcenterByExplicitCommands() {
        String code = api.workcenter("WC", "CNC", "MACHINING");
        var disabled = api.post(Role.PCP, "/workcenters/" + code + "/disable");
        assertThat(disabled).hasStatusOk();
        assertThat(disabled).bodyJson().extractingPath("$.enabled").isEqualTo(false);
        assertThat(api.post(Role.PCP, "/workcenters/" + code + "/disable"))
                .bodyJson()
                .extractingPath("$.enabled")
                .isEqualTo(false);

        var enabled = api.post(Role.MANAGER, "/workcenters/" + code + "/enable");
        assertThat(enabled).hasStatusOk();
        assertThat(enabled).bodyJson().extractingPath("$.enabled").isEqualTo(true);

        assertThat(api.post(Role.OPERATOR, "/workcenters/" + code + "/disable")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(Role.PCP, "/workcenters/NO-SUCH-WC/enable")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void filtersByTypeDepartmentAndEnabled() {
        String department = department();
        String press = api.workcenter("PRS", "PRESS", department);
        String cnc = api.workcenter("CNC", "CNC", department);
        api.post(Role.PCP, "/workcenters/" + cnc + "/disable");

        assertThat(api.get(Role.OPERATOR, "/workcenters?department=" + department))
                .bodyJson()
                .extractingPath("$.totalElements")
                .isEqualTo(2);
        assertThat(api.get(Role.OPERATOR, "/workcenters?department=" + department + "&type=PRESS"))
                .bodyJson()
                .extractingPath("$.content[*].code")
                .asArray()
                .containsExactly(press);
        assertThat(api.get(Role.OPERATOR, "/workcenters?department=" + department + "&enabled=false"))
                .bodyJson()
                .extractingPath("$.content[*].code")
                .asArray()
                .containsExactly(cnc);
        assertThat(api.get(Role.OPERATOR, "/workcenters?type=BRUSH"))
                .bodyJson()
                .extractingPath("$.content[*].code")
                .asArray()
                .contains("BRS-01");
        assertThat(api.get(Role.OPERATOR, "/workcenters?type=NOT_A_TYPE")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void pagesTheList() {
        String department = department();
        for (int i = 0; i < 3; i++) {
            api.workcenter("WC", "ASSEMBLY", department);
        }
        var page = api.get(Role.SUPERVISOR, "/workcenters?department=" + department + "&page=1&size=2");
        assertThat(page).hasStatusOk();
        assertThat(page).bodyJson().extractingPath("$.content").asArray().hasSize(1);
        assertThat(page).bodyJson().extractingPath("$.totalElements").isEqualTo(3);
        assertThat(page).bodyJson().extractingPath("$.totalPages").isEqualTo(2);
    }

    @Test
    void answersConflictForADuplicateCodeAndValidationProblemForBadFields() {
        String code = api.workcenter("WC", "CNC", "MACHINING");
        assertThat(api.post(Role.PCP, "/workcenters", """
                        {"code":"%s","name":"Again","type":"CNC","department":"MACHINING"}
                        """.formatted(code))).hasStatus(HttpStatus.CONFLICT);
        var invalid = api.post(Role.PCP, "/workcenters", """
                {"code":"","name":"No code","type":"CNC","department":"machining","capacity":0}
                """);
        assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(invalid)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("code", "department", "capacity");
    }

    @Test
    void deletesAnUnusedWorkcenterButNotOneARoutingUses() {
        String unused = api.workcenter("WC", "CNC", "MACHINING");
        assertThat(api.delete(Role.PCP, "/workcenters/" + unused)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.get(Role.PCP, "/workcenters/" + unused)).hasStatus(HttpStatus.NOT_FOUND);

        assertThat(api.delete(Role.PCP, "/workcenters/CNC-01")).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.delete(Role.OPERATOR, "/workcenters/" + unused)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void showsTheShiftCalendarFromTheDepartmentInPlantTime() {
        String code = api.workcenter("WC", "CNC", "MACHINING");
        // Monday 2026-11-23 .. Sunday 2026-11-29: three shifts Monday to Friday, one on Saturday
        var week = api.get(Role.OPERATOR, "/workcenters/" + code + "/calendar?from=2026-11-23&to=2026-11-29");
        assertThat(week).hasStatusOk();
        assertThat(week).bodyJson().extractingPath("$").asArray().hasSize(16);
        assertThat(week).bodyJson().extractingPath("$[0].start").isEqualTo("2026-11-23T06:00:00-03:00");
        assertThat(week).bodyJson().extractingPath("$[0].plannedMinutes").isEqualTo(8 * 60 - 75);
        assertThat(week).bodyJson().extractingPath("$[2].shiftNumber").isEqualTo(3);
        assertThat(week).bodyJson().extractingPath("$[2].end").isEqualTo("2026-11-24T06:00:00-03:00");
        assertThat(week).bodyJson().extractingPath("$[2].breaks[0].start").isEqualTo("2026-11-24T01:00:00-03:00");

        assertThat(api.get(Role.OPERATOR, "/workcenters/" + code + "/calendar?from=2026-11-29&to=2026-11-23"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.get(Role.OPERATOR, "/workcenters/NO-SUCH-WC/calendar?from=2026-11-23&to=2026-11-23"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
