package com.renar.mes.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits and cross-origin access.
 *
 * @param maxBodySize {@code MES_MAX_BODY_SIZE}: the largest request body accepted under {@code /api/}
 * @param corsAllowedOrigins {@code MES_CORS_ALLOWED_ORIGINS}: origins (e.g. {@code https://dashboard.plant})
 *     whose browser pages may call the API; empty allows none
 */
@ConfigurationProperties("mes.http")
record HttpProperties(DataSize maxBodySize, List<String> corsAllowedOrigins) {

    HttpProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
        if (maxBodySize.toBytes() <= 0) {
            throw new IllegalStateException("MES_MAX_BODY_SIZE must be positive");
        }
        corsAllowedOrigins = corsAllowedOrigins == null
                ? List.of()
                : corsAllowedOrigins.stream()
                        .map(String::trim)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
    }
}
