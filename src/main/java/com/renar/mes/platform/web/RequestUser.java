package com.renar.mes.platform.web;

import jakarta.servlet.ServletRequest;

/**
 * The authenticated user of a request, for the request log. Spring Security clears its context when its filter
 * chain returns, which is before the request log (running outside that chain, so that it also sees requests the
 * chain rejects) writes its line; so the security chain leaves the name on the request here.
 */
public final class RequestUser {

    static final String NONE = "-";
    private static final String ATTRIBUTE = RequestUser.class.getName();

    private RequestUser() {}

    /** Called from inside the security chain once a token was accepted. */
    public static void remember(ServletRequest request, String username) {
        request.setAttribute(ATTRIBUTE, username);
    }

    /** The user name, or {@code -} for anonymous and rejected requests. */
    static String of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String name ? name : NONE;
    }
}
