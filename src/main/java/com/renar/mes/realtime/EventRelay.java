package com.renar.mes.realtime;

import com.renar.mes.realtime.EventLogReader.Batch;
import com.renar.mes.realtime.EventLogReader.Position;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves events from {@code event_log} to a {@link RelaySink}, at least once and in log order (see {@link
 * EventLogReader}), on one daemon thread with one dedicated connection.
 *
 * <p>The thread reads the log every {@code pollInterval} (50 ms by default). It also LISTENs on {@value #CHANNEL}:
 * where the database has notifications turned on ({@code mes.realtime_notify = on}, off by default because a
 * notifying commit serialises commits; ADR 0006) a trigger on the log wakes it when a transaction that wrote
 * events commits, so an event is relayed milliseconds after its commit; a lost notification only delays. When the connection fails it reconnects with a growing pause and continues from where it
 * was; no event is skipped.
 *
 * <p>Without Redis every instance relays to its own clients and starts at the horizon of its start (dashboards
 * want live events; history is in the catch-up endpoint). With Redis only the leader relays: whoever holds the
 * session advisory lock {@link #LEADER_LOCK} on its dedicated connection. It keeps its place in {@code
 * event_relay_cursor} after every batch, so the next leader (after a crash, the lock goes with the connection)
 * continues there, sending again at most the batch in flight. The others try for the lock every {@code
 * leaderRetryInterval}.
 */
final class EventRelay implements SmartLifecycle {

    static final String CHANNEL = "plant_events";

    /** The advisory lock of the relay leader (any constant shared by all instances): "MESRELAY". */
    static final long LEADER_LOCK = 0x4d45_5352_454c_4159L;

    /** Name of the leader's row in {@code event_relay_cursor}. */
    static final String CURSOR = "redis";

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final long WAIT_SLICE_MILLIS = 250;

    private final RelayConnections connections;
    private final RelaySink sink;
    private final JsonMapper json;
    private final RealtimeProperties properties;
    private final String threadName;
    private volatile State state = State.CONNECTING;

    private volatile boolean running;
    private volatile Thread thread;

    /** Where this instance has got to (local relaying only; the leader's place is in the database). */
    private Position position;

    EventRelay(RelayConnections connections, RelaySink sink, JsonMapper json, RealtimeProperties properties) {
        this(connections, sink, json, properties, "realtime-relay");
    }

    EventRelay(
            RelayConnections connections,
            RelaySink sink,
            JsonMapper json,
            RealtimeProperties properties,
            String threadName) {
        this.threadName = threadName;
        this.connections = connections;
        this.sink = sink;
        this.json = json;
        this.properties = properties;
    }

    /** What the relay is doing now. */
    State state() {
        return state;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread relay = new Thread(this::run, threadName);
        relay.setDaemon(true);
        thread = relay;
        relay.start();
    }

    @Override
    public void stop() {
        Thread relay;
        synchronized (this) {
            running = false;
            relay = thread;
            thread = null;
        }
        if (relay == null) {
            return;
        }
        relay.interrupt();
        try {
            relay.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (relay.isAlive()) {
            log.warn("The real-time relay thread did not stop within 5 s; leaving it (daemon) behind");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration pause = FIRST_RETRY;
        while (running) {
            try (Connection connection = connections.open()) {
                pause = FIRST_RETRY;
                relayOn(connection);
            } catch (Exception e) {
                state = State.CONNECTING;
                if (!running) {
                    break;
                }
                log.warn("Real-time relay: database connection failed ({}); retrying in {} ms", e, pause.toMillis());
                if (!pause(pause)) {
                    break;
                }
                pause = next(pause);
            }
        }
        state = State.CONNECTING;
        log.debug("Real-time relay stopped");
    }

    private void relayOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + CHANNEL);
        }
        PGConnection notifications = connection.unwrap(PGConnection.class);
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        EventLogReader reader = new EventLogReader(jdbc, json);
        RelayCursor cursor = new RelayCursor(jdbc, CURSOR);
        Position at = null;
        long nextLeaderAttempt = System.nanoTime();
        Duration deliveryPause = FIRST_RETRY;
        if (!sink.needsLeader()) {
            if (position == null) {
                position = Position.atHorizon(reader.horizon());
            }
            at = position;
            state = State.RELAYING;
        }
        while (running) {
            if (at == null && System.nanoTime() - nextLeaderAttempt >= 0) {
                at = tryToLead(jdbc, reader, cursor);
                nextLeaderAttempt =
                        System.nanoTime() + properties.leaderRetryInterval().toNanos();
            }
            if (at != null) {
                try {
                    at = drain(reader, cursor, at);
                    deliveryPause = FIRST_RETRY;
                } catch (DeliveryFailed e) {
                    log.warn(
                            "Real-time relay: could not hand events on ({}); trying again in {} ms",
                            e.getCause().toString(),
                            deliveryPause.toMillis());
                    if (!pause(deliveryPause)) {
                        return;
                    }
                    deliveryPause = next(deliveryPause);
                    continue;
                }
            }
            awaitNotification(notifications);
        }
    }

    private Position tryToLead(JdbcClient jdbc, EventLogReader reader, RelayCursor cursor) {
        boolean locked = jdbc.sql("select pg_try_advisory_lock(:key)")
                .param("key", LEADER_LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) {
            state = State.FOLLOWING;
            return null;
        }
        Long stored = cursor.load();
        long start = stored != null ? stored : reader.horizon();
        if (stored == null) {
            cursor.save(start);
        }
        state = State.RELAYING;
        log.info(
                "Real-time relay: this instance is now the leader, relaying from transaction {} ({})",
                start,
                stored != null ? "where the previous leader stopped" : "no previous leader: from now");
        return Position.atHorizon(start);
    }

    /** Reads and delivers until the log is read up to the horizon; returns the new position. */
    private Position drain(EventLogReader reader, RelayCursor cursor, Position from) throws DeliveryFailed {
        Position at = from;
        while (running) {
            Batch batch = reader.readAfter(at, properties.batchSize());
            if (!batch.events().isEmpty()) {
                try {
                    sink.deliver(batch.events());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return at;
                } catch (Exception e) {
                    throw new DeliveryFailed(e);
                }
            }
            if (!sink.needsLeader()) {
                position = batch.next();
            } else if (batch.next().txId() > at.txId()) {
                cursor.save(batch.next().txId());
            }
            at = batch.next();
            if (batch.events().size() < properties.batchSize()) {
                break;
            }
        }
        return at;
    }

    /** Returns when notified, after {@code pollInterval}, or when stopping; whichever comes first. */
    private void awaitNotification(PGConnection connection) throws SQLException {
        long deadline = System.nanoTime() + properties.pollInterval().toNanos();
        while (running) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                return;
            }
            PGNotification[] received = connection.getNotifications((int) Math.min(left, WAIT_SLICE_MILLIS));
            if (received != null && received.length > 0) {
                return;
            }
        }
    }

    /** Sleeps; false when interrupted (stopping). */
    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private Duration next(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(properties.reconnectMaxBackoff()) > 0 ? properties.reconnectMaxBackoff() : doubled;
    }

    private static final class DeliveryFailed extends Exception {
        DeliveryFailed(Exception cause) {
            super(cause);
        }
    }

    /** What a relay is doing. */
    enum State {
        /** Not connected to the database (starting, reconnecting or stopped). */
        CONNECTING,
        /** Connected; another instance is the leader (Redis only). */
        FOLLOWING,
        /** Reading the log and handing events on. */
        RELAYING
    }
}
