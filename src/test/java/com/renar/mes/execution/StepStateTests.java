package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renar.mes.execution.StepState.Action;
import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.ProblemType;
import org.junit.jupiter.api.Test;

class StepStateTests {

    @Test
    void followsTheLifeOfAStep() {
        assertThat(StepState.NOT_STARTED.after(Action.START)).contains(StepState.IN_PROGRESS);
        assertThat(StepState.IN_PROGRESS.after(Action.PAUSE)).contains(StepState.PAUSED);
        assertThat(StepState.PAUSED.after(Action.RESUME)).contains(StepState.IN_PROGRESS);
        assertThat(StepState.IN_PROGRESS.after(Action.COMPLETE)).contains(StepState.COMPLETED);
        assertThat(StepState.PAUSED.after(Action.COMPLETE)).contains(StepState.COMPLETED);
    }

    @Test
    void refusesEveryOtherTransition() {
        int allowed = 0;
        for (StepState state : StepState.values()) {
            for (Action action : Action.values()) {
                if (state.after(action).isPresent()) {
                    allowed++;
                }
            }
        }
        assertThat(allowed).isEqualTo(5);
        assertThat(StepState.COMPLETED.after(Action.START)).isEmpty();
        assertThat(StepState.NOT_STARTED.after(Action.COMPLETE)).isEmpty();
    }

    @Test
    void anIllegalTransitionIsAConflictThatSaysWhatIsAllowed() {
        assertThatThrownBy(() -> StepState.NOT_STARTED.transition(Action.COMPLETE, "Step 10"))
                .isInstanceOf(MesProblemException.class)
                .hasMessageContaining("Step 10 is NOT_STARTED")
                .hasMessageContaining("allowed: start")
                .extracting(e -> ((MesProblemException) e).type())
                .isEqualTo(ProblemType.CONFLICT);
    }

    @Test
    void onlyOpenStepsTakeWork() {
        assertThat(StepState.IN_PROGRESS.acceptsWork()).isTrue();
        assertThat(StepState.PAUSED.acceptsWork()).isTrue();
        assertThat(StepState.NOT_STARTED.acceptsWork()).isFalse();
        assertThat(StepState.COMPLETED.acceptsWork()).isFalse();
    }
}
