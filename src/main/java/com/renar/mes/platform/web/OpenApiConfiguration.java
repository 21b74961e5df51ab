package com.renar.mes.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every operation needs a
 * bearer JWT except login, which declares none.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";

    @Bean
    OpenAPI mesOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("MES RENAR API")
                        .version("v1")
                        .description("Manufacturing Execution System of the RENAR furniture plant. Log in with"
                                + " POST /api/v1/auth/login, then send 'Authorization: Bearer <accessToken>'. Errors"
                                + " are RFC 9457 problem+json (docs/problems.md)."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("Access token from POST /api/v1/auth/login (HS256)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Login is the one operation without a token. */
    @Bean
    OpenApiCustomizer loginNeedsNoToken() {
        return api -> {
            var login = api.getPaths() == null ? null : api.getPaths().get("/api/v1/auth/login");
            if (login != null && login.getPost() != null) {
                login.getPost().setSecurity(java.util.List.of());
            }
        };
    }
}
