package com.renar.mes.realtime;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A relay sink that records what it is handed and can be told to fail after recording. */
final class RecordingSink implements RelaySink {

    private final boolean needsLeader;
    private final List<RelayedEvent> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    RecordingSink(boolean needsLeader) {
        this.needsLeader = needsLeader;
    }

    /** The next {@code times} deliveries record the events and then report failure (as a publish that timed out). */
    void failAfterRecording(int times) {
        failuresLeft.set(times);
    }

    @Override
    public boolean needsLeader() {
        return needsLeader;
    }

    @Override
    public void deliver(List<RelayedEvent> events) {
        received.addAll(events);
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("simulated: handed on, but no acknowledgement");
        }
    }

    List<RelayedEvent> received(UUID eventId) {
        return received.stream().filter(e -> e.eventId().equals(eventId)).toList();
    }
}
