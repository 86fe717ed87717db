package io.freightgate.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL 17 server on a loopback port, started from the zonky binaries. It creates the two roles FreightGate
 * needs: {@code freightgate_owner}, which owns the schema and runs Flyway, and {@code freightgate_app}, which the
 * application connects as and which can neither bypass nor disable row-level security.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String OWNER_ROLE = "freightgate_owner";
    public static final String APP_ROLE = "freightgate_app";
    public static final String LOCAL_PASSWORD = "local-only";

    private static final String PID_FILE = "postmaster.pid";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server. With a data directory the cluster is kept there and reused on the next start (a PostgreSQL
     * still running there, left by a killed JVM, is stopped first); without one it lives in a temporary directory
     * that is deleted on close. Commits are acknowledged only once written ({@code synchronous_commit=on}), and with a
     * data directory only once flushed to disk ({@code fsync=on}).
     */
    public static EmbeddedPostgresServer start(@Nullable Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /**
     * Starts a server on the given loopback port ({@code 0}: any free one), as {@link #start(Path)}. With the data
     * directory and the port of a server that died, this brings the same database back where its clients expect it.
     */
    public static EmbeddedPostgresServer start(@Nullable Path dataDirectory, int port) {
        try {
            var builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // The library defaults to synchronous_commit=off, which acknowledges a commit before its WAL leaves
                    // PostgreSQL's memory: a PostgreSQL crash then loses webhooks already answered 200. With it on, a
                    // commit is written before it is acknowledged; tests skip only the flush to disk (fsync), which
                    // guards against an operating system crash, not against PostgreSQL dying.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setRegisterShutdownHook(false);
            if (port != 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                stopLeftOver(dataDirectory);
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            var server = new EmbeddedPostgresServer(builder.start());
            server.createRoles();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** Stops a PostgreSQL left running in {@code dataDirectory} by a JVM that was killed. */
    static void stopLeftOver(Path dataDirectory) {
        LeftOverServer.stop(dataDirectory.resolve(PID_FILE), "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database owned by {@link #OWNER_ROLE} unless it exists already. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + name + " OWNER " + OWNER_ROLE + " TEMPLATE template0");
            statement.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + name + " TO " + APP_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    private void createRoles() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            createRoleIfMissing(statement, OWNER_ROLE, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB");
            createRoleIfMissing(statement, APP_ROLE, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the FreightGate roles", e);
        }
    }

    private static void createRoleIfMissing(Statement statement, String role, String options) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            if (rs.next()) {
                return;
            }
        }
        statement.execute("CREATE ROLE " + role + " " + options + " PASSWORD '" + LOCAL_PASSWORD + "'");
    }

    /** Stops the server and waits (up to 15 s) until it no longer accepts connections, so nothing outlives the JVM. */
    @Override
    public void close() {
        int port = port();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && accepts(port)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean accepts(int port) {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
