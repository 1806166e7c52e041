package org.cdcpipeline.notifier.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.cdcpipeline.events.ChangeEvent;
import org.cdcpipeline.events.EventIdentity;
import org.cdcpipeline.events.Operation;
import org.cdcpipeline.events.TransactionRow;
import org.cdcpipeline.notifier.NotifierMetrics;
import org.cdcpipeline.notifier.config.NotifierConfig;
import org.cdcpipeline.notifier.config.RulesConfig;
import org.cdcpipeline.notifier.rules.Notification;
import org.cdcpipeline.notifier.rules.RuleEngine;
import org.cdcpipeline.notifier.rules.TransactionChange;
import org.cdcpipeline.notifier.sink.AlertsPublisher;
import org.cdcpipeline.notifier.sink.Dispatcher;
import org.cdcpipeline.notifier.store.AccountFacts;
import org.cdcpipeline.notifier.store.Claim;
import org.cdcpipeline.notifier.store.NotificationStore;

/**
 * One change of a transaction, from event to delivered notifications: look up the account's facts, apply the rules,
 * record the notifications under their ids (a redelivered event finds them recorded and adds nothing), publish them to
 * {@code bank.alerts}, and hand those not yet delivered to the dispatcher.
 */
@ApplicationScoped
public class TransactionEventHandler {

    private final RuleEngine rules;
    private final AccountFacts accounts;
    private final NotificationStore store;
    private final AlertsPublisher publisher;
    private final Dispatcher dispatcher;
    private final NotifierMetrics metrics;
    private final NotifierConfig config;
    private final RulesConfig.Velocity velocity;

    TransactionEventHandler(RuleEngine rules, AccountFacts accounts, NotificationStore store, AlertsPublisher publisher,
            Dispatcher dispatcher, NotifierMetrics metrics, NotifierConfig config, RulesConfig rulesConfig) {
        this.rules = rules;
        this.accounts = accounts;
        this.store = store;
        this.publisher = publisher;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.config = config;
        this.velocity = rulesConfig.velocity();
    }

    /** @return completes when every notification of the event is recorded as sent or dead-lettered */
    public CompletableFuture<Void> handle(ChangeEvent<TransactionRow> event, UUID key) throws InterruptedException {
        if (event.op() == Operation.TRUNCATE || isSkippedSnapshot(event)) {
            return CompletableFuture.completedFuture(null);
        }
        EventIdentity identity = EventIdentity.of(event, key);
        List<Notification> notifications = rules.evaluate(facts(event, identity));
        if (notifications.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        for (Claim claim : store.claim(notifications)) {
            Notification notification = claim.notification();
            if (claim.isNew()) {
                metrics.notificationRaised(notification.rule());
            }
            if (!claim.published()) {
                // At least once on bank.alerts: a crash between these two lines publishes the notification again, under the same key.
                publisher.publish(notification);
                store.markPublished(notification.id());
            }
            if (!claim.status().isSettled()) {
                deliveries.add(dispatcher.submit(notification));
            }
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new));
    }

    private boolean isSkippedSnapshot(ChangeEvent<TransactionRow> event) {
        return (event.op() == Operation.READ || event.isSnapshot()) && !config.alertOnSnapshot();
    }

    private TransactionChange facts(ChangeEvent<TransactionRow> event, EventIdentity identity) {
        TransactionRow row = event.row();
        Optional<String> homeCountry = row.accountId() == null ? Optional.empty() : accounts.homeCountry(row.accountId());
        int recent = 0;
        if ((event.op() == Operation.CREATE || event.op() == Operation.READ) && row.accountId() != null) {
            Instant occurredAt = Objects.requireNonNullElse(row.createdAt(), event.source().committedAt());
            recent = accounts.recordAndCountRecent(row.id(), row.accountId(), occurredAt, velocity.window());
        }
        return new TransactionChange(event, identity, homeCountry, recent);
    }
}
