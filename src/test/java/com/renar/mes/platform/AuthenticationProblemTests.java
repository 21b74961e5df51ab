package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.renar.mes.shared.Role;
import com.renar.mes.support.MesIntegrationTest;
import com.renar.mes.support.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every way a token can be wrong gets the same 401 problem, with a challenge and nothing else to learn. */
@MesIntegrationTest
class AuthenticationProblemTests {

    static final String TEST_SECRET = "test-secret-test-secret-test-secret-0123456789";
    private static final String ITEMS = "/api/v1/masterdata/items";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestTokens tokens;

    @Test
    void acceptsAValidToken() {
        assertThat(get(tokens.bearer(Role.OPERATOR))).hasStatusOk();
    }

    @Test
    void rejectsARequestWithoutToken() {
        expectUnauthorizedProblem(mvc.get().uri(ITEMS).exchange());
    }

    @Test
    void rejectsAnExpiredToken() throws JOSEException {
        Instant issued = Instant.now().minus(Duration.ofHours(9));
        String token = sign(claims(issued, issued.plus(Duration.ofHours(8))), TEST_SECRET);
        expectUnauthorizedProblem(get("Bearer " + token));
    }

    @Test
    void acceptsATokenSignedWithTheTestSecret() throws JOSEException {
        Instant now = Instant.now();
        String token = sign(claims(now, now.plus(Duration.ofHours(1))), TEST_SECRET);
        assertThat(get("Bearer " + token))
                .as("control: the hand-made tokens of this class are right but for the flaw under test")
                .hasStatusOk();
    }

    @Test
    void rejectsATokenWithATamperedSignature() {
        String token = tokens.bearer(Role.MANAGER).substring("Bearer ".length());
        int signature = token.lastIndexOf('.') + 1;
        int middle = signature + (token.length() - signature) / 2;
        char flipped = token.charAt(middle) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, middle) + flipped + token.substring(middle + 1);
        expectUnauthorizedProblem(get("Bearer " + tampered));
    }

    @Test
    void rejectsATokenWithTamperedClaims() {
        String token = tokens.bearer(Role.OPERATOR).substring("Bearer ".length());
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace("\"OPERATOR\"", "\"MANAGER\"");
        assertThat(promoted).isNotEqualTo(claims);
        String forged = parts[0] + "." + base64Url(promoted) + "." + parts[2];
        expectUnauthorizedProblem(get("Bearer " + forged));
    }

    @Test
    void rejectsAnUnsignedAlgNoneToken() {
        Instant now = Instant.now();
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64Url(claims(now, now.plus(Duration.ofHours(1))).toString());
        expectUnauthorizedProblem(get("Bearer " + header + "." + claims + "."));
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() throws JOSEException {
        Instant now = Instant.now();
        String token = sign(claims(now, now.plus(Duration.ofHours(1))), "another-secret-another-secret-0123456789");
        expectUnauthorizedProblem(get("Bearer " + token));
    }

    @Test
    void rejectsAGarbageToken() {
        expectUnauthorizedProblem(get("Bearer not-a-jwt"));
    }

    private MvcTestResult get(String authorization) {
        return mvc.get()
                .uri(ITEMS)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange();
    }

    private static void expectUnauthorizedProblem(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).headers().hasValue(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        assertThat(result).contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("https://mes.renar.com.br/problems/unauthorized");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
        assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo(ITEMS);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.requestId")
                .isEqualTo(result.getResponse().getHeader("X-Request-Id"));
        ProblemBodies.assertRevealsNothingInternal(result);
    }

    private static JWTClaimsSet claims(Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder()
                .issuer("mes-renar")
                .subject("manager")
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("role", "MANAGER")
                .build();
    }

    private static String sign(JWTClaimsSet claims, String secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
