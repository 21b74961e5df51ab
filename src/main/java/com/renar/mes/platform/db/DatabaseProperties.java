package com.renar.mes.platform.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the data lives. With no {@code url} the app runs its own embedded PostgreSQL whose data directory sits
 * under {@code dataDir}; with a {@code url} it uses that server.
 *
 * @param url JDBC URL of an external PostgreSQL ({@code MES_DB_URL}); blank means embedded
 * @param user user for the external server
 * @param password password for the external server
 * @param poolSize connection pool size (5–10 is where PostgreSQL on two cores peaks)
 * @param dataDir base data directory; the embedded cluster lives in {@code dataDir/postgres}
 * @param embeddedPort port of the embedded server, 0 picks a free one
 * @param ephemeral embedded cluster in a throw-away directory, deleted at shutdown (tests)
 */
@ConfigurationProperties("mes.db")
record DatabaseProperties(
        String url, String user, String password, int poolSize, Path dataDir, int embeddedPort, boolean ephemeral) {

    DatabaseProperties {
        if (poolSize <= 0) {
            poolSize = 10;
        }
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }

    boolean embedded() {
        return !StringUtils.hasText(url);
    }
}
