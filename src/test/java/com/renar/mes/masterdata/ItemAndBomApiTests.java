package com.renar.mes.masterdata;

import static com.renar.mes.masterdata.Requests.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@MesIntegrationTest
class ItemAndBomApiTests {

    private static final String PROBLEMS = "https://mes.renar.com.br/problems/";

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
    void createsReadsAndUpdatesAnItem() {
        String code = unique("IT");
        var created = api.post(Role.PCP, "/items", """
                {"code":"%s","description":"Side panel","type":"COMPONENT","unit":"PC","productFamily":"WARDROBES"}
                """.formatted(code));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).headers().hasValue("Location", "/api/v1/masterdata/items/" + code);

        var read = api.get(Role.OPERATOR, "/items/" + code);
        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.description").isEqualTo("Side panel");
        int version = versionOf(code);

        var updated = api.put(Role.MANAGER, "/items/" + code, """
                {"description":"Side panel 1850","type":"COMPONENT","unit":"PC","version":%d}
                """.formatted(version));
        assertThat(updated).hasStatusOk();
        assertThat(updated).bodyJson().extractingPath("$.description").isEqualTo("Side panel 1850");
        assertThat(updated).bodyJson().extractingPath("$.version").isEqualTo(version + 1);
    }

    @Test
    void refusesAnUpdateBasedOnAStaleVersion() {
        String code = api.item("IT", "COMPONENT");
        int version = versionOf(code);
        assertThat(api.put(Role.PCP, "/items/" + code, """
                        {"description":"First change","type":"COMPONENT","unit":"PC","version":%d}
                        """.formatted(version))).hasStatusOk();
        var stale = api.put(Role.PCP, "/items/" + code, """
                {"description":"Second change","type":"COMPONENT","unit":"PC","version":%d}
                """.formatted(version));
        assertThat(stale).hasStatus(HttpStatus.CONFLICT);
        assertThat(stale).bodyJson().extractingPath("$.currentVersion").isEqualTo(version + 1);
    }

    @Test
    void answersConflictForADuplicateCode() {
        String code = api.item("IT", "RAW_MATERIAL");
        var duplicate = api.post(Role.PCP, "/items", """
                {"code":"%s","description":"Again","type":"RAW_MATERIAL","unit":"PC"}
                """.formatted(code));
        assertThat(duplicate).hasStatus(HttpStatus.CONFLICT);
        assertThat(duplicate).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(duplicate).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + "conflict");
    }

    @Test
    void answersValidationProblemNamingTheBadFields() {
        var result = api.post(Role.PCP, "/items", """
                {"code":" ","description":"No code","type":"COMPONENT","unit":"PC"}
                """);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + "validation");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("code");
    }

    @Test
    void answersNotFoundForAnUnknownItem() {
        assertThat(api.get(Role.OPERATOR, "/items/NO-SUCH-ITEM")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.get(Role.OPERATOR, "/items/NO-SUCH-ITEM/bom")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void operatorsMayReadButNotWrite() {
        assertThat(api.get(Role.OPERATOR, "/items")).hasStatusOk();
        var result = api.post(Role.OPERATOR, "/items", """
                {"code":"%s","description":"Not allowed","type":"COMPONENT","unit":"PC"}
                """.formatted(unique("IT")));
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + "forbidden");
    }

    @Test
    void answersUnauthorizedWithoutToken() {
        assertThat(api.anonymousGet("/items")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void pagesTheListOfItemsByCode() {
        api.item("IT", "COMPONENT");
        api.item("IT", "COMPONENT");
        long total = jdbc.sql("select count(*) from item").query(Long.class).single();
        var page = api.get(Role.OPERATOR, "/items?page=1&size=2");
        assertThat(page).hasStatusOk();
        assertThat(page).bodyJson().extractingPath("$.content").asArray().hasSize(2);
        assertThat(page).bodyJson().extractingPath("$.page").isEqualTo(1);
        assertThat(page).bodyJson().extractingPath("$.size").isEqualTo(2);
        assertThat(page).bodyJson().extractingPath("$.totalElements").isEqualTo((int) total);
        assertThat(page).bodyJson().extractingPath("$.totalPages").isEqualTo((int) ((total + 1) / 2));
        assertThat(api.get(Role.OPERATOR, "/items?size=0")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void replacesTheBomWithExactQuantitiesAndReadsItBack() {
        String sheet = api.item("MDF", "RAW_MATERIAL");
        String screw = api.item("SCR", "RAW_MATERIAL");
        String panel = api.item("PNL", "COMPONENT");
        var first = api.put(Role.PCP, "/items/" + panel + "/bom", """
                {"lines":[{"componentCode":"%s","quantityPer":0.1667},{"componentCode":"%s","quantityPer":8}]}
                """.formatted(sheet, screw));
        assertThat(first).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.lines").asArray().hasSize(2);

        var replaced = api.put(Role.MANAGER, "/items/" + panel + "/bom", """
                {"lines":[{"componentCode":"%s","quantityPer":0.3333}]}
                """.formatted(sheet));
        assertThat(replaced).hasStatusOk();

        var read = api.get(Role.OPERATOR, "/items/" + panel + "/bom");
        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.itemCode").isEqualTo(panel);
        assertThat(read).bodyJson().extractingPath("$.lines").asArray().hasSize(1);
        assertThat(read).bodyJson().extractingPath("$.lines[0].componentCode").isEqualTo(sheet);
        assertThat(read).bodyJson().extractingPath("$.lines[0].quantityPer").isEqualTo(0.3333);
        BigDecimal stored =
                jdbc.sql("""
                        select l.quantity_per from bom_line l join bom b on b.id = l.bom_id
                         join item i on i.id = b.parent_item_id where i.code = :code
                        """).param("code", panel).query(BigDecimal.class).single();
        assertThat(stored).isEqualByComparingTo("0.3333");
    }

    @Test
    void anItemWithoutBomHasNoLines() {
        String sheet = api.item("MDF", "RAW_MATERIAL");
        var read = api.get(Role.OPERATOR, "/items/" + sheet + "/bom");
        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.lines").asArray().isEmpty();
    }

    @Test
    void rejectsNegativeQuantitiesAndMoreThanFourDecimalsAsValidationProblems() {
        String sheet = api.item("MDF", "RAW_MATERIAL");
        String panel = api.item("PNL", "COMPONENT");
        var negative = api.put(Role.PCP, "/items/" + panel + "/bom", """
                {"lines":[{"componentCode":"%s","quantityPer":-1}]}
                """.formatted(sheet));
        assertThat(negative).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(negative).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lines[0].quantityPer");

        var tooPrecise = api.put(Role.PCP, "/items/" + panel + "/bom", """
                {"lines":[{"componentCode":"%s","quantityPer":0.12345}]}
                """.formatted(sheet));
        assertThat(tooPrecise).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(tooPrecise).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lines[0].quantityPer");
    }

    @Test
    void rejectsAnItemAsItsOwnComponent() {
        String panel = api.item("PNL", "COMPONENT");
        var result = api.put(Role.PCP, "/items/" + panel + "/bom", """
                {"lines":[{"componentCode":"%s","quantityPer":1}]}
                """.formatted(panel));
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + "unprocessable");
    }

    @Test
    void rejectsACycleThroughSubAssemblies() {
        String wardrobe = api.item("WARD", "FINISHED_GOOD");
        String drawer = api.item("DRW", "WIP");
        String front = api.item("FRONT", "COMPONENT");
        bom(wardrobe, drawer);
        bom(drawer, front);

        var cycle = api.put(Role.PCP, "/items/" + front + "/bom", """
                {"lines":[{"componentCode":"%s","quantityPer":1}]}
                """.formatted(wardrobe));
        assertThat(cycle).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(cycle).bodyJson().extractingPath("$.detail").asString().contains(wardrobe);
        assertThat(api.get(Role.PCP, "/items/" + front + "/bom"))
                .bodyJson()
                .extractingPath("$.lines")
                .asArray()
                .isEmpty();
    }

    @Test
    void rejectsUnknownAndRepeatedComponents() {
        String panel = api.item("PNL", "COMPONENT");
        String sheet = api.item("MDF", "RAW_MATERIAL");
        assertThat(api.put(Role.PCP, "/items/" + panel + "/bom", """
                        {"lines":[{"componentCode":"NO-SUCH-SHEET","quantityPer":1}]}
                        """)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(api.put(Role.PCP, "/items/" + panel + "/bom", """
                        {"lines":[{"componentCode":"%s","quantityPer":1},{"componentCode":"%s","quantityPer":2}]}
                        """.formatted(sheet, sheet)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void refusesABomChangeBasedOnAStaleVersion() {
        String panel = api.item("PNL", "COMPONENT");
        String sheet = api.item("MDF", "RAW_MATERIAL");
        bom(panel, sheet);
        var stale = api.put(Role.PCP, "/items/" + panel + "/bom", """
                {"version":0,"lines":[]}
                """);
        assertThat(stale).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void operatorsMayNotChangeABom() {
        String panel = api.item("PNL", "COMPONENT");
        assertThat(api.put(Role.OPERATOR, "/items/" + panel + "/bom", """
                        {"lines":[]}
                        """)).hasStatus(HttpStatus.FORBIDDEN);
    }

    private void bom(String parent, String component) {
        Requests.expectStatus(api.put(Role.PCP, "/items/" + parent + "/bom", """
                        {"lines":[{"componentCode":"%s","quantityPer":1}]}
                        """.formatted(component)), 200);
    }

    private int versionOf(String code) {
        return jdbc.sql("select version from item where code = :code")
                .param("code", code)
                .query(Integer.class)
                .single();
    }
}
