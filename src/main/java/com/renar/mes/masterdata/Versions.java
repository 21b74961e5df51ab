package com.renar.mes.masterdata;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.ProblemType;
import java.util.Map;

/**
 * Optimistic locking across requests: a client that read version N sends it back with its change; if the record
 * moved on meanwhile, the change is refused instead of silently overwriting someone else's. Within a request the
 * {@code @Version} column does the same.
 */
final class Versions {

    private Versions() {}

    /** Does nothing when the client sent no version (last write wins, as before versions were sent). */
    static void check(String what, Integer expected, int actual) {
        if (expected != null && expected != actual) {
            throw new MesProblemException(
                    ProblemType.CONFLICT,
                    what + " was changed by someone else (you sent version " + expected + ", it is now at " + actual
                            + "); reload it and try again",
                    Map.of("currentVersion", actual));
        }
    }
}
