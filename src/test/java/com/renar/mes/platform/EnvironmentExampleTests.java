package com.renar.mes.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code .env.example} is where operators look up settings: it must not fall behind the configuration. */
class EnvironmentExampleTests {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{((?:MES|ERP)_[A-Z0-9_]+)");
    private static final Pattern ENTRY = Pattern.compile("(?m)^#?((?:MES|ERP)_[A-Z0-9_]+)=");

    @Test
    void listsEveryVariableTheConfigurationReads() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String file : new String[] {
            "src/main/resources/application.yml",
            "src/main/resources/application-prod.yml",
            "src/main/resources/logback-spring.xml"
        }) {
            Matcher references = REFERENCE.matcher(Files.readString(Path.of(file)));
            while (references.find()) {
                read.add(references.group(1));
            }
        }
        Set<String> listed = new TreeSet<>();
        Matcher entries = ENTRY.matcher(Files.readString(Path.of(".env.example")));
        while (entries.find()) {
            listed.add(entries.group(1));
        }

        assertThat(read).contains("MES_DB_URL", "MES_REDIS_URL", "MES_LOG_DIR", "ERP_ENABLED");
        assertThat(listed).containsAll(read);
    }
}
