package com.renar.mes.platform.idempotency;

import com.renar.mes.platform.IdempotentCommands;
import com.renar.mes.platform.web.Problems;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys live in {@code idempotency_record}, primary key (caller, key). The claim is an {@code INSERT … ON CONFLICT
 * DO NOTHING} in the command's own transaction: a concurrent request with the same key blocks on the unique index
 * until the first commits (then replays its answer) or rolls back (then runs itself). A command that fails with a
 * business problem rolls back; its problem is then stored in a transaction of its own, so a retry gets the same
 * answer. Unexpected errors (5xx) are not stored: a retry runs again.
 */
@Component
class JdbcIdempotentCommands implements IdempotentCommands {

    static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcIdempotentCommands(
            JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public ResponseEntity<?> execute(
            String caller, String key, String fingerprint, Supplier<ResponseEntity<?>> command) {
        if (key == null) {
            return transactions.execute(tx -> command.get());
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new MesProblemException(
                    ProblemType.VALIDATION, "Idempotency-Key must be 1 to 100 visible ASCII characters");
        }
        try {
            return transactions.execute(tx -> {
                if (!claim(caller, key, fingerprint)) {
                    return replay(caller, key, fingerprint);
                }
                ResponseEntity<?> response = command.get();
                store(caller, key, response);
                return response;
            });
        } catch (MesProblemException e) {
            ProblemDetail problem = Problems.of(e.type(), e.getMessage(), currentRequest());
            e.properties().forEach(problem::setProperty);
            Boolean stored = transactions.execute(tx -> storeProblem(caller, key, fingerprint, problem));
            if (Boolean.TRUE.equals(stored)) {
                throw e;
            }
            return transactions.execute(tx -> replay(caller, key, fingerprint));
        }
    }

    @Override
    public String fingerprint(String method, String path, Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                sha.update(json.writeValueAsBytes(body));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private boolean claim(String caller, String key, String fingerprint) {
        return jdbc.sql("""
                        insert into idempotency_record (caller, idempotency_key, request_hash, created_at)
                        values (:caller, :key, :hash, :now)
                        on conflict do nothing
                        """)
                        .param("caller", caller)
                        .param("key", key)
                        .param("hash", fingerprint)
                        .param("now", Timestamp.from(clock.instant()))
                        .update()
                == 1;
    }

    private void store(String caller, String key, ResponseEntity<?> response) {
        URI location = response.getHeaders().getLocation();
        jdbc.sql("""
                        update idempotency_record
                           set response_status = :status, response_body = :body, location = :location
                         where caller = :caller and idempotency_key = :key
                        """)
                .param("status", response.getStatusCode().value())
                .param("body", response.hasBody() ? json.writeValueAsString(response.getBody()) : null)
                .param("location", location == null ? null : location.toString())
                .param("caller", caller)
                .param("key", key)
                .update();
    }

    private boolean storeProblem(String caller, String key, String fingerprint, ProblemDetail problem) {
        return jdbc.sql("""
                        insert into idempotency_record (caller, idempotency_key, request_hash, created_at,
                                                        response_status, response_body, problem)
                        values (:caller, :key, :hash, :now, :status, :body, true)
                        on conflict do nothing
                        """)
                        .param("caller", caller)
                        .param("key", key)
                        .param("hash", fingerprint)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("status", problem.getStatus())
                        .param("body", json.writeValueAsString(Problems.body(problem)))
                        .update()
                == 1;
    }

    private ResponseEntity<?> replay(String caller, String key, String fingerprint) {
        Stored stored = jdbc.sql("""
                        select request_hash, response_status, response_body, location, problem
                          from idempotency_record where caller = :caller and idempotency_key = :key
                        """)
                .param("caller", caller)
                .param("key", key)
                .query((rs, n) -> new Stored(
                        rs.getString("request_hash"),
                        (Integer) rs.getObject("response_status"),
                        rs.getString("response_body"),
                        rs.getString("location"),
                        rs.getBoolean("problem")))
                .optional()
                .orElseThrow(() -> MesProblemException.conflict(
                        "The request with this Idempotency-Key is still being processed; retry shortly"));
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new MesProblemException(
                    ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request; use a new key for a new request");
        }
        if (stored.status() == null) {
            throw MesProblemException.conflict(
                    "The request with this Idempotency-Key is still being processed; retry shortly");
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status())
                .header(REPLAYED_HEADER, "true")
                .contentType(stored.problem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON);
        Optional.ofNullable(stored.location()).ifPresent(l -> answer.header(HttpHeaders.LOCATION, l));
        return stored.body() == null ? answer.build() : answer.body(stored.body());
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private record Stored(String fingerprint, Integer status, String body, String location, boolean problem) {}
}
