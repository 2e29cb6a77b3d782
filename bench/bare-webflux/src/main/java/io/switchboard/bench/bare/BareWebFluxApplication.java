package io.switchboard.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The yardstick the ingress is measured against: the same framework and server (Spring WebFlux on
 * Reactor Netty) on the same machine, answering the same requests with nothing behind them.
 */
@SpringBootApplication
public class BareWebFluxApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareWebFluxApplication.class, args);
    }
}
