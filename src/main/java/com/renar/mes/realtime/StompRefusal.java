package com.renar.mes.realtime;

/** A STOMP frame the server will not accept. Its message goes to the client in the ERROR frame, so it is plain. */
final class StompRefusal extends RuntimeException {

    StompRefusal(String message) {
        super(message, null, false, false);
    }
}
