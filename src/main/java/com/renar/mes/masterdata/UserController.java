package com.renar.mes.masterdata;

import com.renar.mes.masterdata.UserManagement.Filter;
import com.renar.mes.masterdata.UserManagement.NewUser;
import com.renar.mes.masterdata.UserManagement.PasswordChange;
import com.renar.mes.masterdata.UserManagement.UserChange;
import com.renar.mes.masterdata.UserManagement.UserView;
import com.renar.mes.shared.PageQuery;
import com.renar.mes.shared.PageResponse;
import com.renar.mes.shared.Role;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** People who log in: read by supervisors, planners and managers; changed by managers only. */
@RestController
@RequestMapping("/api/v1/masterdata/users")
class UserController {

    static final String READERS = "hasAnyRole('SUPERVISOR','PCP','MANAGER')";
    static final String WRITERS = "hasRole('MANAGER')";

    private final UserManagement management;

    UserController(UserManagement management) {
        this.management = management;
    }

    @GetMapping
    @PreAuthorize(READERS)
    PageResponse<UserView> list(
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Boolean active,
            @Valid PageQuery query) {
        return management.list(new Filter(role, active), query, UserView::of);
    }

    @GetMapping("/{username}")
    @PreAuthorize(READERS)
    UserView get(@PathVariable String username) {
        return UserView.of(management.find(username));
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser request) {
        AppUser created = management.create(request);
        return ResponseEntity.created(URI.create("/api/v1/masterdata/users/" + created.username()))
                .body(UserView.of(created));
    }

    @PutMapping("/{username}")
    @PreAuthorize(WRITERS)
    UserView update(@PathVariable String username, @Valid @RequestBody UserChange request) {
        return UserView.of(management.update(username, request));
    }

    @PostMapping("/{username}/deactivate")
    @PreAuthorize(WRITERS)
    UserView deactivate(@PathVariable String username, Principal principal) {
        return UserView.of(management.setActive(username, false, principal.getName()));
    }

    @PostMapping("/{username}/activate")
    @PreAuthorize(WRITERS)
    UserView activate(@PathVariable String username, Principal principal) {
        return UserView.of(management.setActive(username, true, principal.getName()));
    }

    @PutMapping("/{username}/password")
    @PreAuthorize(WRITERS)
    ResponseEntity<Void> changePassword(@PathVariable String username, @Valid @RequestBody PasswordChange request) {
        management.changePassword(username, request);
        return ResponseEntity.noContent().build();
    }
}
