package com.renar.mes.masterdata;

import com.renar.mes.platform.DatabaseMode;
import java.util.Locale;

/**
 * Whether to load the demo plant. By default only on the embedded database (a newcomer's first start); an
 * explicit {@code true} or {@code false} wins over that.
 */
final class DemoDataPolicy {

    private DemoDataPolicy() {}

    static boolean shouldLoad(String setting, DatabaseMode databaseMode) {
        if (setting == null || setting.isBlank()) {
            return databaseMode == DatabaseMode.EMBEDDED;
        }
        String value = setting.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalStateException(
                "mes.demo.enabled (MES_DEMO_DATA) must be blank, 'true' or 'false', not '" + setting + "'");
    }
}
