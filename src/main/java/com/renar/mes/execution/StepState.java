package com.renar.mes.execution;

import com.renar.mes.shared.MesProblemException;

/**
 * The life of a routing step: NOT_STARTED → IN_PROGRESS ⇄ PAUSED → COMPLETED. A step may complete from
 * IN_PROGRESS or PAUSED; nothing leaves COMPLETED.
 */
enum StepState {
    NOT_STARTED,
    IN_PROGRESS,
    PAUSED,
    COMPLETED;

    enum Action {
        START,
        PAUSE,
        RESUME,
        COMPLETE
    }

    /** The state an action leads to from this one, or empty when the action is not allowed here. */
    java.util.Optional<StepState> after(Action action) {
        StepState next = switch (action) {
            case START -> this == NOT_STARTED ? IN_PROGRESS : null;
            case PAUSE -> this == IN_PROGRESS ? PAUSED : null;
            case RESUME -> this == PAUSED ? IN_PROGRESS : null;
            case COMPLETE -> this == IN_PROGRESS || this == PAUSED ? COMPLETED : null;
        };
        return java.util.Optional.ofNullable(next);
    }

    /** Pieces may be counted and judged only while the step is open: started and not completed. */
    boolean acceptsWork() {
        return this == IN_PROGRESS || this == PAUSED;
    }

    StepState transition(Action action, String what) {
        return after(action)
                .orElseThrow(() -> MesProblemException.conflict(what + " is " + this + "; it cannot "
                        + action.name().toLowerCase() + " now (allowed: " + allowedFrom() + ")"));
    }

    private String allowedFrom() {
        return switch (this) {
            case NOT_STARTED -> "start";
            case IN_PROGRESS -> "pause, complete";
            case PAUSED -> "resume, complete";
            case COMPLETED -> "nothing, it is closed";
        };
    }
}
