package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.ProblemType;
import com.renar.mes.shared.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages the people who log in. Usernames are unique ignoring case, badges are unique, and passwords are stored
 * only as hashes made by the application's {@link PasswordEncoder}.
 */
@Service
class UserManagement {

    /** BCrypt looks at the first 72 bytes only (and Spring Security refuses longer input). */
    static final int MAX_PASSWORD_BYTES = 72;

    private final AppUserRepository users;
    private final JdbcAggregateOperations aggregates;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserManagement(
            AppUserRepository users, JdbcAggregateOperations aggregates, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.aggregates = aggregates;
        this.passwords = passwords;
        this.clock = clock;
    }

    <T> PageResponse<T> list(Filter filter, PageQuery page, Function<AppUser, T> view) {
        Criteria criteria = Criteria.empty();
        if (filter.role() != null) {
            criteria = criteria.and("role").is(filter.role().name());
        }
        if (filter.active() != null) {
            criteria = criteria.and("active").is(filter.active());
        }
        return PageResponse.of(
                aggregates.findAll(
                        Query.query(criteria),
                        AppUser.class,
                        PageRequest.of(page.page(), page.size(), Sort.by("username"))),
                view);
    }

    @Transactional
    AppUser create(NewUser command) {
        if (users.existsByUsername(command.username())) {
            throw MesProblemException.conflict("User '" + command.username() + "' already exists");
        }
        String badge = blankToNull(command.badge());
        requireFreeBadge(badge, command.username());
        return aggregates.insert(AppUser.create(
                command.username(),
                badge,
                command.displayName(),
                command.role(),
                hash(command.password()),
                clock.instant()));
    }

    @Transactional
    AppUser update(String username, UserChange change) {
        AppUser user = find(username);
        Versions.check("User '" + username + "'", change.version(), user.version());
        String badge = blankToNull(change.badge());
        requireFreeBadge(badge, user.username());
        return aggregates.update(user.update(badge, change.displayName(), change.role(), clock.instant()));
    }

    /** Deactivated users cannot log in any more; nobody may deactivate their own account. */
    @Transactional
    AppUser setActive(String username, boolean active, String actingUsername) {
        AppUser user = find(username);
        if (!active && user.username().equalsIgnoreCase(actingUsername)) {
            throw MesProblemException.unprocessable("You cannot deactivate your own account");
        }
        if (user.active() == active) {
            return user;
        }
        return aggregates.update(user.withActive(active, clock.instant()));
    }

    @Transactional
    AppUser changePassword(String username, PasswordChange change) {
        AppUser user = find(username);
        return aggregates.update(user.withPasswordHash(hash(change.password()), clock.instant()));
    }

    AppUser find(String username) {
        return users.findByUsername(username).orElseThrow(() -> MesProblemException.notFound("User", username));
    }

    private void requireFreeBadge(String badge, String username) {
        if (badge != null && users.badgeTakenByOther(badge, username)) {
            throw MesProblemException.conflict("Badge '" + badge + "' already belongs to another user");
        }
    }

    private String hash(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new MesProblemException(
                    ProblemType.VALIDATION,
                    "The request has invalid fields",
                    Map.of(
                            "errors",
                            List.of(Map.of(
                                    "field",
                                    "password",
                                    "message",
                                    "at most " + MAX_PASSWORD_BYTES + " bytes (fewer when using accents)"))));
        }
        return passwords.encode(password);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Optional list filters. */
    record Filter(Role role, Boolean active) {}

    /** A new person who may log in; the password is hashed and never stored or shown as given. */
    record NewUser(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits and . _ - only")
            String username,

            @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]*", message = "letters, digits and - only")
            String badge,

            @NotBlank @Size(max = 120) String displayName,
            @NotNull Role role,

            @NotNull @Size(min = 8, max = MAX_PASSWORD_BYTES)
            String password) {

        @Override
        public String toString() {
            return "NewUser[username=" + username + ", role=" + role + "]";
        }
    }

    /** Changes a user; {@code version} (optional) is the one the client read. */
    record UserChange(
            @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]*", message = "letters, digits and - only")
            String badge,

            @NotBlank @Size(max = 120) String displayName,
            @NotNull Role role,
            Integer version) {}

    /** A new password for a user. */
    record PasswordChange(
            @NotNull @Size(min = 8, max = MAX_PASSWORD_BYTES)
            String password) {

        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    /** What may be shown of a user: everything but the password hash. */
    record UserView(
            String username,
            String badge,
            String displayName,
            Role role,
            boolean active,
            int version,
            Instant createdAt,
            Instant updatedAt) {
        static UserView of(AppUser user) {
            return new UserView(
                    user.username(),
                    user.badge(),
                    user.displayName(),
                    user.role(),
                    user.active(),
                    user.version(),
                    user.createdAt(),
                    user.updatedAt());
        }
    }
}
