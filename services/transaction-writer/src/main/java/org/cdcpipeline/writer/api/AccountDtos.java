package org.cdcpipeline.writer.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cdcpipeline.writer.domain.Account;
import org.cdcpipeline.writer.domain.AccountStatus;

/** The JSON shapes of the accounts API. */
public final class AccountDtos {

    private AccountDtos() {
    }

    public record CreateAccount(
            @NotBlank @Size(max = 200) String ownerName,
            @NotNull @ValidIban String iban,
            @NotNull @CountryCode String homeCountry,
            @NotNull @CurrencyCode String currency) {
    }

    public record AccountView(UUID id, String ownerName, String iban, String homeCountry, String currency,
                              AccountStatus status, Instant createdAt, Instant updatedAt, long version) {

        static AccountView of(Account account) {
            return new AccountView(account.id, account.ownerName, account.iban, account.homeCountry, account.currency,
                    account.status, account.createdAt, account.updatedAt, account.version);
        }
    }
}
