package org.cdcpipeline.notifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The table {@code notifier.accounts}: each account's home country, learnt from {@code bank.public.accounts}. Kept in
 * the database so it survives restarts.
 */
@ApplicationScoped
public class AccountFacts {

    private final AgroalDataSource dataSource;

    AccountFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param homeCountries by account; a null country for an account that has none */
    @Transactional
    public void rememberHomeCountries(Map<UUID, String> homeCountries) {
        if (homeCountries.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO notifier.accounts (id, home_country) SELECT * FROM unnest(?::uuid[], ?::text[])
                ON CONFLICT (id) DO UPDATE SET home_country = EXCLUDED.home_country, updated_at = now()""")) {
            List<UUID> ids = List.copyOf(homeCountries.keySet());
            upsert.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            upsert.setArray(2, connection.createArrayOf("text", ids.stream().map(homeCountries::get).toArray()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not update accounts", e);
        }
    }

    @Transactional
    public void forget(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM notifier.accounts WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", accountIds.toArray()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not update accounts", e);
        }
    }

    /** The home countries of those of these accounts the notifier has seen with one. */
    @Transactional
    public Map<UUID, String> homeCountries(Collection<UUID> accountIds) {
        Map<UUID, String> homeCountries = new HashMap<>();
        if (accountIds.isEmpty()) {
            return homeCountries;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, home_country FROM notifier.accounts WHERE id = ANY (?) AND home_country IS NOT NULL")) {
            select.setArray(1, connection.createArrayOf("uuid", accountIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    homeCountries.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read accounts", e);
        }
        return homeCountries;
    }
}
