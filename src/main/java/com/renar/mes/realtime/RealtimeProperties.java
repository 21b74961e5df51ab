package com.renar.mes.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Real-time delivery settings ({@code mes.realtime.*}; the environment variables are in application.yml).
 *
 * @param pollInterval the relay reads the event log at least this often, even without a notification (a lost
 *     notification only delays an event by this much)
 * @param batchSize events read from the log per query
 * @param redisChannel Redis pub/sub channel the leader publishes to and every instance listens on (only with
 *     {@code MES_REDIS_URL})
 * @param leaderRetryInterval how often an instance that is not the relay leader tries to become it (Redis only)
 * @param reconnectMaxBackoff longest wait between attempts to reach PostgreSQL or Redis again
 * @param sendBufferSize most data buffered for one slow WebSocket session before it is closed
 * @param sendTimeLimit longest a send to one WebSocket session may take before the session is closed
 * @param messageSizeLimit largest inbound STOMP frame accepted (dashboards only send CONNECT and SUBSCRIBE)
 * @param heartbeat STOMP heart-beat the server offers and asks for; a dashboard that stops answering is dropped
 */
@ConfigurationProperties("mes.realtime")
record RealtimeProperties(
        Duration pollInterval,
        int batchSize,
        String redisChannel,
        Duration leaderRetryInterval,
        Duration reconnectMaxBackoff,
        DataSize sendBufferSize,
        Duration sendTimeLimit,
        DataSize messageSizeLimit,
        Duration heartbeat) {

    RealtimeProperties {
        if (pollInterval == null || pollInterval.isZero() || pollInterval.isNegative()) {
            pollInterval = Duration.ofMillis(50);
        }
        if (batchSize <= 0) {
            batchSize = 500;
        }
        if (redisChannel == null || redisChannel.isBlank()) {
            redisChannel = "mes:plant-events";
        }
        if (leaderRetryInterval == null || leaderRetryInterval.isNegative() || leaderRetryInterval.isZero()) {
            leaderRetryInterval = Duration.ofSeconds(5);
        }
        if (reconnectMaxBackoff == null || reconnectMaxBackoff.isNegative() || reconnectMaxBackoff.isZero()) {
            reconnectMaxBackoff = Duration.ofSeconds(30);
        }
        if (sendBufferSize == null || sendBufferSize.toBytes() <= 0) {
            sendBufferSize = DataSize.ofKilobytes(512);
        }
        if (sendTimeLimit == null || sendTimeLimit.isNegative() || sendTimeLimit.isZero()) {
            sendTimeLimit = Duration.ofSeconds(10);
        }
        if (messageSizeLimit == null || messageSizeLimit.toBytes() <= 0) {
            messageSizeLimit = DataSize.ofKilobytes(64);
        }
        if (heartbeat == null || heartbeat.isNegative()) {
            heartbeat = Duration.ofSeconds(10);
        }
    }
}
