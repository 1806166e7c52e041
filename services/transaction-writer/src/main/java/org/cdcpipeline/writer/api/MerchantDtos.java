package org.cdcpipeline.writer.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cdcpipeline.writer.domain.Merchant;
import org.cdcpipeline.writer.domain.MerchantCategory;

/** The JSON shapes of the merchants API. */
public final class MerchantDtos {

    private MerchantDtos() {
    }

    /** {@code mcc} defaults to the category's merchant category code. */
    public record CreateMerchant(
            @NotBlank @Size(max = 200) String name,
            @NotNull MerchantCategory category,
            @Pattern(regexp = "[0-9]{4}", message = "must be a four-digit merchant category code") String mcc,
            @NotNull @CountryCode String country) {
    }

    public record MerchantView(UUID id, String name, MerchantCategory category, String mcc, String country, Instant createdAt) {

        static MerchantView of(Merchant merchant) {
            return new MerchantView(merchant.id, merchant.name, merchant.category, merchant.mcc, merchant.country, merchant.createdAt);
        }
    }
}
