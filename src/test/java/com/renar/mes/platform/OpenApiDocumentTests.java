package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.support.MesIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The OpenAPI document is what integrators read: it must declare the token and show the endpoints. */
@MesIntegrationTest
class OpenApiDocumentTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void declaresBearerAuthForEverythingButLogin() {
        var doc = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(doc).hasStatusOk();
        assertThat(doc)
                .bodyJson()
                .extractingPath("$.components.securitySchemes.bearerAuth.scheme")
                .isEqualTo("bearer");
        assertThat(doc)
                .bodyJson()
                .extractingPath("$.components.securitySchemes.bearerAuth.bearerFormat")
                .isEqualTo("JWT");
        assertThat(doc)
                .bodyJson()
                .extractingPath("$.security[0].bearerAuth")
                .asArray()
                .isEmpty();
        assertThat(doc)
                .bodyJson()
                .extractingPath("$.paths['/api/v1/auth/login'].post.security")
                .asArray()
                .isEmpty();
    }

    @Test
    void documentsTheShopFloorAndTheErpPushWithAnExample() throws Exception {
        var doc = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(doc)
                .bodyJson()
                .extractingPath("$.paths['/api/v1/scans'].post")
                .isNotNull();
        assertThat(doc)
                .bodyJson()
                .extractingPath("$.paths['/api/v1/ops/{id}/steps/{step}/count'].post")
                .isNotNull();
        assertThat(doc)
                .bodyJson()
                .extractingPath("$.paths['/api/v1/erp/orders'].post.requestBody.content['application/json'].examples")
                .asMap()
                .hasSize(1);
        assertThat(doc.getResponse().getContentAsString()).contains("2026-0042", "routing");
    }
}
