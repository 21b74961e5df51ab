package com.renar.mes.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings.
 *
 * @param secret HS256 secret ({@code MES_JWT_SECRET}), at least 32 bytes; blank generates a random one
 *     (not allowed under the {@code prod} profile)
 * @param ttl how long an access token is valid
 * @param issuer the {@code iss} claim written and required
 */
@ConfigurationProperties("mes.jwt")
record JwtProperties(String secret, Duration ttl, String issuer) {

    JwtProperties {
        if (ttl == null) {
            ttl = Duration.ofHours(8);
        }
        if (issuer == null || issuer.isBlank()) {
            issuer = "mes-renar";
        }
    }
}
