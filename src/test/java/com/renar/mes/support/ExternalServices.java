package com.renar.mes.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/**
 * Tests that need a real server on this machine (the MariaDB and PostgreSQL that stand in for the ERP's
 * database). On a developer laptop without the server they are skipped with a message saying so; under {@code
 * CI=true} a missing server is a failure, because CI promises those tests ran.
 */
public final class ExternalServices {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private ExternalServices() {}

    /** Skips the calling test when {@code host:port} does not accept connections, or fails it under CI. */
    public static void assumeServiceReachable(String host, int port, String name) {
        assumeServiceReachable(host, port, name, System.getenv());
    }

    static void assumeServiceReachable(String host, int port, String name, Map<String, String> environment) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            String problem = name + " is not reachable at " + host + ":" + port + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(environment.get("CI"))) {
                throw new AssertionError(problem + "; CI=true requires it, so this test fails instead of skipping");
            }
            throw new TestAbortedException(problem + "; skipping (under CI=true this would fail)");
        }
    }
}
