package com.renar.mes.orders;

/** Why a replenishment order was made. */
public enum ReplenishmentTrigger {
    /** Pieces were scrapped (lost, no reuse). */
    SCRAP,
    /** Counts disagree: missing pieces or a count mismatch between steps. */
    DIVERGENCE,
    /** Components are missing for kitting (assembly, painting, packaging). */
    SHORTAGE
}
