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
        Instant updatedAt) {}
