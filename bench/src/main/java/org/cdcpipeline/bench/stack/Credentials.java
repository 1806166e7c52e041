package org.cdcpipeline.bench.stack;

/** The accounts of the benchmark's throw-away database (127.0.0.1 only, deleted after the run). */
public final class Credentials {

    public static final String DATABASE = "bank";
    public static final String ADMIN_USER = "postgres";
    public static final String ADMIN_PASSWORD = "bench-admin";
    public static final String APP_USER = "bank_app";
    public static final String APP_PASSWORD = "bench-app";
    public static final String DEBEZIUM_USER = "debezium";
    public static final String DEBEZIUM_PASSWORD = "bench-debezium";
    /** The notifier's runtime role, created by the notifier's own Flyway migration. */
    public static final String NOTIFIER_USER = "notifier";
    public static final String NOTIFIER_PASSWORD = "bench-notifier";

    private Credentials() {
    }
}
