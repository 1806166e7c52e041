package org.cdcpipeline.notifier;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one environment of every @QuarkusTest here, so Quarkus starts once: the real in-JVM Kafka broker, a real
 * PostgreSQL, and a fake Slack incoming webhook.
 */
public class NotifierTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(EmbeddedKafkaResource.class),
                new TestResourceEntry(EmbeddedPostgresResource.class),
                new TestResourceEntry(FakeSlackResource.class));
    }
}
