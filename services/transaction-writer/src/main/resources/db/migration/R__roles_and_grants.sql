-- Login roles and their privileges, kept in a repeatable migration: Flyway re-applies it whenever
-- it or a placeholder changes, so a password rotated in configuration reaches the database.
-- Passwords come from configuration (placeholders), never from this file.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appUser}') THEN
        CREATE ROLE "${appUser}";
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${debeziumUser}') THEN
        CREATE ROLE "${debeziumUser}";
    END IF;
END
$$;

-- The application reads and writes rows, nothing more: it cannot replicate, create roles or change the schema.
ALTER ROLE "${appUser}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD '${appPassword}';
GRANT USAGE ON SCHEMA public TO "${appUser}";
GRANT SELECT, INSERT, UPDATE, DELETE ON accounts, merchants, transactions TO "${appUser}";
GRANT SELECT, INSERT, DELETE ON idempotency_keys TO "${appUser}";
GRANT EXECUTE ON FUNCTION refresh_population_statistics() TO "${appUser}";

-- Debezium streams the WAL and reads the captured tables for its snapshot, and writes only its heartbeat.
ALTER ROLE "${debeziumUser}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE REPLICATION PASSWORD '${debeziumPassword}';
GRANT USAGE ON SCHEMA public TO "${debeziumUser}";
GRANT SELECT ON accounts, merchants, transactions, cdc_heartbeat TO "${debeziumUser}";
GRANT INSERT, UPDATE ON cdc_heartbeat TO "${debeziumUser}";
