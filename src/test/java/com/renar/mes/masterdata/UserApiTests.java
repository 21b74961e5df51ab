package com.renar.mes.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@MesIntegrationTest
class UserApiTests {

    private static final String PASSWORD = "s3cret-pass";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    UserAccounts accounts;

    Requests api;

    @BeforeEach
    void setUp() {
        api = new Requests(mvc, tokens);
    }

    private static String username() {
        return "user." + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String badge() {
        return "B" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String newUser(String username, String badge) {
        Requests.expectStatus(api.post(Role.MANAGER, "/users", """
                        {"username":"%s","badge":"%s","displayName":"Test User","role":"OPERATOR","password":"%s"}
                        """.formatted(username, badge, PASSWORD)), 201);
        return username;
    }

    private String hashOf(String username) {
        return jdbc.sql("select password_hash from app_user where username = :username")
                .param("username", username)
                .query(String.class)
                .single();
    }

    private void assertNoSecrets(MvcTestResult result, String hash) {
        String body = Requests.body(result);
        assertThat(body).doesNotContain(hash).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password");
    }

    @Test
    void managerCreatesAUserWhosePasswordIsStoredOnlyAsAHash() {
        String username = username();
        var created = api.post(Role.MANAGER, "/users", """
                {"username":"%s","badge":"%s","displayName":"Ana Souza","role":"SUPERVISOR","password":"%s"}
                """.formatted(username, badge(), PASSWORD));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.role").isEqualTo("SUPERVISOR");
        assertThat(created).bodyJson().extractingPath("$.active").isEqualTo(true);

        String hash = hashOf(username);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        assertThat(accounts.findActive(username)).isPresent();
        assertNoSecrets(created, hash);
    }

    @Test
    void neverShowsThePasswordHashInAnyAnswer() {
        String username = newUser(username(), badge());
        String hash = hashOf(username);
        assertNoSecrets(api.get(Role.SUPERVISOR, "/users/" + username), hash);
        assertNoSecrets(api.get(Role.PCP, "/users?size=500"), hash);
        assertNoSecrets(api.put(Role.MANAGER, "/users/" + username, """
                {"badge":"%s","displayName":"Renamed","role":"OPERATOR"}
                """.formatted(badge())), hash);
        assertNoSecrets(api.post(Role.MANAGER, "/users/" + username + "/deactivate"), hash);
        assertNoSecrets(api.post(Role.MANAGER, "/users/" + username + "/activate"), hash);
    }

    @Test
    void updatesADeactivatesAndChangesThePasswordOfAUser() {
        String username = newUser(username(), badge());
        var updated = api.put(Role.MANAGER, "/users/" + username.toUpperCase(), """
                {"badge":"","displayName":"Promoted","role":"PCP"}
                """);
        assertThat(updated).hasStatusOk();
        assertThat(updated).bodyJson().extractingPath("$.role").isEqualTo("PCP");
        assertThat(updated).bodyJson().doesNotHavePath("$.badge");

        var deactivated = api.post(Role.MANAGER, "/users/" + username + "/deactivate");
        assertThat(deactivated).hasStatusOk();
        assertThat(deactivated).bodyJson().extractingPath("$.active").isEqualTo(false);
        assertThat(accounts.findActive(username)).isEmpty();

        assertThat(api.put(Role.MANAGER, "/users/" + username + "/password", """
                        {"password":"another-secret"}
                        """))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(passwords.matches("another-secret", hashOf(username))).isTrue();
    }

    @Test
    void nobodyDeactivatesTheirOwnAccount() {
        // The test token of a manager is issued to the username "manager" (the demo manager).
        var result = api.post(Role.MANAGER, "/users/manager/deactivate");
        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(accounts.findActive("manager")).isPresent();
    }

    @Test
    void usernamesAreUniqueIgnoringCaseAndBadgesAreUnique() {
        String badge = badge();
        String username = newUser(username(), badge);
        assertThat(api.post(Role.MANAGER, "/users", """
                        {"username":"%s","displayName":"Twin","role":"OPERATOR","password":"%s"}
                        """.formatted(username.toUpperCase(), PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(api.post(Role.MANAGER, "/users", """
                        {"username":"%s","badge":"%s","displayName":"Same badge","role":"OPERATOR","password":"%s"}
                        """.formatted(username(), badge, PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void rejectsAShortPasswordAndBadFields() {
        var result = api.post(Role.MANAGER, "/users", """
                {"username":"%s","displayName":"","role":"OPERATOR","password":"short"}
                """.formatted(username()));
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("password", "displayName");
        assertThat(Requests.body(result)).doesNotContain("short");
    }

    @Test
    void onlyManagersWriteAndOperatorsDoNotRead() {
        String body = """
                {"username":"%s","displayName":"Nope","role":"MANAGER","password":"%s"}
                """.formatted(username(), PASSWORD);
        assertThat(api.post(Role.PCP, "/users", body)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(Role.SUPERVISOR, "/users", body)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(Role.OPERATOR, "/users", body)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.post(Role.PCP, "/users/operator/deactivate")).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(api.get(Role.OPERATOR, "/users")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.get(Role.SUPERVISOR, "/users")).hasStatusOk();
        assertThat(api.get(Role.PCP, "/users/operator")).hasStatusOk();
        assertThat(api.get(Role.MANAGER, "/users/nobody-by-this-name")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.anonymousGet("/users")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void filtersAndPagesUsers() {
        var operators = api.get(Role.MANAGER, "/users?role=OPERATOR&active=true&size=1");
        assertThat(operators).hasStatusOk();
        assertThat(operators).bodyJson().extractingPath("$.content").asArray().hasSize(1);
        assertThat(operators).bodyJson().extractingPath("$.size").isEqualTo(1);
        assertThat(operators).bodyJson().extractingPath("$.content[0].role").isEqualTo("OPERATOR");
    }
}
