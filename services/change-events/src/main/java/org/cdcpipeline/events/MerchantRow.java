package org.cdcpipeline.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code merchants}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MerchantRow(
        UUID id,
        String name,
        String category,
        String mcc,
        String country,
        @JsonProperty("created_at") Instant createdAt) implements Row {}
