package io.switchboard.simulator.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/**
 * A running simulator on a random port with fast steps and retries and, but for one paced account, no
 * calls-per-second queue to speak of. Every test class uses the same
 * properties so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "switchboard.simulator.accounts[" + TestAccounts.ACCOUNT_SID + "]=" + TestAccounts.AUTH_TOKEN,
            "switchboard.simulator.step-delay=20ms",
            "switchboard.simulator.webhook-retry-delay=20ms",
            "switchboard.simulator.webhook-timeout=2s",
            "switchboard.simulator.public-base-url=http://simulator.test:8090",
            // Twilio's 1 call per second would make every test that creates calls wait; the paced account
            // keeps a Twilio-like CPS for the tests of the queue.
            "switchboard.simulator.calls-per-second=1000",
            "switchboard.simulator.accounts[" + TestAccounts.PACED_ACCOUNT_SID + "]=" + TestAccounts.AUTH_TOKEN,
            "switchboard.simulator.account-calls-per-second[" + TestAccounts.PACED_ACCOUNT_SID + "]=2"
        })
@AutoConfigureWebTestClient
public @interface SimulatorTest {}
