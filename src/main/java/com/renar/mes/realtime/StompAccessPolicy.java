package com.renar.mes.realtime;

import org.springframework.core.convert.converter.Converter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Who may do what over STOMP. The WebSocket handshake at {@code /ws} is open (browsers cannot add headers to it);
 * the STOMP CONNECT frame must carry {@code Authorization: Bearer <token>}, checked with the same decoder and role
 * mapping as the HTTP API, and becomes the session's user. Without a valid token the CONNECT is refused: the
 * client gets an ERROR frame and the connection is closed. Dashboards only listen: SUBSCRIBE is allowed to the
 * topics of {@link Topics} only, SEND and transactions are refused. The token is checked once, at CONNECT; a
 * session outlives its token's expiry (a dashboard reconnects with a fresh one when it reconnects).
 */
final class StompAccessPolicy implements ChannelInterceptor {

    private static final String BEARER = "Bearer ";

    private final JwtDecoder decoder;
    private final Converter<Jwt, ? extends AbstractAuthenticationToken> authentication;

    StompAccessPolicy(JwtDecoder decoder, Converter<Jwt, ? extends AbstractAuthenticationToken> authentication) {
        this.decoder = decoder;
        this.authentication = authentication;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message; // heart-beats
        }
        StompCommand command = stomp.getCommand();
        switch (command) {
            case CONNECT, STOMP -> stomp.setUser(authenticate(stomp));
            case SUBSCRIBE -> {
                requireUser(stomp);
                if (!Topics.isSubscribable(stomp.getDestination())) {
                    throw new StompRefusal("You may subscribe to " + Topics.PLANT + ", " + Topics.WORKCENTERS
                            + "{code} and " + Topics.OPS + "{orderId} only");
                }
            }
            case UNSUBSCRIBE, DISCONNECT -> {}
            case SEND -> throw new StompRefusal("Dashboards only listen here: SEND is not accepted");
            default -> throw new StompRefusal(command + " is not accepted");
        }
        return message;
    }

    private AbstractAuthenticationToken authenticate(StompHeaderAccessor stomp) {
        String header = stomp.getFirstNativeHeader("Authorization");
        if (header == null) {
            header = stomp.getFirstNativeHeader("authorization");
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new StompRefusal(
                    "A valid access token is required: send 'Authorization: Bearer <token>'" + " in the CONNECT frame");
        }
        try {
            AbstractAuthenticationToken user = authentication.convert(
                    decoder.decode(header.substring(BEARER.length()).trim()));
            if (user == null) {
                throw new StompRefusal("A valid access token is required (missing, expired or invalid)");
            }
            return user;
        } catch (JwtException e) {
            throw new StompRefusal("A valid access token is required (missing, expired or invalid)");
        }
    }

    private static void requireUser(StompHeaderAccessor stomp) {
        if (stomp.getUser() == null) {
            throw new StompRefusal("CONNECT with a valid access token first");
        }
    }
}
