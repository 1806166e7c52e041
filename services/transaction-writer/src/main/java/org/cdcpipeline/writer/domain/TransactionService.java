package org.cdcpipeline.writer.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.cdcpipeline.events.TransactionStatus;
import org.hibernate.exception.ConstraintViolationException;
import org.cdcpipeline.writer.domain.TransactionMetrics.Source;

/** Owns every database transaction that changes a payment; the lifecycle rules come from {@link TransactionStatus}. */
@ApplicationScoped
public class TransactionService {

    private static final EnumSet<TransactionStatus> DELETABLE = EnumSet.of(TransactionStatus.PENDING, TransactionStatus.DECLINED);

    /** The answer to a create request: the rendered body, and whether it is a replay of an earlier identical request. */
    public record Created(UUID transactionId, String body, boolean replayed) {
    }

    private final EntityManager entityManager;
    private final TransactionMetrics metrics;

    TransactionService(EntityManager entityManager, TransactionMetrics metrics) {
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    /**
     * Creates a PENDING transaction once per idempotency key. The key and the rendered response are stored in the same
     * database transaction as the row, so a retry after a lost response (or a concurrent duplicate) gets the first answer.
     *
     * @param requestHash a digest of the canonical request body: the same key with another body is refused
     * @param render      the response body to store and return
     */
    public Created create(Transaction draft, String idempotencyKey, String requestHash, Function<Transaction, String> render) {
        try {
            Created created = QuarkusTransaction.requiringNew().call(() -> createOnce(draft, idempotencyKey, requestHash, render));
            metrics.created(Source.API, 1);
            return created;
        } catch (KeyUsedBefore retry) {
            return QuarkusTransaction.requiringNew().call(() -> replay(idempotencyKey, requestHash)).orElseThrow();
        }
    }

    /**
     * Three round trips on the happy path: insert the row, insert the key, commit. A foreign-key violation names an
     * unknown account or merchant; a key that exists already means a retry (or a concurrent duplicate), answered from
     * the stored response after this attempt rolls back.
     */
    private Created createOnce(Transaction draft, String idempotencyKey, String requestHash, Function<Transaction, String> render) {
        draft.id = UUID.randomUUID();
        draft.status = TransactionStatus.PENDING;
        draft.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        draft.updatedAt = draft.createdAt;
        try {
            draft.persistAndFlush();
        } catch (PersistenceException failure) {
            throw unknownReference(failure, draft);
        }
        String body = render.apply(draft);
        // Waits for a concurrent request holding the same key to finish, then inserts nothing.
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO idempotency_keys (idempotency_key, request_hash, transaction_id, response_status, response_body)
                        VALUES (?1, ?2, ?3, 201, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, idempotencyKey).setParameter(2, requestHash).setParameter(3, draft.id).setParameter(4, body)
                .executeUpdate();
        if (inserted == 0) {
            throw new KeyUsedBefore();
        }
        return new Created(draft.id, body, false);
    }

    /** The unknown reference a foreign-key violation stands for; any other failure as it is. */
    private static RuntimeException unknownReference(PersistenceException failure, Transaction draft) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof ConstraintViolationException)) {
            cause = cause.getCause();
        }
        String constraint = cause == null ? "" : String.valueOf(((ConstraintViolationException) cause).getConstraintName());
        if (constraint.startsWith("transactions_account_id")) {
            return DomainException.unknownReference("accountId", draft.accountId);
        } else if (constraint.startsWith("transactions_merchant_id")) {
            return DomainException.unknownReference("merchantId", draft.merchantId);
        }
        return failure;
    }

    private Optional<Created> replay(String idempotencyKey, String requestHash) {
        IdempotencyRecord record = entityManager.find(IdempotencyRecord.class, idempotencyKey);
        if (record == null) {
            return Optional.empty();
        }
        if (!record.requestHash.equals(requestHash)) {
            throw DomainException.idempotencyKeyReused();
        }
        return Optional.of(new Created(record.transactionId, record.responseBody, true));
    }

    public Transaction get(UUID id) {
        return Transaction.<Transaction>findByIdOptional(id).orElseThrow(() -> DomainException.notFound("transaction", id));
    }

    /** Newest first. */
    public PageOf<Transaction> list(TransactionFilter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.accountId() != null) {
            conditions.add("accountId = :accountId");
            parameters.put("accountId", filter.accountId());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.from() != null) {
            conditions.add("createdAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("createdAt < :to");
            parameters.put("to", filter.to());
        }
        Sort newestFirst = Sort.descending("createdAt").and("id");
        PanacheQuery<Transaction> query = conditions.isEmpty()
                ? Transaction.findAll(newestFirst)
                : Transaction.find(String.join(" and ", conditions), newestFirst, parameters);
        return new PageOf<>(query.page(Page.of(page, size)).list(), page, size, query.count());
    }

    /**
     * Moves a transaction along its lifecycle. The flush inside the transaction surfaces a concurrent change of the same
     * row as an {@link jakarta.persistence.OptimisticLockException} (the row's version has moved on).
     */
    @Transactional
    public Transaction move(UUID id, TransactionStatus target, DeclineReason reason) {
        Transaction transaction = get(id);
        if (!transaction.status.canMoveTo(target)) {
            throw DomainException.illegalTransition(id, transaction.status, target);
        }
        transaction.status = target;
        transaction.declineReason = target == TransactionStatus.DECLINED ? reason : null;
        transaction.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        transaction.flush();
        metrics.updated(Source.API, 1);
        return transaction;
    }

    /** Only transactions that never moved money (PENDING, DECLINED) may disappear; the delete flows through CDC. */
    @Transactional
    public void delete(UUID id) {
        Transaction transaction = get(id);
        if (!DELETABLE.contains(transaction.status)) {
            throw DomainException.deletionNotAllowed(id, transaction.status);
        }
        transaction.delete();
        transaction.flush();
        metrics.deleted(Source.API, 1);
    }

    /** Another request with the same Idempotency-Key committed first: this attempt rolls back. */
    private static final class KeyUsedBefore extends RuntimeException {
        KeyUsedBefore() {
            super(null, null, false, false);
        }
    }
}
