package com.renar.mes.masterdata;

import com.renar.mes.shared.Role;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who logs in (aggregate root). The password is only ever stored as a one-way hash. */
@Table("app_user")
record AppUser(
        @Id Long id,
        String username,
        String badge,
        String displayName,
        Role role,
        String passwordHash,
        boolean active,
        @Version int version,
        Instant createdAt,
        Instant updatedAt) {

    static AppUser create(
            String username, String badge, String displayName, Role role, String passwordHash, Instant now) {
        return new AppUser(null, username, badge, displayName, role, passwordHash, true, 0, now, now);
    }

    AppUser update(String newBadge, String newDisplayName, Role newRole, Instant now) {
        return new AppUser(
                id, username, newBadge, newDisplayName, newRole, passwordHash, active, version, createdAt, now);
    }

    AppUser withActive(boolean newActive, Instant now) {
        return new AppUser(id, username, badge, displayName, role, passwordHash, newActive, version, createdAt, now);
    }

    AppUser withPasswordHash(String newHash, Instant now) {
        return new AppUser(id, username, badge, displayName, role, newHash, active, version, createdAt, now);
    }

    /** Never print the hash, not even in logs. */
    @Override
    public String toString() {
        return "AppUser[username=" + username + ", role=" + role + ", active=" + active + "]";
    }
}
