package id.pantauspm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ConfigurableApplicationContext;

import id.pantauspm.support.PantauHome;
import id.pantauspm.support.TestDatabase;

/**
 * A local night never talks to RabbitMQ, so it does not build a connection to it: Boot's RabbitMQ set-up (its TLS
 * context among it) cost every command's start for nothing. Remote partitioning keeps it (job.RemotePartitioningTest).
 */
@DisplayName("The RabbitMQ connection is made only for remote partitioning")
class BrokerOnlyWhenRemoteTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a local run's application has no RabbitMQ connection factory")
    void localHasNoBroker() {
        PantauHome home = new PantauHome(temp.resolve("home"), TestDatabase.h2(temp.resolve("db")));
        try (ConfigurableApplicationContext context = home.start()) {
            assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        }
    }

    @Test
    @DisplayName("a setting of the operator's own for auto-configuration still wins")
    void operatorsExclusionWins() {
        PantauHome home = new PantauHome(temp.resolve("home2"), TestDatabase.h2(temp.resolve("db2")))
                .with("--spring.autoconfigure.exclude=");
        try (ConfigurableApplicationContext context = home.start()) {
            assertThat(context.getBeanNamesForType(ConnectionFactory.class)).hasSize(1);
        }
    }
}
