package io.switchboard.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.switchboard.simulator.support.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The simulator's unauthenticated fault and scripting API listens on loopback unless told otherwise.
 * The listening socket is read from the kernel's table, so the test sends no traffic anywhere.
 */
@SimulatorTest
class LoopbackBindingTests {

    private static final Path IPV4_SOCKETS = Path.of("/proc/net/tcp");
    private static final Path IPV6_SOCKETS = Path.of("/proc/net/tcp6");
    private static final String LISTEN = "0A";
    private static final List<String> LOOPBACK =
            List.of("0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000");

    @LocalServerPort
    int port;

    @Test
    void whenStartedWithDefaultsThenListensOnLoopbackOnly() throws IOException {
        assumeTrue(Files.isReadable(IPV4_SOCKETS), "needs Linux's /proc/net/tcp");
        String portHex = String.format(Locale.ROOT, ":%04X", port);

        List<String> listening = listeningAddresses(IPV4_SOCKETS, portHex);
        if (Files.isReadable(IPV6_SOCKETS)) {
            listening.addAll(listeningAddresses(IPV6_SOCKETS, portHex));
        }

        // 127.0.0.1 in the kernel's byte order, plain or IPv4-mapped; a wildcard bind would show only zeros.
        assertThat(listening).isNotEmpty().allMatch(LOOPBACK::contains);
    }

    private static List<String> listeningAddresses(Path table, String portHex) throws IOException {
        return Files.readAllLines(table).stream()
                .skip(1)
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields[1].endsWith(portHex) && fields[3].equals(LISTEN))
                .map(fields -> fields[1].substring(0, fields[1].indexOf(':')))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }
}
