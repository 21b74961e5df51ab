package com.renar.mes.platform;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code logback-spring.xml}, loaded into a logger context of its own (the suite's logging stays untouched) the
 * way Spring Boot loads it, for a profile of choice.
 */
class LoggingConfigurationTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path logDir;

    @Test
    void writesEveryEventAsJsonToCombinedAndErrorsAlsoToErrorLog() throws Exception {
        LoggerContext context = configure("prod");
        Logger log = context.getLogger("com.renar.mes.Example");
        context.getMDCAdapter().put("requestId", "rid-42");
        try {
            log.info("Order {} released", kv("order", "OP-1"));
            log.error("Printer jammed");
        } finally {
            context.getMDCAdapter().remove("requestId");
            context.stop();
        }

        List<JsonNode> combined = jsonLines(logDir.resolve("combined.log"));
        assertThat(combined).hasSize(2);
        JsonNode info = combined.get(0);
        assertThat(info.get("level").asString()).isEqualTo("INFO");
        assertThat(info.get("message").asString()).isEqualTo("Order order=OP-1 released");
        assertThat(info.get("order").asString())
                .as("structured argument as a field")
                .isEqualTo("OP-1");
        assertThat(info.get("requestId").asString()).as("MDC as a field").isEqualTo("rid-42");
        assertThat(info.get("logger_name").asString()).isEqualTo("com.renar.mes.Example");
        assertThat(info.has("@timestamp")).isTrue();

        List<JsonNode> errors = jsonLines(logDir.resolve("error.log"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("level").asString()).isEqualTo("ERROR");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("Printer jammed");
    }

    @Test
    void rollsBothFilesBySizeAndDayWithAHistoryCap() throws Exception {
        LoggerContext context = configure("prod");
        try {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            assertThat(appenderNames(root)).containsExactlyInAnyOrder("CONSOLE", "COMBINED", "ERRORS");
            for (String name : List.of("COMBINED", "ERRORS")) {
                RollingFileAppender<?> appender = (RollingFileAppender<?>) root.getAppender(name);
                assertThat(appender.getEncoder()).isInstanceOf(LogstashEncoder.class);
                assertThat(appender.getRollingPolicy()).isInstanceOf(SizeAndTimeBasedRollingPolicy.class);
                SizeAndTimeBasedRollingPolicy<?> policy =
                        (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
                assertThat(policy.getFileNamePattern()).endsWith(".%d{yyyy-MM-dd}.%i.log.gz");
                assertThat(policy.getMaxHistory()).isPositive();
            }
        } finally {
            context.stop();
        }
    }

    @Test
    void writesToTheConsoleOnlyUnderTheTestProfile() throws Exception {
        LoggerContext context = configure("test");
        try {
            context.getLogger("com.renar.mes.Example").error("Only on the console");
            assertThat(appenderNames(context.getLogger(Logger.ROOT_LOGGER_NAME)))
                    .containsExactly("CONSOLE");
        } finally {
            context.stop();
        }
        try (Stream<Path> files = Files.list(logDir)) {
            assertThat(files).isEmpty();
        }
    }

    private LoggerContext configure(String profile) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(((LoggerContext) LoggerFactory.getILoggerFactory()).getMDCAdapter());
        context.putProperty("MES_LOG_DIR", logDir.toString());
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        // Spring Boot's configurator (it understands <springProfile>) is package-private: there is no other way
        // to apply the file to a context that is not the one the whole test run logs through.
        Class<?> type = Class.forName("org.springframework.boot.logging.logback.SpringBootJoranConfigurator");
        Constructor<?> constructor = type.getDeclaredConstructor(LoggingInitializationContext.class);
        constructor.setAccessible(true);
        JoranConfigurator configurator =
                (JoranConfigurator) constructor.newInstance(new LoggingInitializationContext(environment));
        configurator.setContext(context);
        configurator.doConfigure(new ClassPathResource("logback-spring.xml").getURL());
        return context;
    }

    private List<JsonNode> jsonLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(json::readTree).toList();
    }

    private static List<String> appenderNames(Logger logger) {
        List<String> names = new ArrayList<>();
        for (Iterator<Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = logger.iteratorForAppenders();
                it.hasNext(); ) {
            names.add(it.next().getName());
        }
        return names;
    }
}
