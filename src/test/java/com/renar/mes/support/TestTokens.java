package com.renar.mes.support;

import com.renar.mes.platform.AccessTokens;
import com.renar.mes.shared.Role;
import org.springframework.boot.test.context.TestComponent;

/** Mints real signed tokens for tests, without going through login (which is rate limited). */
@TestComponent
public class TestTokens {

    private final AccessTokens tokens;

    TestTokens(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** An {@code Authorization} header value for a user of the given role. */
    public String bearer(Role role) {
        return "Bearer "
                + tokens.issue(role.name().toLowerCase(), role, "Test " + role).value();
    }
}
