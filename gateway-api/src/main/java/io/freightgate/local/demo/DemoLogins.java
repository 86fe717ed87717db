package io.freightgate.local.demo;

import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.organizations.RegisterOrganization;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.ApiClientView;
import io.freightgate.security.ApiClients;
import io.freightgate.security.Invitations;
import io.freightgate.security.Logins;
import io.freightgate.security.Role;
import io.freightgate.security.TotpEnrolment;
import io.freightgate.security.UserView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo logins: on the first start with a local data directory, a demo carrier and shipper, a user for
 * every role (platform staff with TOTP enrolled) and an API client per organization. Their logins, TOTP secrets and
 * client secrets go to {@code demo-credentials.txt} in the data directory (owner-readable only), never to the log.
 * Later starts find the demo organizations and leave everything as it is.
 */
@Component
@LocalDemo
class DemoLogins {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("DemoLogins on its own authority");

    static final String FILE_NAME = "demo-credentials.txt";
    static final String CARRIER = "Demo Haulage GmbH";
    static final String SHIPPER = "Demo Shipper BV";

    private static final Logger log = LoggerFactory.getLogger(DemoLogins.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrganizationDirectory organizations;
    private final Invitations invitations;
    private final Logins logins;
    private final ApiClients apiClients;
    private final Clock clock;
    private final Path file;

    DemoLogins(
            OrganizationDirectory organizations,
            Invitations invitations,
            Logins logins,
            ApiClients apiClients,
            Clock clock,
            @Value("${freightgate.local.data-dir}") String dataDirectory) {
        this.organizations = organizations;
        this.invitations = invitations;
        this.logins = logins;
        this.apiClients = apiClients;
        this.clock = clock;
        this.file = Path.of(dataDirectory).resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void seed() {
        boolean seeded = organizations.list(ACROSS_TENANTS).stream()
                .anyMatch(org -> org.legalName().equals(CARRIER));
        if (seeded) {
            if (!Files.exists(file)) {
                log.warn(
                        "Demo data exists but {} is gone; delete the local data directory to create new demo logins",
                        file);
            }
            return;
        }
        var lines = new ArrayList<String>();
        lines.add("FreightGate local-mode demo logins. Generated once; keep this file private.");
        lines.add(
                "Log in at /oauth2/authorize (authorization code + PKCE, client freightgate-web) or get API tokens with");
        lines.add(
                "  curl -u CLIENT_ID:CLIENT_SECRET -d grant_type=client_credentials http://localhost:8080/oauth2/token");
        lines.add("");
        OrganizationView carrier =
                register(OrganizationType.CARRIER, CARRIER, "DE", "DE811907980", "ops@demo-haulage.test");
        OrganizationView shipper =
                register(OrganizationType.SHIPPER, SHIPPER, "NL", "NL004495445B01", "ap@demo-shipper.test");
        section(lines, "Platform (" + OrganizationDirectory.PLATFORM + ")", OrganizationDirectory.PLATFORM, "platform");
        section(lines, CARRIER + " (" + carrier.id() + ")", carrier.id(), "carrier");
        section(lines, SHIPPER + " (" + shipper.id() + ")", shipper.id(), "shipper");
        write(lines);
        log.info("Demo logins created; they are in {}", file);
    }

    private OrganizationView register(
            OrganizationType type, String name, String country, String vatNumber, String email) {
        return organizations.register(
                new RegisterOrganization(type, name, CountryCode.of(country), Optional.of(vatNumber), email));
    }

    private void section(List<String> lines, String title, TenantId organization, String domain) {
        lines.add("== " + title);
        OrganizationType type = organization.equals(OrganizationDirectory.PLATFORM)
                ? OrganizationType.PLATFORM
                : organizations.find(organization, ACROSS_TENANTS).orElseThrow().type();
        List<Role> roles = List.of(Role.values()).stream()
                .filter(role -> role.organizationType() == type)
                .toList();
        for (Role role : roles) {
            String email = role.name().toLowerCase(Locale.ROOT).replace('_', '.') + "@" + domain + ".demo.test";
            String password = randomPassword();
            UserView invited =
                    invitations.invite(organization, email, displayName(role), List.of(role), ACROSS_TENANTS);
            invitations.accept(invited.invitationToken().orElseThrow(), password);
            String line = "user %-22s %-42s password %s".formatted(role, email, password);
            if (role.isPlatformStaff()) {
                TotpEnrolment enrolment = logins.beginTotpEnrolment(invited.id());
                logins.confirmTotpEnrolment(invited.id(), enrolment.codeAt(clock.instant()), "127.0.0.1");
                line += "  totp-secret " + enrolment.secret() + "  recovery "
                        + enrolment.recoveryCodes().getFirst();
            }
            lines.add(line);
        }
        if (type != OrganizationType.PLATFORM) {
            ApiClientView client = apiClients.create(organization, "Demo " + domain + " system", roles, ACROSS_TENANTS);
            lines.add("api-client %s  secret %s  roles %s"
                    .formatted(client.clientId(), client.secret().orElseThrow(), client.roles()));
        }
        lines.add("");
    }

    private void write(List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String displayName(Role role) {
        String words = role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return "Demo " + words;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
