package com.renar.mes.masterdata;

import com.renar.mes.shared.Role;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcUserAccounts implements UserAccounts {

    private final JdbcClient jdbc;

    JdbcUserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> findActive(String usernameOrBadge) {
        // A username match wins over a badge match, so a badge can never shadow another person's login.
        return jdbc.sql("""
                        select username, display_name, role, password_hash
                          from app_user
                         where active and (lower(username) = lower(:login) or badge = :login)
                         order by (lower(username) = lower(:login)) desc
                         limit 1
                        """)
                .param("login", usernameOrBadge)
                .query((rs, n) -> new Account(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("password_hash")))
                .optional();
    }
}
