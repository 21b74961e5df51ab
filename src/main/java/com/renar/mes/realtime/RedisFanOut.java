package com.renar.mes.realtime;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fan-out between instances through Redis pub/sub. The relay leader publishes every event it reads to one channel
 * ({@link #deliver}); every instance, the leader included, subscribes to it and pushes what arrives to its own
 * STOMP clients. Pub/sub keeps nothing: an instance that is disconnected from Redis misses what is published
 * meanwhile (its dashboards catch up over HTTP), while the leader does not move its cursor past events it could
 * not publish.
 *
 * <p>Redis being down never stops the application: the first connection is retried in the background with a
 * growing pause, after which Lettuce reconnects (and re-subscribes) by itself; publishing fails fast while
 * disconnected and the relay tries again later.
 */
final class RedisFanOut implements RelaySink, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisFanOut.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);

    private final RedisURI uri;
    private final String channel;
    private final StompBroadcaster local;
    private final JsonMapper json;
    private final RealtimeProperties properties;
    private final Object publisherLock = new Object();

    private volatile boolean running;
    private volatile boolean subscribed;
    private volatile RedisClient client;
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile Thread connector;

    RedisFanOut(String url, StompBroadcaster local, JsonMapper json, RealtimeProperties properties) {
        this.uri = RedisURI.create(url);
        this.channel = properties.redisChannel();
        this.local = local;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        RedisClient redis = RedisClient.create(uri);
        redis.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(COMMAND_TIMEOUT)
                        .tcpNoDelay(true)
                        .keepAlive(true)
                        .build())
                .build());
        redis.addListener(new ConnectionLog());
        client = redis;
        running = true;
        Thread thread = new Thread(this::subscribeUntilConnected, "realtime-redis-subscriber");
        thread.setDaemon(true);
        connector = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            thread = connector;
            connector = null;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(COMMAND_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        subscribed = false;
        closeQuietly(subscription);
        closeQuietly(publisher);
        subscription = null;
        publisher = null;
        RedisClient redis = client;
        client = null;
        if (redis != null) {
            // No quiet period: nothing is in flight any more, and a lingering event loop would delay JVM exit.
            redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the relay, which publishes through it, and stops after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    /** Whether this instance is subscribed to the channel (it receives what the leader publishes). */
    boolean isSubscribed() {
        return subscribed && subscription != null && subscription.isOpen();
    }

    @Override
    public boolean needsLeader() {
        return true;
    }

    /** Publishes events in order; throws unless Redis took every one of them. */
    @Override
    public void deliver(List<RelayedEvent> events) throws Exception {
        StatefulRedisConnection<String, String> connection = publisher();
        List<RedisFuture<Long>> sent = new ArrayList<>(events.size());
        for (RelayedEvent event : events) {
            sent.add(connection.async().publish(channel, json.writeValueAsString(event)));
        }
        for (RedisFuture<Long> future : sent) {
            future.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private StatefulRedisConnection<String, String> publisher() {
        synchronized (publisherLock) {
            RedisClient redis = client;
            if (!running || redis == null) {
                throw new IllegalStateException("Redis fan-out is stopped");
            }
            if (publisher == null) {
                publisher = redis.connect();
            }
            return publisher;
        }
    }

    private void subscribeUntilConnected() {
        Duration pause = FIRST_RETRY;
        while (running) {
            try {
                StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
                connection.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String from, String message) {
                        receive(message);
                    }
                });
                connection.sync().subscribe(channel);
                subscription = connection;
                subscribed = true;
                log.info("Real-time: subscribed to Redis channel '{}' at {}", channel, redacted());
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn(
                        "Real-time: cannot reach Redis at {} ({}); retrying in {} ms",
                        redacted(),
                        e.getMessage(),
                        pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                Duration doubled = pause.multipliedBy(2);
                pause = doubled.compareTo(properties.reconnectMaxBackoff()) > 0
                        ? properties.reconnectMaxBackoff()
                        : doubled;
            }
        }
    }

    private void receive(String message) {
        RelayedEvent event;
        try {
            event = json.readValue(message, RelayedEvent.class);
        } catch (RuntimeException e) {
            log.warn("Real-time: ignoring a message on Redis channel '{}' that is not an event ({})", channel, e);
            return;
        }
        try {
            local.broadcast(event);
        } catch (RuntimeException e) {
            log.warn("Real-time: could not push event {} to local clients", event.eventId(), e);
        }
    }

    private String redacted() {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static void closeQuietly(AutoCloseable connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (Exception e) {
            log.debug("Closing a Redis connection failed", e);
        }
    }

    private final class ConnectionLog implements RedisConnectionStateListener {

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (running) {
                log.info("Real-time: connected to Redis at {}", redacted());
            }
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (running) {
                log.warn("Real-time: disconnected from Redis at {}; reconnecting", redacted());
            }
        }
    }
}
