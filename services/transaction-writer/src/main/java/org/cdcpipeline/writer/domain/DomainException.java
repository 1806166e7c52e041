package org.cdcpipeline.writer.domain;

import java.util.Optional;

/**
 * A request the domain refuses, with what the client got wrong. The API turns {@link #kind()} into an HTTP status and
 * {@link #field()} into the problem's {@code errors} entry.
 */
public final class DomainException extends RuntimeException {

    public enum Kind {
        NOT_FOUND, CONFLICT, UNPROCESSABLE
    }

    private final Kind kind;
    private final String title;
    private final String field;

    private DomainException(Kind kind, String title, String detail, String field) {
        super(detail);
        this.kind = kind;
        this.title = title;
        this.field = field;
    }

    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "Not found", "No " + what + " with id " + id, null);
    }

    public static DomainException illegalTransition(Object id, Enum<?> from, Enum<?> to) {
        return new DomainException(Kind.CONFLICT, "Illegal status transition",
                "Transaction " + id + " is " + from + " and cannot become " + to, "status");
    }

    public static DomainException deletionNotAllowed(Object id, Enum<?> status) {
        return new DomainException(Kind.CONFLICT, "Transaction cannot be deleted",
                "Transaction " + id + " is " + status + "; only PENDING or DECLINED transactions can be deleted", "status");
    }

    public static DomainException duplicate(String field, String value) {
        return new DomainException(Kind.CONFLICT, "Already exists", "Another record already has " + field + " " + value, field);
    }

    public static DomainException alreadyRunning(String what) {
        return new DomainException(Kind.CONFLICT, "Already running", "The " + what + " is running already; stop it first", null);
    }

    public static DomainException unknownReference(String field, Object id) {
        return new DomainException(Kind.UNPROCESSABLE, "Unknown reference", "No record with id " + id, field);
    }

    public static DomainException idempotencyKeyReused() {
        return new DomainException(Kind.UNPROCESSABLE, "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request body", "Idempotency-Key");
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
