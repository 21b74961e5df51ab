package com.renar.mes.realtime;

import java.util.List;

/** Where the relay hands the events it reads from the log. */
interface RelaySink {

    /**
     * Whether one instance at a time relays (it publishes to Redis for all), keeping its place in {@code
     * event_relay_cursor} so that the next leader continues there. False: every instance relays to its own
     * clients, starting at the horizon.
     */
    boolean needsLeader();

    /**
     * Hands over events in log order. Throws when it could not; the relay then reads the same events again
     * later, so some may arrive twice (clients drop repeats by {@code eventId}).
     */
    void deliver(List<RelayedEvent> events) throws Exception;
}
