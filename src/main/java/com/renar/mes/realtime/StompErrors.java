package com.renar.mes.realtime;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Writes the ERROR frame for a client frame that was refused or failed. Only a {@link StompRefusal}'s own message
 * reaches the client; anything else (whose message may name classes or channels) becomes a generic text, logged
 * here. ERROR frames the broker itself sends (e.g. after DISCONNECT) pass unchanged.
 */
final class StompErrors extends StompSubProtocolErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(StompErrors.class);

    @Override
    protected Message<byte[]> handleInternal(
            StompHeaderAccessor error, byte[] payload, Throwable cause, StompHeaderAccessor client) {
        if (cause == null) {
            return super.handleInternal(error, payload, null, client); // the broker's own (e.g. "Session closed.")
        }
        StompRefusal refusal = refusal(cause);
        String text;
        if (refusal != null) {
            text = refusal.getMessage();
            log.debug("STOMP {} refused: {}", client == null ? "frame" : client.getCommand(), text);
        } else {
            text = "The frame could not be processed";
            log.warn("STOMP {} failed", client == null ? "frame" : client.getCommand(), cause);
        }
        error.setMessage(text);
        return MessageBuilder.createMessage(text.getBytes(StandardCharsets.UTF_8), error.getMessageHeaders());
    }

    private static StompRefusal refusal(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StompRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
