-- The notifier's login role, kept in a repeatable migration: Flyway re-applies it whenever it or a
-- placeholder changes, so a password rotated in configuration reaches the database.
-- The password comes from configuration (placeholder), never from this file.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${notifierUser}') THEN
        CREATE ROLE "${notifierUser}";
    END IF;
END
$$;

-- Rows of its own schema and nothing else: no access to the bank's tables, no DDL, no replication.
ALTER ROLE "${notifierUser}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '${notifierPassword}';
GRANT USAGE ON SCHEMA notifier TO "${notifierUser}";
GRANT SELECT, INSERT, UPDATE, DELETE ON notifier.notifications, notifier.accounts, notifier.account_activity TO "${notifierUser}";
GRANT USAGE ON SEQUENCE notifier.account_activity_recording_order_seq TO "${notifierUser}";
