package com.renar.mes.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** One row of {@code step_execution}: the step's state and exact totals. */
record StepRecord(
        long orderId,
        int sequence,
        StepState state,
        String workcenter,
        long produced,
        long scrap,
        long rework,
        long reworkReturned,
        long released,
        long scans,
        Instant startedAt,
        String startedBy,
        Instant runningSince,
        long runSeconds,
        Instant completedAt) {

    static StepRecord notStarted(long orderId, int sequence) {
        return new StepRecord(
                orderId, sequence, StepState.NOT_STARTED, null, 0, 0, 0, 0, 0, 0, null, null, null, 0, null);
    }

    /** Pieces set aside for rework and not back yet. */
    long reworkPending() {
        return rework - reworkReturned;
    }

    /** Pieces made and still good. */
    long good() {
        return produced - scrap - reworkPending();
    }

    /** Running time so far, the current run included. */
    long runSecondsAt(Instant now) {
        return runSeconds
                + (runningSince == null
                        ? 0
                        : Math.max(0, Duration.between(runningSince, now).toSeconds()));
    }

    static StepRecord map(ResultSet rs, int n) throws SQLException {
        return new StepRecord(
                rs.getLong("order_id"),
                rs.getInt("step_sequence"),
                StepState.valueOf(rs.getString("state")),
                rs.getString("workcenter_code"),
                rs.getLong("produced"),
                rs.getLong("scrap"),
                rs.getLong("rework"),
                rs.getLong("rework_returned"),
                rs.getLong("released"),
                rs.getLong("scans"),
                instant(rs.getTimestamp("started_at")),
                rs.getString("started_by"),
                instant(rs.getTimestamp("running_since")),
                rs.getLong("run_seconds"),
                instant(rs.getTimestamp("completed_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
