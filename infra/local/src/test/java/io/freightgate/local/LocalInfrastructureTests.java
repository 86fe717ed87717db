package io.freightgate.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocalInfrastructureTests {

    private final LocalInfrastructure infrastructure = LocalInfrastructure.obtain(null);

    @Test
    void startsPostgresWithAnApplicationRoleThatCannotBypassRowLevelSecurity() throws SQLException {
        String database = infrastructure.newDatabase("local_test");
        String url = infrastructure.postgres().jdbcUrl(database);
        try (var connection = DriverManager.getConnection(
                        url, EmbeddedPostgresServer.APP_ROLE, EmbeddedPostgresServer.LOCAL_PASSWORD);
                var rs = connection
                        .createStatement()
                        .executeQuery("SELECT rolsuper, rolbypassrls, current_setting('server_version_num')::int"
                                + " FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("superuser").isFalse();
            assertThat(rs.getBoolean(2)).as("bypass RLS").isFalse();
            assertThat(rs.getInt(3) / 10000).as("major version").isEqualTo(17);
        }
    }

    @Test
    void eachTestContextGetsADatabaseOfItsOwn() {
        assertThat(infrastructure.newDatabase("local_test")).isNotEqualTo(infrastructure.newDatabase("local_test"));
    }

    @Test
    void startsARedisThatAnswersPing() throws IOException {
        try (var socket = new Socket("127.0.0.1", infrastructure.redis().port())) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, 7);
            assertThat(new String(reply, 0, read, StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void startsAnSmtpServerThatCapturesEveryMailWithoutAuthentication() throws MessagingException {
        var properties = new Properties();
        properties.put("mail.smtp.host", infrastructure.smtp().host());
        properties.put("mail.smtp.port", String.valueOf(infrastructure.smtp().port()));
        var message = new MimeMessage(Session.getInstance(properties));
        String recipient = "driver-" + UUID.randomUUID() + "@example.com";
        message.setFrom(new InternetAddress("no-reply@freightgate.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject("Délivery confirmed", "UTF-8");
        message.setText("POD received", "UTF-8");

        Transport.send(message);

        assertThat(infrastructure.smtp().receivedMail())
                .filteredOn(mail -> mail.to().equals(recipient))
                .singleElement()
                .satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Délivery confirmed");
                    assertThat(mail.text()).contains("POD received");
                    assertThat(mail.html()).isEmpty();
                });
    }
}
