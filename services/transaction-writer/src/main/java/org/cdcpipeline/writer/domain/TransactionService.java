package org.cdcpipeline.writer.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import javax.sql.DataSource;
import org.cdcpipeline.events.TransactionStatus;
import org.cdcpipeline.writer.domain.TransactionMetrics.Source;
import org.postgresql.util.PSQLException;

/** Owns every database transaction that changes a payment; the lifecycle rules come from {@link TransactionStatus}. */
@ApplicationScoped
public class TransactionService {

    private static final EnumSet<TransactionStatus> DELETABLE = EnumSet.of(TransactionStatus.PENDING, TransactionStatus.DECLINED);

    /** The answer to a create request: the rendered body, and whether it is a replay of an earlier identical request. */
    public record Created(UUID transactionId, String body, boolean replayed) {
    }

    /**
     * The API's hot path in one statement and one round trip, autocommitted: the row and its idempotency key go in
     * together or not at all. A key that exists already is a unique violation that aborts the whole statement; when a
     * concurrent request holds the same key, PostgreSQL waits for it to finish before deciding. A foreign-key violation
     * names an unknown account or merchant. Through Hibernate and a JTA transaction the same work took four round
     * trips and twice the CPU.
     */
    private static final String INSERT_WITH_KEY = """
            WITH created AS (
                INSERT INTO transactions (id, account_id, merchant_id, type, amount, currency, status, channel, country,
                                          created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                RETURNING id)
            INSERT INTO idempotency_keys (idempotency_key, request_hash, transaction_id, response_status, response_body)
            SELECT ?, ?, id, 201, ? FROM created""";

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final TransactionMetrics metrics;

    TransactionService(EntityManager entityManager, DataSource dataSource, TransactionMetrics metrics) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /**
     * Creates a PENDING transaction once per idempotency key. The key and the rendered response are stored by the same
     * statement as the row, so a retry after a lost response (or a concurrent duplicate) gets the first answer.
     *
     * @param requestHash a digest of the canonical request body: the same key with another body is refused
     * @param render      the response body to store and return
     */
    public Created create(Transaction draft, String idempotencyKey, String requestHash, Function<Transaction, String> render) {
        draft.id = UUID.randomUUID();
        draft.status = TransactionStatus.PENDING;
        draft.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        draft.updatedAt = draft.createdAt;
        draft.version = 0L;
        String body = render.apply(draft);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT_WITH_KEY)) {
            OffsetDateTime createdAt = draft.createdAt.atOffset(ZoneOffset.UTC);
            insert.setObject(1, draft.id);
            insert.setObject(2, draft.accountId);
            insert.setObject(3, draft.merchantId);
            insert.setString(4, draft.type.name());
            insert.setBigDecimal(5, draft.amount);
            insert.setString(6, draft.currency);
            insert.setString(7, draft.status.name());
            insert.setString(8, draft.channel.name());
            insert.setString(9, draft.country);
            insert.setObject(10, createdAt);
            insert.setObject(11, createdAt);
            insert.setString(12, idempotencyKey);
            insert.setString(13, requestHash);
            insert.setString(14, body);
            insert.executeUpdate();
        } catch (SQLException failure) {
            String constraint = failure instanceof PSQLException psql && psql.getServerErrorMessage() != null
                    ? String.valueOf(psql.getServerErrorMessage().getConstraint()) : "";
            if (constraint.equals("idempotency_keys_pkey")) {
                return QuarkusTransaction.requiringNew().call(() -> replay(idempotencyKey, requestHash)).orElseThrow();
            } else if (constraint.startsWith("transactions_account_id")) {
                throw DomainException.unknownReference("accountId", draft.accountId);
            } else if (constraint.startsWith("transactions_merchant_id")) {
                throw DomainException.unknownReference("merchantId", draft.merchantId);
            }
            throw new PersistenceException("Could not create transaction " + draft.id, failure);
        }
        metrics.created(Source.API, 1);
        return new Created(draft.id, body, false);
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
}
