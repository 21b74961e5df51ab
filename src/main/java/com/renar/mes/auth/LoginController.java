package com.renar.mes.auth;

import com.renar.mes.masterdata.UserAccounts;
import com.renar.mes.platform.AccessTokens;
import com.renar.mes.platform.AccessTokens.IssuedToken;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final AccessTokens tokens;
    private final String decoyHash;

    LoginController(UserAccounts accounts, PasswordEncoder passwords, AccessTokens tokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.decoyHash = passwords.encode("decoy-password-for-unknown-users");
    }

    /**
     * Unknown user, inactive user and wrong password all get the same 401, after the same amount of hashing work,
     * so the answer does not tell which usernames exist.
     */
    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest request) {
        var account = accounts.findActive(request.username().trim());
        String hash = account.map(UserAccounts.Account::passwordHash).orElse(decoyHash);
        boolean matches = passwords.matches(request.password(), hash);
        if (account.isEmpty() || !matches) {
            log.info("Failed login for '{}'", request.username());
            throw new MesProblemException(ProblemType.INVALID_CREDENTIALS, "Username or password is wrong");
        }
        var user = account.get();
        IssuedToken token = tokens.issue(user.username(), user.role(), user.displayName());
        log.info("Login of '{}' as {}", user.username(), user.role());
        return new LoginResponse(
                token.value(),
                "Bearer",
                token.lifetime().toSeconds(),
                user.role().name(),
                user.username());
    }

    record LoginRequest(
            @NotBlank @Size(max = 60) String username,
            @NotBlank @Size(max = 200) String password) {}

    record LoginResponse(String accessToken, String tokenType, long expiresIn, String role, String username) {}
}
