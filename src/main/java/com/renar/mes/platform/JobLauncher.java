package com.renar.mes.platform;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Runs the job named by {@code mes.job} (set by {@code MesApplication} from {@code job <name>}). */
@Component
@ConditionalOnProperty("mes.job")
class JobLauncher implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(JobLauncher.class);

    private final List<MesJob> jobs;
    private final String name;
    private int exitCode = 1;

    JobLauncher(List<MesJob> jobs, @Value("${mes.job}") String name) {
        this.jobs = jobs;
        this.name = name;
    }

    @Override
    public void run(ApplicationArguments args) {
        MesJob job =
                jobs.stream().filter(j -> j.name().equals(name)).findFirst().orElse(null);
        if (job == null) {
            log.error(
                    "Unknown job '{}'; known jobs: {}",
                    name,
                    jobs.stream().map(MesJob::name).toList());
            exitCode = 2;
            return;
        }
        try {
            exitCode = job.run();
            log.info("Job '{}' finished with exit code {}", name, exitCode);
        } catch (Exception e) {
            log.error("Job '{}' failed: {}", name, e.getMessage(), e);
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
