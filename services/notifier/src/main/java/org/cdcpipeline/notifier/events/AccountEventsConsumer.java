package org.cdcpipeline.notifier.events;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cdcpipeline.events.AccountRow;
import org.cdcpipeline.events.ChangeEvent;
import org.cdcpipeline.events.ChangeEventParser;
import org.cdcpipeline.events.Operation;
import org.cdcpipeline.events.ParsedRecord;
import org.cdcpipeline.notifier.NotifierMetrics;
import org.cdcpipeline.notifier.store.AccountFacts;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code bank.public.accounts} to learn each account's home country, which the foreign-country rule compares
 * against. A malformed record throws: the channel's dead-letter-queue strategy takes it, with the reason in a header.
 */
@ApplicationScoped
public class AccountEventsConsumer {

    private static final String TOPIC = "bank.public.accounts";

    private final ChangeEventParser parser = new ChangeEventParser();
    private final AccountFacts accounts;
    private final NotifierMetrics metrics;

    AccountEventsConsumer(AccountFacts accounts, NotifierMetrics metrics) {
        this.accounts = accounts;
        this.metrics = metrics;
    }

    @Incoming("accounts")
    @Blocking
    public void consume(ConsumerRecord<byte[], byte[]> record) {
        ParsedRecord<AccountRow> parsed = parser.parse(record.value(), AccountRow.class);
        if (!(parsed instanceof ParsedRecord.Event<AccountRow>(ChangeEvent<AccountRow> event)) || event.op() == Operation.TRUNCATE) {
            metrics.eventConsumed(TOPIC, "skipped");
            return;
        }
        if (event.op() == Operation.DELETE) {
            accounts.forget(event.row().id());
        } else {
            accounts.rememberHomeCountry(event.row().id(), event.row().homeCountry());
        }
        metrics.eventConsumed(TOPIC, "processed");
    }
}
