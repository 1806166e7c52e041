package org.cdcpipeline.launcher;

/**
 * The local pipeline's database accounts. Local-only and documented in the README: the servers listen on
 * 127.0.0.1 and nowhere else. On Kubernetes every password comes from a Secret.
 */
public final class LocalCredentials {

    /** The superuser initdb creates; Flyway migrates as this account. */
    public static final String ADMIN_USER = "postgres";
    public static final String ADMIN_PASSWORD = "postgres";
    /** The transaction-writer's account: reads and writes rows, nothing more. */
    public static final String APP_USER = "bank_app";
    public static final String APP_PASSWORD = "bank_app";
    /** Debezium's account: replication and SELECT on the captured tables. */
    public static final String DEBEZIUM_USER = "debezium";
    public static final String DEBEZIUM_PASSWORD = "debezium";
    /** The notifier's account: its own schema {@code notifier} and nothing else. */
    public static final String NOTIFIER_USER = "notifier";
    public static final String NOTIFIER_PASSWORD = "notifier";

    private LocalCredentials() {
    }
}
