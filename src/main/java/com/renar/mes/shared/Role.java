package com.renar.mes.shared;

/** The plant roles (see docs/domain.md). A token carries exactly one. */
public enum Role {
    OPERATOR,
    SUPERVISOR,
    PCP,
    MANAGER;

    /** Spring Security expressions used on endpoints, kept in one place so the rules read the same everywhere. */
    public static final class Expressions {
        /** Planning writes: PCP and plant management. */
        public static final String PLANNING = "hasAnyRole('PCP','MANAGER')";

        /** Recording work on the floor (scans, steps, counts, quality): operators, supervisors, managers. */
        public static final String SHOP_FLOOR = "hasAnyRole('OPERATOR','SUPERVISOR','MANAGER')";

        /** Receiving material into stock: supervisors, planners, managers. */
        public static final String STOCK = "hasAnyRole('SUPERVISOR','PCP','MANAGER')";

        private Expressions() {}
    }
}
