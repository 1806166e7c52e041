-- The captured schema. Every captured table has REPLICA IDENTITY FULL so that Debezium's
-- update and delete events carry the complete previous row ("before"), not just the key.

CREATE TABLE accounts (
    id            uuid         PRIMARY KEY,
    owner_name    varchar(200) NOT NULL,
    iban          varchar(34)  NOT NULL UNIQUE,
    home_country  varchar(2)   NOT NULL CHECK (home_country ~ '^[A-Z]{2}$'),
    currency      varchar(3)   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status        varchar(16)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'FROZEN', 'CLOSED')),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0
);

CREATE TABLE merchants (
    id          uuid         PRIMARY KEY,
    name        varchar(200) NOT NULL,
    category    varchar(64)  NOT NULL,
    mcc         varchar(4)   NOT NULL CHECK (mcc ~ '^[0-9]{4}$'),
    country     varchar(2)   NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE transactions (
    id              uuid          PRIMARY KEY,
    account_id      uuid          NOT NULL REFERENCES accounts (id),
    merchant_id     uuid          REFERENCES merchants (id),
    type            varchar(16)   NOT NULL CHECK (type IN ('CARD_PAYMENT', 'TRANSFER', 'WITHDRAWAL', 'REFUND', 'DEPOSIT')),
    amount          numeric(19,4) NOT NULL CHECK (amount > 0),
    currency        varchar(3)    NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status          varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'AUTHORIZED', 'SETTLED', 'DECLINED', 'REVERSED')),
    decline_reason  varchar(64),
    channel         varchar(8)    NOT NULL CHECK (channel IN ('POS', 'ONLINE', 'ATM', 'MOBILE')),
    country         varchar(2)    NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    version         bigint        NOT NULL DEFAULT 0,
    CONSTRAINT decline_reason_only_when_declined CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL))
);

CREATE INDEX transactions_account_created_idx ON transactions (account_id, created_at);
CREATE INDEX transactions_status_created_idx ON transactions (status, created_at);

-- Written by Debezium's heartbeat.action.query, so the replication slot advances even when
-- the captured tables are idle and PostgreSQL can recycle its WAL.
CREATE TABLE cdc_heartbeat (
    id       integer     PRIMARY KEY,
    beat_at  timestamptz NOT NULL
);

ALTER TABLE accounts      REPLICA IDENTITY FULL;
ALTER TABLE merchants     REPLICA IDENTITY FULL;
ALTER TABLE transactions  REPLICA IDENTITY FULL;
ALTER TABLE cdc_heartbeat REPLICA IDENTITY FULL;

-- A filtered publication: pgoutput decodes only these tables. The connector is configured
-- with publication.autocreate.mode=disabled, so its login role needs no ownership of them.
CREATE PUBLICATION cdc_bank FOR TABLE accounts, merchants, transactions, cdc_heartbeat;
