package io.freightgate.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDirectory;

    @Test
    void localModeAcknowledgesACommitOnlyOnceItIsFlushedToDisk() throws SQLException {
        try (var server = EmbeddedPostgresServer.start(dataDirectory)) {
            assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(server, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void testsCommitSynchronouslyTooAndOnlySkipTheFlushToDisk() throws SQLException {
        var server = LocalInfrastructure.obtain(null).postgres();

        // A commit is written to the kernel before it is acknowledged, so it survives PostgreSQL dying; only an
        // operating system crash could lose it, which does not matter for a throw-away test database.
        assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(server, "fsync")).isEqualTo("off");
    }

    private static String setting(EmbeddedPostgresServer server, String name) throws SQLException {
        server.ensureDatabase("settings_test");
        try (var connection = DriverManager.getConnection(
                        server.jdbcUrl("settings_test"),
                        EmbeddedPostgresServer.APP_ROLE,
                        EmbeddedPostgresServer.LOCAL_PASSWORD);
                var rs = connection.createStatement().executeQuery("SHOW " + name)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
