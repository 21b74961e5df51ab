package com.renar.mes.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ReplenishmentPolicyTests {

    private static BigDecimal n(long value) {
        return BigDecimal.valueOf(value);
    }

    @Test
    void needIsThePlanLessWhatUpstreamReplenishmentsCover() {
        assertThat(ReplenishmentPolicy.need(n(100), n(5))).isEqualByComparingTo("95");
        assertThat(ReplenishmentPolicy.need(n(3), n(5))).isEqualByComparingTo("0");
    }

    @Test
    void scrapIsAShortfallWhenTheStepReceivedNoSparePieces() {
        assertThat(ReplenishmentPolicy.scrapShortfall(n(100), n(100), 5)).isEqualByComparingTo("5");
        assertThat(ReplenishmentPolicy.scrapShortfall(n(100), null, 5)).isEqualByComparingTo("5");
    }

    @Test
    void scrapEatsSparePiecesFirst() {
        assertThat(ReplenishmentPolicy.scrapShortfall(n(100), n(105), 3)).isEqualByComparingTo("0");
        assertThat(ReplenishmentPolicy.scrapShortfall(n(100), n(105), 8)).isEqualByComparingTo("3");
    }

    @Test
    void aShortfallNeverExceedsTheScrapItself() {
        // received far less than needed (that is the previous step's divergence, not this scrap)
        assertThat(ReplenishmentPolicy.scrapShortfall(n(100), n(60), 2)).isEqualByComparingTo("2");
    }

    @Test
    void completionWithEverythingCoveredRaisesNothing() {
        var shortfall = ReplenishmentPolicy.atCompletion(n(100), 95, 95, n(5));
        assertThat(shortfall.shortage()).isZero();
        assertThat(shortfall.divergence()).isZero();
    }

    @Test
    void piecesNeitherCountedNorScrappedAreADivergence() {
        var shortfall = ReplenishmentPolicy.atCompletion(n(100), 85, 85, n(5));
        assertThat(shortfall.divergence()).isEqualByComparingTo("10");
        assertThat(shortfall.shortage()).isZero();
    }

    @Test
    void setsHeldBackForMissingComponentsAreAShortage() {
        var shortfall = ReplenishmentPolicy.atCompletion(n(10), 10, 7, BigDecimal.ZERO);
        assertThat(shortfall.shortage()).isEqualByComparingTo("3");
        assertThat(shortfall.divergence()).isZero();
    }

    @Test
    void overProductionRaisesNothing() {
        var shortfall = ReplenishmentPolicy.atCompletion(n(100), 104, 104, BigDecimal.ZERO);
        assertThat(shortfall.shortage()).isZero();
        assertThat(shortfall.divergence()).isZero();
    }

    /** Whatever the figures, the parts add up to exactly what is missing beyond what is covered. */
    @RepeatedTest(200)
    void shortageAndDivergenceAddUpToTheUncoveredShortfall() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        long need = random.nextLong(0, 500);
        long good = random.nextLong(0, 600);
        long released = random.nextLong(0, good + 1);
        long covered = random.nextLong(0, 50);
        var shortfall = ReplenishmentPolicy.atCompletion(n(need), good, released, n(covered));
        long expected = Math.max(0, Math.max(0, need - released) - covered);
        assertThat(shortfall.shortage().add(shortfall.divergence())).isEqualByComparingTo(n(expected));
        assertThat(shortfall.shortage()).isBetween(BigDecimal.ZERO, n(good - released));
        assertThat(shortfall.divergence().signum()).isGreaterThanOrEqualTo(0);
    }
}
