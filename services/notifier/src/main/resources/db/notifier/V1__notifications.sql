-- The notifier's own state, in its own schema `notifier` (Flyway's default schema here).

-- One row per notification, keyed by an id derived from the change event's identity and the rule:
-- a redelivered event finds its notifications here and never posts them twice.
CREATE TABLE notifications (
    id              uuid         PRIMARY KEY,
    event_identity  text         NOT NULL,
    rule            text         NOT NULL,
    severity        text         NOT NULL,
    transaction_id  uuid         NOT NULL,
    body            jsonb        NOT NULL,
    -- PENDING: recorded, not posted yet; POSTING: a post was attempted and its outcome is not known
    -- (the process may have died during it); SENT; DEAD_LETTERED: handed to bank.alerts.dlq.
    status          text         NOT NULL CHECK (status IN ('PENDING', 'POSTING', 'SENT', 'DEAD_LETTERED')),
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    published_at    timestamptz,
    sent_at         timestamptz
);
CREATE INDEX notifications_created_idx ON notifications (created_at DESC);
CREATE INDEX notifications_dead_letters_idx ON notifications (status) WHERE status = 'DEAD_LETTERED';

-- Each account's home country, learnt from bank.public.accounts.
CREATE TABLE accounts (
    id            uuid         PRIMARY KEY,
    home_country  varchar(2),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);

-- The transactions seen per account, for the velocity rule. Keyed by transaction: a redelivered event counts once.
CREATE TABLE account_activity (
    transaction_id  uuid         PRIMARY KEY,
    account_id      uuid         NOT NULL,
    occurred_at     timestamptz  NOT NULL
);
CREATE INDEX account_activity_window_idx ON account_activity (account_id, occurred_at);
