package org.cdcpipeline.notifier.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.cdcpipeline.events.ChangeEvent;
import org.cdcpipeline.events.Operation;
import org.cdcpipeline.events.TransactionRow;
import org.cdcpipeline.notifier.NotifierMetrics;
import org.cdcpipeline.notifier.config.NotifierConfig;
import org.cdcpipeline.notifier.rules.Notification;
import org.cdcpipeline.notifier.rules.RuleEngine;
import org.cdcpipeline.notifier.sink.AlertsPublisher;
import org.cdcpipeline.notifier.sink.Dispatcher;
import org.cdcpipeline.notifier.store.Claim;
import org.cdcpipeline.notifier.store.NotificationStore;

/**
 * A batch of changes of transactions, from events to delivered notifications. In one database transaction: look up
 * the accounts' facts, apply the rules, record the notifications under their ids (a redelivered event finds them
 * recorded and adds nothing). Then publish those not yet published to {@code bank.alerts} and hand those not yet
 * delivered to the dispatcher.
 */
@ApplicationScoped
public class TransactionEventHandler {

    private final TransactionFacts facts;
    private final RuleEngine rules;
    private final NotificationStore store;
    private final AlertsPublisher publisher;
    private final Dispatcher dispatcher;
    private final NotifierMetrics metrics;
    private final NotifierConfig config;

    TransactionEventHandler(TransactionFacts facts, RuleEngine rules, NotificationStore store, AlertsPublisher publisher,
            Dispatcher dispatcher, NotifierMetrics metrics, NotifierConfig config) {
        this.facts = facts;
        this.rules = rules;
        this.store = store;
        this.publisher = publisher;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * @param events in the order of their partition: the velocity rule counts each account's transactions in that order
     * @return completes when every notification of the events is recorded as sent or dead-lettered
     */
    public CompletableFuture<Void> handle(List<TransactionEvent> events) throws InterruptedException {
        List<TransactionEvent> considered = events.stream().filter(event -> !isSkipped(event.change())).toList();
        if (considered.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Claim> claims = QuarkusTransaction.requiringNew().call(() -> store.claim(notificationsOf(considered)));
        publishUnpublished(claims);

        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        for (Claim claim : claims) {
            if (claim.isNew()) {
                metrics.notificationRaised(claim.notification().rule());
            }
            if (!claim.status().isSettled()) {
                deliveries.add(dispatcher.submit(claim.notification()));
            }
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new));
    }

    /**
     * After the batch's transaction, not within it: the producer's callbacks run on other threads, and a JTA
     * transaction those threads joined would be rolled back at commit. At least once on {@code bank.alerts}: a crash
     * between publishing and marking them published publishes them again, under the same keys.
     */
    private void publishUnpublished(List<Claim> claims) {
        List<Notification> unpublished = claims.stream().filter(claim -> !claim.published()).map(Claim::notification).toList();
        if (!unpublished.isEmpty()) {
            publisher.publish(unpublished);
            store.markPublished(unpublished.stream().map(Notification::id).toList());
        }
    }

    private List<Notification> notificationsOf(List<TransactionEvent> events) {
        return facts.lookUp(events).stream().flatMap(change -> rules.evaluate(change).stream()).toList();
    }

    private boolean isSkipped(ChangeEvent<TransactionRow> change) {
        return change.op() == Operation.TRUNCATE
                || (change.op() == Operation.READ || change.isSnapshot()) && !config.alertOnSnapshot();
    }
}
