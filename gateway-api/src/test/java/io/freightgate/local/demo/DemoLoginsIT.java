package io.freightgate.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.security.Role;
import io.freightgate.support.GatewayIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** Local mode seeds demo logins for every role into a private file, and the seeded API clients really work. */
@TestPropertySource(properties = "freightgate.local.data-dir=target/local-demo-it")
@ExtendWith(OutputCaptureExtension.class)
class DemoLoginsIT extends GatewayIT {

    @Autowired
    DemoLogins demo;

    @Test
    void everyRoleGetsALoginInAnOwnerOnlyFileAndNoSecretReachesTheLog(CapturedOutput output) throws Exception {
        Path file = demo.file();
        List<String> lines = Files.readAllLines(file);

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        for (Role role : Role.values()) {
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("user " + role + " "));
        }
        assertThat(lines.stream().filter(line -> line.contains("totp-secret"))).hasSize(5);
        var clients =
                lines.stream().filter(line -> line.startsWith("api-client ")).toList();
        assertThat(clients).hasSize(2);
        for (String line : lines) {
            var password = Pattern.compile("password (\\S+)").matcher(line);
            if (password.find()) {
                assertThat(output.getAll()).doesNotContain(password.group(1));
            }
        }

        String[] client = clients.getFirst().split("\\s+");
        String basic = Base64.getEncoder().encodeToString((client[1] + ":" + client[3]).getBytes());
        var token = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain(client[3]);
    }

    @Test
    void aSecondSeedingLeavesEverythingAsItIs() throws Exception {
        String before = Files.readString(demo.file());

        demo.seed();

        assertThat(Files.readString(demo.file())).isEqualTo(before);
    }
}
