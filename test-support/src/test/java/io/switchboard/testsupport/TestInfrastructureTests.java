package io.switchboard.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** How the one setting picks embedded Kafka and MongoDB or containers. */
class TestInfrastructureTests {

    private final AtomicInteger dockerAsked = new AtomicInteger();

    @Test
    void whenUnsetOrEmbeddedThenEmbeddedWithoutAskingDocker() {
        assertThat(TestInfrastructure.choose(null, docker(true))).isEqualTo(TestInfrastructure.EMBEDDED);
        assertThat(TestInfrastructure.choose(" ", docker(true))).isEqualTo(TestInfrastructure.EMBEDDED);
        assertThat(TestInfrastructure.choose("Embedded", docker(true))).isEqualTo(TestInfrastructure.EMBEDDED);
        assertThat(dockerAsked).hasValue(0);
    }

    @Test
    void whenAutoThenContainersOnlyWhereDockerAnswers() {
        assertThat(TestInfrastructure.choose("auto", docker(true))).isEqualTo(TestInfrastructure.CONTAINERS);
        assertThat(TestInfrastructure.choose("auto", docker(false))).isEqualTo(TestInfrastructure.EMBEDDED);
    }

    @Test
    void whenContainersAskedWithDockerThenContainers() {
        assertThat(TestInfrastructure.choose("containers", docker(true))).isEqualTo(TestInfrastructure.CONTAINERS);
    }

    @Test
    void whenContainersAskedWithoutDockerThenFailsSayingSo() {
        assertThatThrownBy(() -> TestInfrastructure.choose("containers", docker(false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine");
    }

    @Test
    void whenSettingUnknownThenFailsNamingIt() {
        assertThatThrownBy(() -> TestInfrastructure.choose("docker", docker(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TestInfrastructure.PROPERTY)
                .hasMessageContaining("'docker'");
    }

    @Test
    void whenDockerCheckedThenAnswersWithoutThrowing() {
        // This machine has no Docker engine; the check must answer false rather than fail a test run.
        assertThat(ContainerInfrastructure.dockerAvailable()).isIn(true, false);
    }

    private java.util.function.BooleanSupplier docker(boolean available) {
        return () -> {
            dockerAsked.incrementAndGet();
            return available;
        };
    }
}
