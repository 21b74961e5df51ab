package com.renar.mes.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ExternalServicesTests {

    @Test
    void passesWhenServiceAcceptsConnections() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatCode(() -> ExternalServices.assumeServiceReachable(
                            "127.0.0.1", server.getLocalPort(), "Fake", Map.of("CI", "true")))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void skipsUnreachableServiceOutsideCi() throws IOException {
        int port = closedPort();
        assertThatThrownBy(() -> ExternalServices.assumeServiceReachable("127.0.0.1", port, "Fake", Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Fake is not reachable at 127.0.0.1:" + port)
                .hasMessageContaining("skipping");
    }

    @Test
    void failsUnreachableServiceUnderCi() throws IOException {
        int port = closedPort();
        assertThatThrownBy(
                        () -> ExternalServices.assumeServiceReachable("127.0.0.1", port, "Fake", Map.of("CI", "true")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true requires it");
    }

    /** A port nobody listens on: bound, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
