package org.cdcpipeline.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.kafka.KafkaBroker;

/** Starts the real in-JVM Kafka broker of the local pipeline (no Dev Services, no containers) with the pipeline's topics. */
public class EmbeddedKafkaResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> TOPICS = List.of("bank.public.transactions", "bank.public.accounts",
            "bank.public.transactions.dlq", "bank.public.accounts.dlq", "bank.alerts", "bank.alerts.dlq");

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            Path logDirectory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kafka-");
            // One partition for consumer offsets instead of 50: the broker is ready sooner.
            broker = KafkaBroker.start(logDirectory, Ports.findFree(), Ports.findFree(), Map.of("offsets.topic.num.partitions", "1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(TOPICS.stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not create the topics", e);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
