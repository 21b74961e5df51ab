package com.renar.mes.execution;

import com.renar.mes.masterdata.UserAccounts;
import com.renar.mes.shared.MesProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Resolves the operator of a shop-floor request: the token's user, or the person whose badge the request names
 * (a station account scanning for whoever stands at it). A badge must belong to an active account.
 */
@Component
class Operators {

    private final UserAccounts accounts;

    Operators(UserAccounts accounts) {
        this.accounts = accounts;
    }

    Actor resolve(Authentication caller, String badge) {
        String sender = caller.getName();
        if (badge == null || badge.isBlank()) {
            return new Actor(sender, sender);
        }
        return accounts.findActive(badge.strip())
                .map(account -> new Actor(account.username(), sender))
                .orElseThrow(() -> MesProblemException.unprocessable(
                        "Badge '" + badge.strip() + "' does not belong to an active user"));
    }
}
