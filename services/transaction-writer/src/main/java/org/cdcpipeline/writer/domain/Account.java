package org.cdcpipeline.writer.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "accounts")
public class Account extends VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "owner_name", nullable = false)
    public String ownerName;

    @Column(nullable = false, unique = true)
    public String iban;

    @Column(name = "home_country", nullable = false)
    public String homeCountry;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status;
}
