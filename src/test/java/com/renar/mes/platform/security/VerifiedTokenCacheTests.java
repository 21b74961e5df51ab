package com.renar.mes.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renar.mes.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTests {

    private static final Instant ISSUED = Instant.parse("2026-12-02T08:00:00Z");

    private final MutableClock clock = new MutableClock(ISSUED.plusSeconds(60));
    private final AtomicInteger verifications = new AtomicInteger();

    /** A stand-in verifier: "good-*" tokens verify (expiring an hour after issue), anything else is tampered. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "HS256")
                .subject(token.substring(5))
                .issuedAt(ISSUED)
                .expiresAt(ISSUED.plus(Duration.ofHours(1)))
                .build();
    };

    private VerifiedTokenCache cache(int capacity) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        return new VerifiedTokenCache(verifier, timestamps, capacity);
    }

    @Test
    void verifiesATokenOnceAndRemembersIt() {
        VerifiedTokenCache cache = cache(10);
        assertThat(cache.decode("good-ana").getSubject()).isEqualTo("ana");
        assertThat(cache.decode("good-ana").getSubject()).isEqualTo("ana");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenStillExpires() {
        VerifiedTokenCache cache = cache(10);
        cache.decode("good-ana");
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> cache.decode("good-ana")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void neverRemembersATokenThatFailedVerification() {
        VerifiedTokenCache cache = cache(10);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsCapacity() {
        VerifiedTokenCache cache = cache(3);
        for (int i = 0; i < 10; i++) {
            cache.decode("good-" + i);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }
}
