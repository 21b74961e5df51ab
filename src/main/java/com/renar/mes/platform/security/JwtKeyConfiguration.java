package com.renar.mes.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The HS256 key behind every token. Spring Boot has no property for a symmetric key, so the decoder and encoder
 * are built here from {@code MES_JWT_SECRET}.
 */
@Configuration(proxyBeanMethods = false)
class JwtKeyConfiguration {

    static final int MIN_SECRET_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(JwtKeyConfiguration.class);

    @Bean
    SecretKey jwtSigningKey(JwtProperties properties, Environment environment) {
        String secret = properties.secret();
        if (secret == null || secret.isBlank()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("MES_JWT_SECRET is required under the 'prod' profile (at least "
                        + MIN_SECRET_BYTES + " bytes); refusing to start with a generated key");
            }
            byte[] random = new byte[MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            log.warn("MES_JWT_SECRET is not set: using a random signing key. Tokens will not survive a restart and"
                    + " will not be accepted by other instances. Set MES_JWT_SECRET (>= 32 bytes) in production.");
            return new SecretKeySpec(random, "HmacSHA256");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("MES_JWT_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes long for HS256 (it has " + bytes.length + ")");
        }
        SecretKey key = new SecretKeySpec(bytes, "HmacSHA256");
        Arrays.fill(bytes, (byte) 0);
        return key;
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, JwtProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // The signature is checked once per token (then remembered); the claims on every use, against the same
        // clock that issues tokens (one source of "now", fixed in tests).
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        return new VerifiedTokenCache(
                decoder,
                new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(properties.issuer())),
                VerifiedTokenCache.DEFAULT_CAPACITY);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(jwtSigningKey));
    }
}
