package org.cdcpipeline.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code transactions}.
 *
 * @param merchantId null for transactions without a merchant (transfers, deposits...)
 * @param amount exact, with the column's scale of 4 (Debezium sends {@code "1250.5000"})
 * @param declineReason set only when {@code status} is {@code DECLINED}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionRow(
        UUID id,
        @JsonProperty("account_id") UUID accountId,
        @JsonProperty("merchant_id") UUID merchantId,
        String type,
        BigDecimal amount,
        String currency,
        String status,
        @JsonProperty("decline_reason") String declineReason,
        String channel,
        String country,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        Long version) implements Row {}
