package org.cdcpipeline.writer.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.cdcpipeline.events.TransactionStatus;
import org.cdcpipeline.writer.domain.Channel;
import org.cdcpipeline.writer.domain.DeclineReason;
import org.cdcpipeline.writer.domain.Transaction;
import org.cdcpipeline.writer.domain.TransactionType;

/** The JSON shapes of the transactions API. */
public final class TransactionDtos {

    /** Stored as NUMERIC(19,4). */
    static final int AMOUNT_SCALE = 4;

    private TransactionDtos() {
    }

    public record CreateTransaction(
            @NotNull UUID accountId,
            UUID merchantId,
            @NotNull TransactionType type,
            @NotNull @Positive @DecimalMax(value = "1000000000", message = "must be at most 1000000000")
            @Digits(integer = 10, fraction = AMOUNT_SCALE) BigDecimal amount,
            @NotNull @CurrencyCode String currency,
            @NotNull Channel channel,
            @NotNull @CountryCode String country) {

        /** The same request with the amount at the stored scale, so 12.5 and 12.50 are the same request. */
        CreateTransaction normalized() {
            return new CreateTransaction(accountId, merchantId, type, amount.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY),
                    currency, channel, country);
        }

        Transaction toDraft() {
            Transaction draft = new Transaction();
            draft.accountId = accountId;
            draft.merchantId = merchantId;
            draft.type = type;
            draft.amount = amount;
            draft.currency = currency;
            draft.channel = channel;
            draft.country = country;
            return draft;
        }
    }

    public record Decline(@NotNull DeclineReason reason) {
    }

    public record TransactionView(UUID id, UUID accountId, UUID merchantId, TransactionType type, BigDecimal amount,
                                  String currency, TransactionStatus status, DeclineReason declineReason, Channel channel,
                                  String country, Instant createdAt, Instant updatedAt, long version) {

        static TransactionView of(Transaction transaction) {
            return new TransactionView(transaction.id, transaction.accountId, transaction.merchantId, transaction.type,
                    transaction.amount.setScale(AMOUNT_SCALE, RoundingMode.UNNECESSARY), transaction.currency, transaction.status,
                    transaction.declineReason, transaction.channel, transaction.country, transaction.createdAt,
                    transaction.updatedAt, transaction.version);
        }
    }
}
