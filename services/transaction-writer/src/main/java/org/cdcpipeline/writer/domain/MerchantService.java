package org.cdcpipeline.writer.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class MerchantService {

    @Transactional
    public Merchant register(String name, MerchantCategory category, String mcc, String country) {
        Merchant merchant = new Merchant();
        merchant.id = UUID.randomUUID();
        merchant.name = name;
        merchant.category = category;
        merchant.mcc = mcc == null ? category.mcc() : mcc;
        merchant.country = country;
        merchant.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        merchant.persist();
        return merchant;
    }

    public Merchant get(UUID id) {
        return Merchant.<Merchant>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("merchant", id));
    }

    public PageOf<Merchant> list(int page, int size) {
        var query = Merchant.<Merchant>findAll(Sort.by("createdAt").and("id"));
        return new PageOf<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }
}
