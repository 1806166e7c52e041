package org.cdcpipeline.launcher;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole local pipeline with a fake Slack incoming webhook (WireMock on 127.0.0.1): rows written with plain JDBC →
 * Debezium → Kafka → notifier → Slack. Every rule-triggering change must be posted exactly once, also when the
 * notifier is killed with SIGKILL mid-stream (alerts recorded but not posted, events not committed, more rows
 * committed while it is down) and started again.
 */
class NotificationsIT {

    private static final String WEBHOOK_PATH = "/services/T0000/B0000/pipeline-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path stateDirectory;

    static WireMockServer slack;
    static Pipeline pipeline;

    @BeforeAll
    static void startPipelineWithAFakeSlack() {
        slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        slack.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        pipeline = Pipeline.start(TestPipelines.settings(stateDirectory, false), new PrintStream(OutputStream.nullOutputStream()),
                Map.of("SLACK_WEBHOOK_URL", "http://127.0.0.1:" + slack.port() + WEBHOOK_PATH));
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (slack != null) {
            slack.stop();
        }
    }

    @Test
    void postsEveryAlertExactlyOnceAlsoWhenTheNotifierIsKilledMidStream() throws Exception {
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < 2 * Scenario.values().length + 1; i++) {
            accounts.add(insertAccount("NL"));
        }
        // The foreign-country rule needs each account's home country, which reaches the notifier on its own topic.
        await().atMost(Duration.ofSeconds(60)).until(() -> knownAccounts() >= accounts.size());

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < Scenario.values().length; i++) {
            expected.add(Scenario.values()[i].write(this, accounts.get(i)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !acceptedPosts().isEmpty());
        expected.add(killWhileAPostIsRetried(accounts.getLast()));

        // The second half is committed while the notifier is down and starting again.
        Thread secondHalf = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < Scenario.values().length; i++) {
                expected.add(Scenario.values()[i].write(this, accounts.get(Scenario.values().length + i)));
            }
        });
        pipeline.restartNotifier();
        secondHalf.join();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> alertsOf(postedNotificationIds()).containsAll(expected));
        Thread.sleep(3000); // anything posted twice would be posted by now: the notifier has caught up
        List<UUID> posted = postedNotificationIds();
        System.out.printf("%d alerts expected, %d notifications posted in %d accepted Slack messages%n",
                expected.size(), posted.size(), acceptedPosts().size());
        assertThat(posted).as("no notification posted twice").doesNotHaveDuplicates();
        assertThat(alertsOf(posted)).as("exactly the expected alerts").containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * Slack starts answering 503, and the notifier is killed once it has seen a refusal: it then holds notifications it
     * recorded but could not post, and change events it has not committed. The kill cannot land between Slack
     * accepting a post and the notifier recording it (the one window in which a webhook post can be repeated, see the
     * README): every post from the refusal on is refused.
     */
    private String killWhileAPostIsRetried(UUID account) {
        slack.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(serviceUnavailable()));
        int refusedBefore = refusedPosts();
        String alert = Scenario.LARGE_AMOUNT.write(this, account); // something to post, should the first half be posted already
        await().atMost(Duration.ofSeconds(60)).until(() -> refusedPosts() > refusedBefore);
        pipeline.killNotifier();
        slack.resetMappings();
        slack.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(ok("ok")));
        return alert;
    }

    /** One way of triggering one rule; {@link #write} commits it and returns the alert it must raise, {@code rule:transaction}. */
    private enum Scenario {
        LARGE_AMOUNT {
            @Override
            String write(NotificationsIT test, UUID account) {
                return "large-amount:" + test.insertTransaction(account, "15000.0000", "PENDING", "NL");
            }
        },
        FOREIGN_COUNTRY {
            @Override
            String write(NotificationsIT test, UUID account) {
                return "foreign-country:" + test.insertTransaction(account, "25.0000", "PENDING", "ES");
            }
        },
        DECLINED {
            @Override
            String write(NotificationsIT test, UUID account) {
                UUID id = test.insertTransaction(account, "25.0000", "PENDING", "NL");
                test.sql("UPDATE transactions SET status = 'DECLINED', decline_reason = 'insufficient funds' WHERE id = ?", id);
                return "declined:" + id;
            }
        },
        REVERSAL {
            @Override
            String write(NotificationsIT test, UUID account) {
                UUID id = test.insertTransaction(account, "25.0000", "AUTHORIZED", "NL");
                test.sql("UPDATE transactions SET status = 'REVERSED' WHERE id = ?", id);
                return "reversal:" + id;
            }
        },
        DELETION {
            @Override
            String write(NotificationsIT test, UUID account) {
                UUID id = test.insertTransaction(account, "25.0000", "SETTLED", "NL");
                test.sql("DELETE FROM transactions WHERE id = ?", id);
                return "deletion:" + id;
            }
        },
        IMPOSSIBLE_STATUS_CHANGE {
            @Override
            String write(NotificationsIT test, UUID account) {
                UUID id = test.insertTransaction(account, "25.0000", "PENDING", "NL");
                test.sql("UPDATE transactions SET status = 'SETTLED' WHERE id = ?", id);
                return "impossible-status-change:" + id;
            }
        },
        VELOCITY {
            @Override
            String write(NotificationsIT test, UUID account) {
                UUID sixth = null;
                for (int i = 0; i < 6; i++) {
                    sixth = test.insertTransaction(account, "5.0000", "PENDING", "NL");
                }
                return "velocity:" + sixth;
            }
        };

        abstract String write(NotificationsIT test, UUID account);
    }

    private UUID insertAccount(String homeCountry) throws SQLException {
        UUID id = UUID.randomUUID();
        String iban = homeCountry + "00TEST" + id.toString().replace("-", "").substring(0, 20).toUpperCase();
        sql("INSERT INTO accounts (id, owner_name, iban, home_country, currency) VALUES (?, 'Alert Test', ?, ?, 'EUR')",
                id, iban, homeCountry);
        return id;
    }

    private UUID insertTransaction(UUID account, String amount, String status, String country) {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO transactions (id, account_id, type, amount, currency, status, channel, country) "
                + "VALUES (?, ?, 'CARD_PAYMENT', ?::numeric, 'EUR', ?, 'ONLINE', ?)", id, account, amount, status, country);
        return id;
    }

    private void sql(String statement, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(pipeline.jdbcUrl(), LocalCredentials.APP_USER, LocalCredentials.APP_PASSWORD);
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + statement, e);
        }
    }

    /** The posts Slack accepted (200); refused ones do not count as messages. */
    private List<LoggedRequest> acceptedPosts() {
        return slack.getAllServeEvents().stream()
                .filter(event -> event.getResponse().getStatus() == 200)
                .map(ServeEvent::getRequest)
                .toList();
    }

    private int refusedPosts() {
        return (int) slack.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 503).count();
    }

    /** The notification ids every Slack message carries in its metadata, over all messages, repeats included. */
    private List<UUID> postedNotificationIds() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (LoggedRequest post : acceptedPosts()) {
            JsonNode body = JSON.readTree(post.getBodyAsString());
            body.path("metadata").path("event_payload").path("notification_ids").forEach(id -> ids.add(UUID.fromString(id.asText())));
        }
        return ids;
    }

    /** The posted notifications as {@code rule:transaction}, looked up in the notifier's own table. */
    private List<String> alertsOf(List<UUID> notificationIds) throws SQLException {
        List<String> alerts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(pipeline.jdbcUrl(), LocalCredentials.ADMIN_USER, LocalCredentials.ADMIN_PASSWORD);
                PreparedStatement select = connection.prepareStatement("SELECT rule, transaction_id FROM notifier.notifications WHERE id = ?")) {
            for (UUID id : notificationIds) {
                select.setObject(1, id);
                try (ResultSet row = select.executeQuery()) {
                    alerts.add(row.next() ? row.getString(1) + ":" + row.getObject(2) : "unknown notification " + id);
                }
            }
        }
        return alerts;
    }

    private int knownAccounts() throws SQLException {
        try (Connection connection = DriverManager.getConnection(pipeline.jdbcUrl(), LocalCredentials.ADMIN_USER, LocalCredentials.ADMIN_PASSWORD);
                ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM notifier.accounts")) {
            count.next();
            return count.getInt(1);
        }
    }
}
