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
class PlantApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    Requests api;

    @BeforeEach
    void setUp() {
        api = new Requests(mvc, tokens);
    }

    @Test
    void showsPlantTimeZoneAndThatTheDemoPlantIsLoaded() {
        var result = api.get(Role.OPERATOR, "/plant");
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.timeZone").isEqualTo("America/Sao_Paulo");
        assertThat(result).bodyJson().extractingPath("$.demoPlantLoaded").isEqualTo(true);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.counts.processSteps")
                .asNumber()
                .satisfies(n -> assertThat(n.longValue()).isGreaterThanOrEqualTo(7));
        assertThat(result)
                .bodyJson()
                .extractingPath("$.counts.shiftPatterns")
                .asNumber()
                .satisfies(n -> assertThat(n.longValue()).isGreaterThanOrEqualTo(96));
    }

    @Test
    void answersUnauthorizedWithoutToken() {
        assertThat(api.anonymousGet("/plant")).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
