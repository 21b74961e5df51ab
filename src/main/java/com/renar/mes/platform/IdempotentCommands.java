package com.renar.mes.platform;

import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Runs a command at most once per caller and {@code Idempotency-Key}, the way payment APIs do it: the first
 * request with a key runs and its answer (success or 4xx problem) is kept; the same key with the same request
 * gets that answer again, marked with the header {@value #REPLAYED_HEADER}; the same key with a different request
 * is refused (422, {@code idempotency-key-reused}). Concurrent requests with one key wait for the first and then
 * replay it, so they produce exactly one effect. Keys are kept for {@code mes.idempotency.retention} (7 days).
 */
public interface IdempotentCommands {

    String KEY_HEADER = "Idempotency-Key";
    String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * Runs {@code command} in a transaction unless this key already ran. Without a key the command simply runs.
     *
     * @param caller who asks (keys are scoped to the caller)
     * @param key the client's {@code Idempotency-Key}, or null
     * @param fingerprint identifies the request (method, path and body), so a reused key is detected
     * @param command the work; its transaction is the one the key is claimed in
     */
    ResponseEntity<?> execute(String caller, String key, String fingerprint, Supplier<ResponseEntity<?>> command);

    /** A stable digest of a request: method, path and the body as parsed (so whitespace does not matter). */
    String fingerprint(String method, String path, Object body);
}
