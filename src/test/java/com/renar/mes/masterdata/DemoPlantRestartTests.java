package com.renar.mes.masterdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.renar.mes.MesApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Starts the real application on a persistent embedded database directory, as a newcomer would, and checks that
 * the demo plant is loaded exactly once. Settings are passed as command-line arguments so that they win over
 * the test profile.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoPlantRestartTests {

    private static final String PASSWORD = "demo-pass-42";

    @Test
    void loadsTheDemoPlantOnFirstStartOnlyAndItsUsersLogInWithTheDemoPassword(
            @TempDir Path dataDir, CapturedOutput output) {
        Counts afterFirstStart;
        try (ConfigurableApplicationContext app = start(dataDir, "")) {
            afterFirstStart = counts(app);
            assertThat(afterFirstStart.demoLoads()).isEqualTo(1);
            assertThat(afterFirstStart.items()).isEqualTo(25);
            assertThat(afterFirstStart.workcenters()).isEqualTo(18);
            assertThat(afterFirstStart.users()).isEqualTo(4);
            assertThat(afterFirstStart.activeRoutings()).isEqualTo(16);
            assertThat(afterFirstStart.shiftPatterns()).isEqualTo(6 * 16);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            PasswordEncoder passwords = app.getBean(PasswordEncoder.class);
            for (String username : List.of("operator", "supervisor", "pcp", "manager")) {
                String hash = jdbc.sql("select password_hash from app_user where username = :username")
                        .param("username", username)
                        .query(String.class)
                        .single();
                assertThat(hash).doesNotContain(PASSWORD);
                assertThat(passwords.matches(PASSWORD, hash)).as(username).isTrue();
                assertThat(app.getBean(UserAccounts.class).findActive(username)).isPresent();
            }
        }
        assertThat(output).contains("Demo plant loaded:");

        try (ConfigurableApplicationContext app = start(dataDir, "")) {
            assertThat(counts(app)).isEqualTo(afterFirstStart);
        }
        assertThat(output)
                .contains("Demo plant ready: log in with POST /api/v1/auth/login as operator|supervisor|pcp|manager");
    }

    @Test
    void loadsNothingWhenDisabledAndOnlyOnceWhenTwoLoadersRace(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = start(dataDir, "false")) {
            Counts nothing = counts(app);
            assertThat(nothing).isEqualTo(new Counts(0, 0, 0, 0, 0, 0));

            DemoPlant demo = app.getBean(DemoPlant.class);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<CompletableFuture<Boolean>> loaders = List.of(
                        CompletableFuture.supplyAsync(() -> awaitThenLoad(go, demo), threads),
                        CompletableFuture.supplyAsync(() -> awaitThenLoad(go, demo), threads));
                go.countDown();
                List<Boolean> results = loaders.stream()
                        .map(f -> f.orTimeout(2, TimeUnit.MINUTES).join())
                        .toList();
                assertThat(results).containsExactlyInAnyOrder(true, false);
            } finally {
                threads.shutdownNow();
            }
            Counts loaded = counts(app);
            assertThat(loaded.demoLoads()).isEqualTo(1);
            assertThat(loaded.items()).isEqualTo(25);
            assertThat(loaded.users()).isEqualTo(4);
        }
    }

    private static boolean awaitThenLoad(CountDownLatch go, DemoPlant demo) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return demo.loadIfAbsent();
    }

    private static ConfigurableApplicationContext start(Path dataDir, String demoEnabled) {
        return new SpringApplicationBuilder(MesApplication.class)
                .profiles("test")
                .run(
                        "--mes.db.ephemeral=false",
                        "--mes.db.data-dir=" + dataDir,
                        "--server.port=0",
                        "--management.server.port=0",
                        "--mes.demo.enabled=" + demoEnabled,
                        "--mes.demo.password=" + PASSWORD);
    }

    private static Counts counts(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class)
                .sql("""
                        select (select count(*) from item) as items,
                               (select count(*) from workcenter) as workcenters,
                               (select count(*) from app_user) as users,
                               (select count(*) from routing where active) as active_routings,
                               (select count(*) from shift_pattern) as shift_patterns,
                               (select count(*) from demo_data_load) as demo_loads
                        """)
                .query((rs, n) -> new Counts(
                        rs.getLong("items"),
                        rs.getLong("workcenters"),
                        rs.getLong("users"),
                        rs.getLong("active_routings"),
                        rs.getLong("shift_patterns"),
                        rs.getLong("demo_loads")))
                .single();
    }

    private record Counts(
            long items, long workcenters, long users, long activeRoutings, long shiftPatterns, long demoLoads) {}
}
