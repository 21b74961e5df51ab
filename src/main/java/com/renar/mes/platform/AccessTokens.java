package com.renar.mes.platform;

import com.renar.mes.shared.Role;
import java.time.Duration;

/** Issues signed access tokens for authenticated users. */
public interface AccessTokens {

    /**
     * Issues a token for a user whose credentials were already checked.
     *
     * @param username the subject
     * @param role the single role the token grants
     * @param displayName shown by clients; not used for authorization
     */
    IssuedToken issue(String username, Role role, String displayName);

    /** A signed token and how long it lives. */
    record IssuedToken(String value, Duration lifetime, Role role) {}
}
