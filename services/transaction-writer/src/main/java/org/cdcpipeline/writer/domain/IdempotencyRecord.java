package org.cdcpipeline.writer.domain;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first answer given to a create request with an Idempotency-Key; written with plain SQL (see TransactionService). */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "idempotency_key")
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "transaction_id", nullable = false)
    public UUID transactionId;

    @Column(name = "response_status", nullable = false)
    public short responseStatus;

    @Column(name = "response_body", nullable = false)
    public String responseBody;
}
