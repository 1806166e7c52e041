package org.cdcpipeline.notifier.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cdcpipeline.events.AccountRow;
import org.cdcpipeline.events.ChangeEvent;
import org.cdcpipeline.events.ChangeEventParser;
import org.cdcpipeline.events.MalformedChangeEventException;
import org.cdcpipeline.events.Operation;
import org.cdcpipeline.events.ParsedRecord;
import org.cdcpipeline.notifier.NotifierMetrics;
import org.cdcpipeline.notifier.store.AccountFacts;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code bank.public.accounts} one poll at a time to learn each account's home country, which the
 * foreign-country rule compares against: each account's last change in the batch, written in one database
 * transaction, so accounts keep pace with a backlog of transactions. A malformed record goes to
 * {@code bank.public.accounts.dlq} with the parser's reason in the {@code dead-letter-reason} header. The batch is
 * acknowledged (its offsets committed) once both are done; while the database fails, {@link BatchRetry} tries again.
 */
@ApplicationScoped
public class AccountEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AccountEventsConsumer.class);
    private static final String TOPIC = "bank.public.accounts";

    private final ChangeEventParser parser = new ChangeEventParser();
    private final AccountFacts accounts;
    private final BatchRetry retry;
    private final EventDeadLetters deadLetters;
    private final NotifierMetrics metrics;

    AccountEventsConsumer(AccountFacts accounts, BatchRetry retry, @Channel("accounts-dlq") MutinyEmitter<byte[]> deadLetters,
            NotifierMetrics metrics) {
        this.accounts = accounts;
        this.retry = retry;
        this.deadLetters = new EventDeadLetters(deadLetters, metrics);
        this.metrics = metrics;
    }

    @Incoming("accounts")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(KafkaRecordBatch<byte[], byte[]> batch) throws InterruptedException {
        Map<UUID, String> homeCountries = new HashMap<>();
        Set<UUID> deleted = new HashSet<>();
        List<EventDeadLetters.Malformed> malformed = new ArrayList<>();
        int processed = 0;
        for (ConsumerRecord<byte[], byte[]> record : BatchRecords.of(batch)) {
            try {
                ParsedRecord<AccountRow> parsed = parser.parse(record.value(), AccountRow.class);
                if (parsed instanceof ParsedRecord.Event<AccountRow>(ChangeEvent<AccountRow> event) && event.op() != Operation.TRUNCATE) {
                    rememberLatest(event, homeCountries, deleted);
                    processed++;
                }
            } catch (MalformedChangeEventException e) {
                malformed.add(new EventDeadLetters.Malformed(record, e.getMessage()));
            }
        }
        CompletableFuture<Void> deadLettered = deadLetters.send(malformed);
        // The notifier's database failing is not the events' fault: no dead letter, the batch waits for it.
        retry.untilDone("a batch of " + processed + " account events of " + TOPIC, () -> QuarkusTransaction.requiringNew().call(() -> {
            accounts.rememberHomeCountries(homeCountries);
            accounts.forget(deleted);
            return null;
        }));
        metrics.eventsConsumed(TOPIC, "processed", processed);
        metrics.eventsConsumed(TOPIC, "skipped", batch.getRecords().size() - processed - malformed.size());
        deadLettered.whenComplete((ignored, failure) -> {
            if (failure == null) {
                batch.ack();
            } else {
                LOG.errorf(failure, "Malformed account events could not be dead-lettered; the batch stays uncommitted");
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    /** The last change of an account in the batch is the one that counts. */
    private static void rememberLatest(ChangeEvent<AccountRow> event, Map<UUID, String> homeCountries, Set<UUID> deleted) {
        UUID id = event.row().id();
        if (event.op() == Operation.DELETE) {
            homeCountries.remove(id);
            deleted.add(id);
        } else {
            deleted.remove(id);
            homeCountries.put(id, event.row().homeCountry());
        }
    }
}
