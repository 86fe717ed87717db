package io.freightgate.platform.tenancy;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands the call's {@link Tenancy} scope to PostgreSQL at the start of every transaction, with
 * {@code set_config(..., true)} so that it lasts exactly one transaction and a pooled connection never carries it
 * into the next one. Row-level security policies read it through {@code fg_current_tenant()} and
 * {@code fg_system_scope()}.
 */
public class TenantAwareTransactionManager extends JpaTransactionManager {

    private static final String SET_SCOPE =
            "SELECT set_config('app.tenant_id', ?, true), set_config('app.scope', ?, true), set_config('app.actor', ?, true)";

    public TenantAwareTransactionManager(EntityManagerFactory emf) {
        super(emf);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        var dataSource = getDataSource();
        var holder = dataSource == null
                ? null
                : (ConnectionHolder) TransactionSynchronizationManager.getResource(dataSource);
        if (holder == null) {
            throw new TransactionSystemException("No JDBC connection is bound to the transaction");
        }
        Connection connection = holder.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(SET_SCOPE)) {
            statement.setString(1, Tenancy.currentTenant().map(Object::toString).orElse(""));
            statement.setString(2, Tenancy.inSystemScope() ? "system" : "tenant");
            statement.setString(3, Tenancy.currentActor());
            statement.execute();
        } catch (SQLException e) {
            throw new TransactionSystemException("Could not set the tenant of the transaction", e);
        }
    }
}
