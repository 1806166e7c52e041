package org.cdcpipeline.notifier.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import org.cdcpipeline.notifier.rules.Notification;

/**
 * The table {@code notifier.notifications}: what was decided, posted and dead-lettered, under the notification id.
 * Its primary key is what makes delivery exactly-once across redeliveries of the same change event.
 */
@ApplicationScoped
public class NotificationStore {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    NotificationStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Records the notifications that are not recorded yet and returns all of them as recorded now, each once (the
     * same event twice in a batch raises the same notifications twice).
     */
    @Transactional
    public List<Claim> claim(List<Notification> notifications) {
        Map<UUID, Notification> byId = new LinkedHashMap<>();
        notifications.forEach(notification -> byId.putIfAbsent(notification.id(), notification));
        if (byId.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<UUID> inserted = insertMissing(connection, byId.values());
            List<UUID> recordedBefore = byId.keySet().stream().filter(id -> !inserted.contains(id)).toList();
            Map<UUID, State> states = recordedBefore.isEmpty() ? Map.of() : states(connection, recordedBefore);
            return byId.values().stream().map(notification -> {
                State state = states.getOrDefault(notification.id(), State.NEW);
                return new Claim(notification, state.status(), inserted.contains(notification.id()), state.published());
            }).toList();
        } catch (SQLException e) {
            throw new StoreException("could not record notifications", e);
        }
    }

    /** One statement for them all, the notifications as one JSON array: a batch costs one round trip. */
    private Set<UUID> insertMissing(Connection connection, Collection<Notification> notifications) throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO notifier.notifications (id, event_identity, rule, severity, transaction_id, body, status)
                SELECT (n->>'id')::uuid, n->>'eventIdentity', n->>'rule', n->>'severity', (n->>'transactionId')::uuid, n, 'PENDING'
                FROM jsonb_array_elements(?::jsonb) AS n
                ON CONFLICT (id) DO NOTHING RETURNING id""")) {
            insert.setString(1, toJson(notifications));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    private record State(DeliveryStatus status, boolean published) {
        static final State NEW = new State(DeliveryStatus.PENDING, false);
    }

    private Map<UUID, State> states(Connection connection, List<UUID> ids) throws SQLException {
        Map<UUID, State> states = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, status, published_at IS NOT NULL FROM notifier.notifications WHERE id = ANY (?)")) {
            select.setArray(1, uuidArray(connection, ids));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getObject(1, UUID.class), new State(DeliveryStatus.valueOf(rows.getString(2)), rows.getBoolean(3)));
                }
            }
        }
        return states;
    }

    @Transactional
    public void markPublished(Collection<UUID> ids) {
        update("UPDATE notifier.notifications SET published_at = now() WHERE id = ANY (?)", ids);
    }

    /**
     * The notifications among these whose last post has no known outcome (POSTING: the process died during it), with
     * when each was recorded.
     */
    @Transactional
    public Map<UUID, Instant> inDoubt(Collection<UUID> ids) {
        Map<UUID, Instant> inDoubt = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, created_at FROM notifier.notifications WHERE id = ANY (?) AND status = 'POSTING'")) {
            select.setArray(1, uuidArray(connection, ids));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    inDoubt.put(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read notifications", e);
        }
        return inDoubt;
    }

    /**
     * Written before a post: a row found POSTING after a restart may or may not have reached the sink. Only rows not
     * yet sent or dead-lettered move, so a notification queued twice (by a redelivery and by the recovery at start-up)
     * is posted once.
     *
     * @return the ids that are to be posted now
     */
    @Transactional
    public Set<UUID> markPosting(Collection<UUID> ids) {
        Set<UUID> toPost = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement("""
                UPDATE notifier.notifications SET status = 'POSTING', attempts = attempts + 1
                WHERE id = ANY (?) AND status IN ('PENDING', 'POSTING') RETURNING id""")) {
            update.setArray(1, uuidArray(connection, ids));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    toPost.add(rows.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not update notifications", e);
        }
        return toPost;
    }

    @Transactional
    public void markSent(Collection<UUID> ids) {
        update("UPDATE notifier.notifications SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = ANY (?)", ids);
    }

    @Transactional
    public void markDeadLettered(Collection<UUID> ids, String reason) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE notifier.notifications SET status = 'DEAD_LETTERED', last_error = ? WHERE id = ANY (?)")) {
            update.setString(1, reason);
            update.setArray(2, uuidArray(connection, ids));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not record dead letters", e);
        }
    }

    /** Moves every dead letter back to PENDING and returns them, for a replay. */
    @Transactional
    public List<Notification> requeueDeadLetters() {
        List<Notification> requeued = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE notifier.notifications SET status = 'PENDING' WHERE status = 'DEAD_LETTERED' RETURNING body")) {
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    requeued.add(fromJson(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not requeue dead letters", e);
        }
        return requeued;
    }

    /** Notifications recorded but not yet sent or dead-lettered, oldest first: what a stopped notifier left behind. */
    @Transactional
    public List<Notification> unsettled() {
        List<Notification> unsettled = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT body FROM notifier.notifications WHERE status IN ('PENDING', 'POSTING') ORDER BY created_at")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    unsettled.add(fromJson(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read unsettled notifications", e);
        }
        return unsettled;
    }

    /** The latest notifications, newest first. */
    @Transactional
    public List<StoredNotification> recent(int limit) {
        List<StoredNotification> recent = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT body, status, attempts, last_error, created_at, sent_at FROM notifier.notifications
                ORDER BY created_at DESC, id LIMIT ?""")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp sentAt = rows.getTimestamp(6);
                    recent.add(new StoredNotification(fromJson(rows.getString(1)), DeliveryStatus.valueOf(rows.getString(2)),
                            rows.getInt(3), rows.getString(4), rows.getTimestamp(5).toInstant(),
                            sentAt == null ? null : sentAt.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read notifications", e);
        }
        return recent;
    }

    private void update(String sql, Collection<UUID> ids) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setArray(1, uuidArray(connection, ids));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not update notifications", e);
        }
    }

    private static Array uuidArray(Connection connection, Collection<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private String toJson(Collection<Notification> notifications) {
        try {
            return json.writeValueAsString(notifications);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notifications must serialize", e);
        }
    }

    private Notification fromJson(String body) {
        try {
            return json.readValue(body, Notification.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored notification is not readable", e);
        }
    }
}
