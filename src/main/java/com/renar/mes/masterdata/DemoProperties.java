package com.renar.mes.masterdata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo plant.
 *
 * @param enabled {@code MES_DEMO_DATA}: blank loads it on the embedded database only, {@code true} or
 *     {@code false} force it either way
 * @param password {@code MES_DEMO_PASSWORD}: the password of the demo users
 */
@ConfigurationProperties("mes.demo")
record DemoProperties(String enabled, String password) {

    DemoProperties {
        if (password == null || password.isEmpty()) {
            password = "renar";
        }
    }

    @Override
    public String toString() {
        return "DemoProperties[enabled=" + enabled + ", password=***]";
    }
}
