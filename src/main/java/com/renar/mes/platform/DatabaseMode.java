package com.renar.mes.platform;

/** Whether the app runs on its own embedded PostgreSQL or on a configured external server. */
public enum DatabaseMode {
    EMBEDDED,
    EXTERNAL
}
