package com.renar.mes.masterdata;

import com.renar.mes.shared.Role;
import java.util.Optional;

/** Looks up the people allowed to log in; used by authentication. */
public interface UserAccounts {

    /** The active account whose username (case-insensitive) or badge number is {@code usernameOrBadge}. */
    Optional<Account> findActive(String usernameOrBadge);

    /** What authentication needs to know of an account. */
    record Account(String username, String displayName, Role role, String passwordHash) {}
}
