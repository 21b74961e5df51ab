package com.renar.mes.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.renar.mes.platform.DatabaseMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoDataPolicyTests {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void loadsOnlyOnTheEmbeddedDatabaseWhenNotConfigured(String setting) {
        assertThat(DemoDataPolicy.shouldLoad(setting, DatabaseMode.EMBEDDED)).isTrue();
        assertThat(DemoDataPolicy.shouldLoad(setting, DatabaseMode.EXTERNAL)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True "})
    void explicitTrueLoadsOnAnyDatabase(String setting) {
        assertThat(DemoDataPolicy.shouldLoad(setting, DatabaseMode.EMBEDDED)).isTrue();
        assertThat(DemoDataPolicy.shouldLoad(setting, DatabaseMode.EXTERNAL)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE"})
    void explicitFalseNeverLoads(String setting) {
        assertThat(DemoDataPolicy.shouldLoad(setting, DatabaseMode.EMBEDDED)).isFalse();
        assertThat(DemoDataPolicy.shouldLoad(setting, DatabaseMode.EXTERNAL)).isFalse();
    }

    @Test
    void rejectsAnythingElseInsteadOfGuessing() {
        assertThatThrownBy(() -> DemoDataPolicy.shouldLoad("yes", DatabaseMode.EMBEDDED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MES_DEMO_DATA");
    }
}
