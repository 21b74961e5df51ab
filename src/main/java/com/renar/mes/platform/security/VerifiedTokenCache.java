package com.renar.mes.platform.security;

import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Decodes a token and checks its signature once, then remembers the result by the token's exact text: a terminal
 * sends the same token with every scan all shift, and parsing plus HMAC is a visible share of a scan's cost on
 * two cores. The claims (expiry, not-before, issuer) are still validated on every use, so a remembered token
 * stops working the moment it expires. Only tokens whose signature verified are remembered (a tampered text is a
 * different key and fails verification); the cache is bounded and simply starts over when full.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int DEFAULT_CAPACITY = 4_096;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> claims;
    private final int capacity;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier decodes and checks the signature (and nothing else)
     * @param claims the checks every use must pass
     */
    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, int capacity) {
        this.verifier = verifier;
        this.claims = claims;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            if (verified.size() >= capacity) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = claims.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("The token is not valid now", result.getErrors());
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
