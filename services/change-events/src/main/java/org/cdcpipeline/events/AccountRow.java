package org.cdcpipeline.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code accounts}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountRow(
        UUID id,
        @JsonProperty("owner_name") String ownerName,
        String iban,
        @JsonProperty("home_country") String homeCountry,
        String currency,
        String status,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        Long version) implements Row {}
