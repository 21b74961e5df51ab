package com.renar.mes.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The STOMP destinations dashboards may subscribe to. Every event goes to {@link #PLANT}; one with a workcenter
 * also to {@code /topic/workcenters/{code}}, one with an order also to {@code /topic/ops/{orderId}}.
 */
final class Topics {

    static final String PLANT = "/topic/plant";
    static final String WORKCENTERS = "/topic/workcenters/";
    static final String OPS = "/topic/ops/";

    private static final Pattern ALLOWED =
            Pattern.compile("/topic/plant|/topic/workcenters/[A-Za-z0-9._-]{1,30}|/topic/ops/[0-9]{1,19}");

    private Topics() {}

    static List<String> of(RelayedEvent event) {
        List<String> topics = new ArrayList<>(3);
        topics.add(PLANT);
        if (event.workcenter() != null && !event.workcenter().isBlank()) {
            topics.add(WORKCENTERS + event.workcenter());
        }
        if (event.orderId() != null) {
            topics.add(OPS + event.orderId());
        }
        return topics;
    }

    /** Whether a client may subscribe to {@code destination}. */
    static boolean isSubscribable(String destination) {
        return destination != null && ALLOWED.matcher(destination).matches();
    }
}
