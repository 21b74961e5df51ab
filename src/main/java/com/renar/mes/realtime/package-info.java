/**
 * Real time: pushes every {@link com.renar.mes.shared.PlantEvent} to dashboards over WebSocket/STOMP as soon as
 * it commits, and lets a dashboard that was away catch up over HTTP. It owns no business state: it reads the
 * platform's {@code event_log} (ordered by writing transaction, never past the oldest transaction still running),
 * is woken by PostgreSQL NOTIFY, and with several instances fans the events out through Redis, one leader reading
 * the log at a time. Delivery is at least once; clients drop repeats by {@code eventId}. See ADR 0006.
 */
@ApplicationModule(displayName = "Real time")
package com.renar.mes.realtime;

import org.springframework.modulith.ApplicationModule;
