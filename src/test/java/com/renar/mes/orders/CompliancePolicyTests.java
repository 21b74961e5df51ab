package com.renar.mes.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renar.mes.orders.CompliancePolicy.StepLoad;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompliancePolicyTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant NOW = CLOCK.instant();
    private static final Instant DUE = NOW.plus(Duration.ofHours(4));

    private static StepLoad step(String planned, String good, String seconds, String setup, boolean started) {
        return new StepLoad(
                new BigDecimal(planned), new BigDecimal(good), new BigDecimal(seconds), new BigDecimal(setup), started);
    }

    @Test
    void openOrderWithEnoughTimeLeftIsOnTime() {
        assertThat(CompliancePolicy.deadline(OrderStatus.IN_PROGRESS, DUE, null, Duration.ofHours(3), NOW))
                .isEqualTo(DeadlineCompliance.ON_TIME);
    }

    @Test
    void openOrderWhoseRemainingStandardTimePassesTheDueTimeIsAtRisk() {
        assertThat(CompliancePolicy.deadline(OrderStatus.IN_PROGRESS, DUE, null, Duration.ofHours(5), NOW))
                .isEqualTo(DeadlineCompliance.AT_RISK);
    }

    @Test
    void openOrderPastItsDueTimeIsLateWhateverRemains() {
        assertThat(CompliancePolicy.deadline(
                        OrderStatus.OPEN_NOT_STARTED, NOW.minusSeconds(1), null, Duration.ZERO, NOW))
                .isEqualTo(DeadlineCompliance.LATE);
    }

    @Test
    void finishingExactlyAtTheDueTimeIsOnTime() {
        assertThat(CompliancePolicy.deadline(OrderStatus.IN_PROGRESS, DUE, null, Duration.ofHours(4), NOW))
                .isEqualTo(DeadlineCompliance.ON_TIME);
        assertThat(CompliancePolicy.deadline(OrderStatus.CLOSED, DUE, DUE, Duration.ZERO, NOW.plus(Duration.ofDays(3))))
                .isEqualTo(DeadlineCompliance.ON_TIME);
    }

    @Test
    void closedOrderIsJudgedByWhenItClosedNotByNow() {
        Instant later = DUE.plus(Duration.ofDays(10));
        assertThat(CompliancePolicy.deadline(OrderStatus.CLOSED, DUE, DUE.minusSeconds(60), Duration.ZERO, later))
                .isEqualTo(DeadlineCompliance.ON_TIME);
        assertThat(CompliancePolicy.deadline(OrderStatus.CLOSED, DUE, DUE.plusSeconds(60), Duration.ZERO, NOW))
                .isEqualTo(DeadlineCompliance.LATE);
    }

    @Test
    void cancelledOrderOwesNothing() {
        assertThat(CompliancePolicy.deadline(
                        OrderStatus.CANCELLED, NOW.minusSeconds(3600), null, Duration.ofHours(1), NOW))
                .isEqualTo(DeadlineCompliance.ON_TIME);
    }

    @Test
    void remainingTimeCountsMissingGoodPiecesAndSetupOfStepsNotStarted() {
        List<StepLoad> steps = List.of(
                step("100", "100", "30", "15", true), // done: nothing left
                step("100", "40", "12.5", "10", true), // 60 pieces x 12.5 s = 750 s, setup already done
                step("100", "0", "20", "30", false)); // 100 x 20 s = 2000 s + 30 min setup = 1800 s
        assertThat(CompliancePolicy.remainingStandardTime(steps)).isEqualTo(Duration.ofSeconds(750 + 2000 + 1800));
    }

    @Test
    void overProducedStepLeavesNothingToDoAndNeverNegativeTime() {
        assertThat(CompliancePolicy.remainingStandardTime(List.of(step("10", "12", "30", "0", true))))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void fractionalSecondsRoundUpToWholeSeconds() {
        assertThat(CompliancePolicy.remainingStandardTime(List.of(step("3", "0", "0.333", "0", true))))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 100, 0.0",
        "50, 100, 50.0",
        "100, 100, 100.0",
        "9999, 10000, 99.9",
        "1, 3, 33.3",
        "120, 100, 120.0",
        "2.5, 10, 25.0"
    })
    void volumeIsGoodOverPlannedInPercentTruncatedToOneDecimal(String good, String planned, String percent) {
        assertThat(CompliancePolicy.volumePercent(new BigDecimal(good), new BigDecimal(planned)))
                .isEqualByComparingTo(percent);
    }

    @Test
    void volumeNeverReaches100BeforeEveryPlannedPieceIsGood() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long planned = 1 + random.nextInt(1_000_000);
            long good = random.nextInt((int) planned);
            assertThat(CompliancePolicy.volumePercent(BigDecimal.valueOf(good), BigDecimal.valueOf(planned)))
                    .isLessThan(BigDecimal.valueOf(100));
        }
    }

    @Test
    void volumeOfZeroPlannedIsRefused() {
        assertThatThrownBy(() -> CompliancePolicy.volumePercent(BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
