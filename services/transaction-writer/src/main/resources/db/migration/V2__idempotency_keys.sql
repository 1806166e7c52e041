-- Remembers the response to every POST /api/transactions that carried an Idempotency-Key, so a client that
-- retries gets the original answer instead of a second payment. Not captured: it is not in the publication.
CREATE TABLE idempotency_keys (
    idempotency_key  varchar(200) PRIMARY KEY,
    request_hash     char(64)     NOT NULL,
    transaction_id   uuid         NOT NULL,
    response_status  smallint     NOT NULL,
    response_body    text         NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now()
);
