package org.cdcpipeline.notifier.rules;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.cdcpipeline.events.TransactionRow;

/**
 * An alert about one transaction, as every sink shows it.
 *
 * @param id derived from the change event's identity and the rule, so a redelivered event yields the same id
 * @param merchantId null for transactions without a merchant
 * @param link the transaction in the transaction-writer's API
 * @param committedAt when the change was committed in the database
 */
public record Notification(
        UUID id,
        String rule,
        Severity severity,
        String title,
        UUID transactionId,
        UUID accountId,
        UUID merchantId,
        BigDecimal amount,
        String currency,
        Map<String, String> details,
        String link,
        String eventIdentity,
        Instant committedAt) {

    static Notification of(TransactionChange change, Rule rule, Finding finding, String linkBaseUrl) {
        TransactionRow row = change.row();
        String identity = change.identity().value();
        return new Notification(
                idOf(identity, rule.name()),
                rule.name(),
                finding.severity(),
                finding.title(),
                row.id(),
                row.accountId(),
                row.merchantId(),
                row.amount(),
                row.currency(),
                finding.details(),
                stripTrailingSlash(linkBaseUrl) + "/api/transactions/" + row.id(),
                identity,
                change.event().source().committedAt());
    }

    /** A name-based UUID: the same event and rule always give the same id, in every process. */
    public static UUID idOf(String eventIdentity, String rule) {
        return UUID.nameUUIDFromBytes((eventIdentity + "|" + rule).getBytes(UTF_8));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
