package com.renar.mes.realtime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catch-up for dashboards: WebSocket delivery to a client that was disconnected is best effort, so a client that
 * reconnects asks for what came after the last event it saw. Any role may read.
 *
 * <p>Events come in the same order the relay pushes them: by writing transaction, then id, and only from
 * transactions that have finished (below the transaction horizon). That order, unlike plain id order, never
 * changes behind a reader: an event that commits late cannot appear before one already returned, so {@code
 * after=<last id received>} never skips one. (Ids are taken when rows are inserted, not when they commit: id 10
 * may commit after id 11, and a reader by id that saw 11 would never ask for 10.) Ids therefore do not always
 * increase within an answer; always continue from {@code nextAfter}.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventCatchUpController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final EventLogReader reader;

    EventCatchUpController(JdbcClient jdbc, JsonMapper json) {
        this.reader = new EventLogReader(jdbc, json);
    }

    /**
     * Events after the one with id {@code after} (0 = from the start), at most {@code limit}, optionally only those
     * of one order or one workcenter.
     */
    @GetMapping
    EventPage events(
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(required = false) @Min(1) Long orderId,
            @RequestParam(required = false)
                    @Pattern(regexp = "[A-Za-z0-9._-]{1,30}", message = "is not a workcenter code")
                    String workcenter) {
        List<RelayedEvent> events = reader.catchUp(after, limit, orderId, workcenter);
        long next = events.isEmpty() ? after : events.get(events.size() - 1).id();
        return new EventPage(events, next);
    }

    /**
     * One answer.
     *
     * @param events in relay order
     * @param nextAfter pass as {@code after} to continue (unchanged when nothing new arrived)
     */
    record EventPage(List<RelayedEvent> events, long nextAfter) {}
}
