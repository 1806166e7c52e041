package org.cdcpipeline.embedded.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.cdcpipeline.embedded.StartupException;

/** Debezium's pgoutput plugin reads the WAL through logical decoding, which needs {@code wal_level=logical}. */
public final class LogicalDecodingCheck {

    private LogicalDecodingCheck() {
    }

    static void verify(PostgresServer server) {
        try (Connection connection = server.connectAsSuperuser("postgres")) {
            verify(connection, server.jdbcUrl("postgres"));
        } catch (SQLException e) {
            throw new StartupException("PostgreSQL started but refused a connection at " + server.jdbcUrl("postgres") + ": "
                    + e.getMessage() + ". See its log: " + server.logFile(), e);
        }
    }

    /** Fails with what to change when the database at {@code url} cannot feed Debezium. */
    public static void verify(Connection connection, String url) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW wal_level")) {
            result.next();
            String walLevel = result.getString(1);
            if (!"logical".equals(walLevel)) {
                throw new StartupException("The database at " + url + " runs with wal_level=" + walLevel
                        + ", but change-data capture needs wal_level=logical. Set 'wal_level = logical' in its postgresql.conf "
                        + "(or ALTER SYSTEM SET wal_level = logical) and restart PostgreSQL.");
            }
        }
    }
}
