package org.cdcpipeline.writer.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class AccountService {

    @Transactional
    public Account open(String ownerName, String iban, String homeCountry, String currency) {
        if (Account.count("iban", iban) > 0) {
            throw DomainException.duplicate("iban", iban);
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.ownerName = ownerName;
        account.iban = iban;
        account.homeCountry = homeCountry;
        account.currency = currency;
        account.status = AccountStatus.ACTIVE;
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        account.updatedAt = account.createdAt;
        account.persistAndFlush();
        return account;
    }

    public Account get(UUID id) {
        return Account.<Account>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("account", id));
    }

    public PageOf<Account> list(int page, int size) {
        var query = Account.<Account>findAll(Sort.by("createdAt").and("id"));
        return new PageOf<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }
}
