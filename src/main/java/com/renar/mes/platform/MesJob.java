package com.renar.mes.platform;

/**
 * A one-shot command run instead of the server: {@code java -jar mes.jar job <name>}. The process exits with the
 * code the job returns (0 = success), so cron or an orchestrator can tell failure from success.
 */
public interface MesJob {

    /** The name after {@code job} on the command line. */
    String name();

    /** Runs to completion; throw or return non-zero on failure. */
    int run() throws Exception;
}
