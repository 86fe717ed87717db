package io.freightgate.loads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import io.freightgate.support.PageForm;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Loads end to end through the API: drivers prove delivery with phone photos whose EXIF is checked against the
 * consignee, telematics pings give arrival and departure, the communication log's hash chain verifies and detects a
 * row tampered with in the database, a rate confirmation PDF prefills a load, drivers see only their own loads, and
 * bad files are refused with nothing stored.
 */
class LoadsIT extends GatewayIT {

    static final double CONSIGNEE_LAT = 45.7640;
    static final double CONSIGNEE_LON = 4.8357;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.flyway.url}")
    String ownerUrl;

    @Value("${spring.flyway.user}")
    String ownerUser;

    @Value("${spring.flyway.password}")
    String ownerPassword;

    record Parties(TenantId carrier, TenantId shipper, String dispatcher, String driverId, String driver) {}

    @Test
    void aDriverProvesDeliveryWithAPhotoAtTheConsigneeWhileAPhoto40KilometersAwayIsFlagged() {
        Parties parties = parties();
        String load =
                id(createLoad(parties, "LD-" + UUID.randomUUID().toString().substring(0, 8)));
        Instant delivered = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        var far = uploadPhoto(
                parties.driver(),
                load,
                LoadFixtures.photo(CONSIGNEE_LAT + 0.36, CONSIGNEE_LON, delivered, 1),
                delivered);
        assertThat(far.status()).as(far.body()).isEqualTo(201);
        assertThat(flags(far.json())).contains("FAR_FROM_CONSIGNEE");
        assertThat(far.json().get("distance_to_consignee_meters").asLong()).isBetween(39_000L, 41_000L);
        assertThat(far.json().get("confirms_delivery").asBoolean()).isFalse();
        assertThat(get(parties.dispatcher(), load).json().get("status").asString())
                .isEqualTo("PLANNED");

        var near = uploadPhoto(
                parties.driver(),
                load,
                LoadFixtures.photo(CONSIGNEE_LAT + 0.0002, CONSIGNEE_LON + 0.0002, delivered.minusSeconds(120), 6),
                delivered);
        assertThat(near.status()).as(near.body()).isEqualTo(201);
        JsonNode proof = near.json();
        assertThat(flags(proof)).isEmpty();
        assertThat(proof.get("confirms_delivery").asBoolean()).isTrue();
        assertThat(proof.get("distance_to_consignee_meters").asLong()).isLessThan(50);
        assertThat(proof.get("time_gap_seconds").asLong()).isEqualTo(120);
        assertThat(proof.get("exif_lat").asDouble()).isBetween(CONSIGNEE_LAT, CONSIGNEE_LAT + 0.001);
        assertThat(proof.get("exif_orientation").asInt()).isEqualTo(6);
        assertThat(Instant.parse(proof.get("exif_captured_at").asString())).isEqualTo(delivered.minusSeconds(120));
        assertThat(proof.get("image_width").asInt()).isEqualTo(64);
        assertThat(proof.get("content_type").asString()).isEqualTo("image/jpeg");

        JsonNode loadView = get(parties.dispatcher(), load).json();
        assertThat(loadView.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(get(parties.shipper(), Role.SHIPPER_ADMIN, load)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("DELIVERED");
        var proofs = api.get("/api/v1/loads/" + load + "/delivery-confirmations")
                .token(callers.of(parties.shipper(), Role.SHIPPER_PAYER))
                .send();
        assertThat(proofs.json()).hasSize(2);
        var file = api.get("/api/v1/loads/" + load + "/delivery-confirmations/"
                        + proof.get("id").asString() + "/file")
                .token(parties.dispatcher())
                .send();
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("image/jpeg");

        assertThat(LoadEventsRecorder.published)
                .filteredOn(event -> event instanceof DeliveryConfirmed confirmed
                        && confirmed.loadId().toString().equals(load))
                .hasSize(1)
                .first()
                .satisfies(event -> {
                    var confirmed = (DeliveryConfirmed) event;
                    assertThat(confirmed.carrier()).isEqualTo(parties.carrier());
                    assertThat(confirmed.shipper()).isEqualTo(parties.shipper());
                    assertThat(confirmed.at()).isEqualTo(delivered);
                });
        assertThat(LoadEventsRecorder.published)
                .filteredOn(event -> event instanceof PodUploaded uploaded
                        && uploaded.loadId().toString().equals(load))
                .extracting(event -> ((PodUploaded) event).flagged())
                .containsExactly(true, false);
        assertThat(log(parties.dispatcher(), load))
                .extracting(entry -> entry.get("subject").asString())
                .contains("POD uploaded", "Delivery confirmed");
    }

    @Test
    void aDriverSeesOnlyTheLoadsAssignedToThemAndShippersOnlyRead() {
        Parties parties = parties();
        String load =
                id(createLoad(parties, "LD-OWN-" + UUID.randomUUID().toString().substring(0, 6)));
        String otherDriver =
                accessTokens.issue("driver-" + UUID.randomUUID(), parties.carrier(), List.of(Role.CARRIER_DRIVER));

        assertThat(get(parties.driver(), load).status()).isEqualTo(200);
        assertThat(get(otherDriver, load).status()).isEqualTo(404);
        assertThat(get(otherDriver, load).contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/loads").token(otherDriver).send().json()).isEmpty();
        assertThat(api.get("/api/v1/loads").token(parties.driver()).send().json())
                .extracting(node -> node.get("id").asString())
                .containsExactly(load);
        Instant now = clock.instant();
        var refused = uploadPhoto(otherDriver, load, LoadFixtures.photo(CONSIGNEE_LAT, CONSIGNEE_LON, now, 1), now);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/loads/" + load + "/communication-log")
                        .token(otherDriver)
                        .send()
                        .status())
                .isEqualTo(404);
        var driverCreates = api.post("/api/v1/loads", loadJson(parties, "LD-DRV"))
                .token(parties.driver())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(driverCreates.status()).isEqualTo(403);

        String shipper = callers.of(parties.shipper(), Role.SHIPPER_ADMIN);
        assertThat(get(shipper, load).status()).isEqualTo(200);
        var shipperUpload = uploadPhoto(shipper, load, LoadFixtures.photo(CONSIGNEE_LAT, CONSIGNEE_LON, now, 1), now);
        assertThat(shipperUpload.status()).isEqualTo(403);
        TenantId stranger = organization("CARRIER");
        assertThat(get(callers.of(stranger, Role.CARRIER_ADMIN), load).status()).isEqualTo(404);
        assertThat(get(callers.of(organization("SHIPPER"), Role.SHIPPER_ADMIN), load)
                        .status())
                .isEqualTo(404);
        assertThat(get(callers.platformStaff(Role.FINANCE_AGENT), load).status())
                .isEqualTo(200);

        var reassigned = api.call(
                        "PUT", "/api/v1/loads/" + load + "/driver", "{\"driver_user_id\":null}", "application/json")
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
        assertThat(get(parties.driver(), load).status()).isEqualTo(404);
    }

    @Test
    void badFilesAreRefusedWithAProblemAndNothingIsStored() {
        Parties parties = parties();
        String load =
                id(createLoad(parties, "LD-BAD-" + UUID.randomUUID().toString().substring(0, 6)));
        Instant now = clock.instant();

        var heic = upload(parties.driver(), load, "IMG_0001.HEIC", "image/heic", LoadFixtures.heic(), now);
        assertThat(heic.status()).isEqualTo(415);
        assertThat(heic.contentType()).startsWith("application/problem+json");
        assertThat(heic.json().get("detail").asString()).contains("HEIC").contains("JPEG");

        var text = upload(parties.driver(), load, "pod.jpg", "image/jpeg", "not a photo".getBytes(), now);
        assertThat(text.status()).isEqualTo(415);

        byte[] broken = new byte[200];
        broken[0] = (byte) 0xFF;
        broken[1] = (byte) 0xD8;
        broken[2] = (byte) 0xFF;
        var malformed = upload(parties.driver(), load, "pod.jpg", "image/jpeg", broken, now);
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(422);

        var huge = upload(parties.driver(), load, "pod.png", "image/png", LoadFixtures.pngHeader(30_000, 30_000), now);
        assertThat(huge.status()).as(huge.body()).isEqualTo(422);
        assertThat(huge.json().get("type").asString()).endsWith("/problems/document-too-complex");
        assertThat(huge.json().get("detail").asString()).contains("30000 x 30000");

        byte[] oversized = new byte[11 * 1024 * 1024];
        System.arraycopy(LoadFixtures.photo(CONSIGNEE_LAT, CONSIGNEE_LON, now, 1), 0, oversized, 0, 100);
        var tooLarge = upload(parties.driver(), load, "pod.jpg", "image/jpeg", oversized, now);
        assertThat(tooLarge.status()).isEqualTo(413);

        var notPdf = api.multipart(
                        "POST",
                        "/api/v1/loads/" + load + "/documents",
                        Map.of("kind", "CMR"),
                        "file",
                        "cmr.pdf",
                        "application/pdf",
                        LoadFixtures.photo(CONSIGNEE_LAT, CONSIGNEE_LON, now, 1))
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(notPdf.status()).isEqualTo(415);

        assertThat(api.get("/api/v1/loads/" + load + "/delivery-confirmations")
                        .token(parties.dispatcher())
                        .send()
                        .json())
                .isEmpty();
        assertThat(get(parties.dispatcher(), load).json().get("status").asString())
                .isEqualTo("PLANNED");
    }

    @Test
    void telematicsPingsGiveArrivalDepartureAndDwellAtEachStop() {
        Parties parties = parties();
        String load =
                id(createLoad(parties, "LD-GPS-" + UUID.randomUUID().toString().substring(0, 6)));
        Instant start = clock.instant().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.SECONDS);
        double[][] route = {
            {53.60, 10.10},
            {53.5463, 9.9665},
            {53.5462, 9.9663},
            {53.70, 10.30},
            {45.7642, 4.8359},
            {45.7641, 4.8356},
            {45.80, 4.90}
        };
        int[] minutes = {0, 10, 40, 55, 600, 620, 650};
        for (int i = 0; i < route.length; i++) {
            var response = ping(parties.dispatcher(), load, start.plus(Duration.ofMinutes(minutes[i])), route[i]);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        var again = ping(parties.dispatcher(), load, start.plus(Duration.ofMinutes(650)), route[6]);
        assertThat(again.status()).isEqualTo(200);

        JsonNode stops = get(parties.driver(), load).json().get("stops");
        assertThat(Instant.parse(stops.get(0).get("arrived_at").asString()))
                .isEqualTo(start.plus(Duration.ofMinutes(10)));
        assertThat(Instant.parse(stops.get(0).get("departed_at").asString()))
                .isEqualTo(start.plus(Duration.ofMinutes(55)));
        assertThat(stops.get(0).get("dwell_seconds").asLong()).isEqualTo(45 * 60);
        assertThat(Instant.parse(stops.get(1).get("arrived_at").asString()))
                .isEqualTo(start.plus(Duration.ofMinutes(600)));
        assertThat(Instant.parse(stops.get(1).get("departed_at").asString()))
                .isEqualTo(start.plus(Duration.ofMinutes(650)));
        assertThat(stops.get(1).get("dwell_seconds").asLong()).isEqualTo(50 * 60);
        assertThat(log(parties.dispatcher(), load))
                .extracting(entry -> entry.get("subject").asString())
                .containsSubsequence(
                        "Arrived at pickup", "Departed from pickup", "Arrived at delivery", "Departed from delivery");

        var future = ping(parties.dispatcher(), load, clock.instant().plus(Duration.ofHours(1)), route[0]);
        assertThat(future.status()).isEqualTo(422);
        var offGlobe = ping(parties.dispatcher(), load, start, new double[] {95, 0});
        assertThat(offGlobe.status()).isEqualTo(422);
    }

    @Test
    void theCommunicationLogChainVerifiesAndARowTamperedInTheDatabaseBreaksIt() throws Exception {
        Parties parties = parties();
        String load =
                id(createLoad(parties, "LD-LOG-" + UUID.randomUUID().toString().substring(0, 6)));
        var message = api.post(
                        "/api/v1/loads/" + load + "/messages", "{\"subject\":\"ETA\",\"body\":\"Arriving 14:00\"}")
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(message.status()).as(message.body()).isEqualTo(201);
        String mime = """
                From: Jan Smit <jan.smit@shipper.test>
                To: load@freightgate.test
                Subject: Gate closes at 16:00
                Date: Tue, 1 Dec 2026 09:30:00 +0000
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Please be there before 16:00, the gate closes then.
                """.replace("\n", "\r\n");
        var email = api.call("POST", "/api/v1/loads/" + load + "/messages", mime, "message/rfc822")
                .token(callers.of(parties.shipper(), Role.SHIPPER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(email.status()).as(email.body()).isEqualTo(201);
        assertThat(email.json().get("channel").asString()).isEqualTo("EMAIL");
        assertThat(email.json().get("author").asString()).isEqualTo("email:jan.smit@shipper.test");
        assertThat(email.json().get("body").asString()).contains("gate closes then");

        List<JsonNode> entries = log(parties.dispatcher(), load);
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1).get("previous_hash").asString())
                .isEqualTo(entries.get(0).get("hash").asString());
        JsonNode verification = verification(parties.dispatcher(), load);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("entries").asInt()).isEqualTo(3);
        assertThat(verification.get("head_hash").asString())
                .isEqualTo(entries.get(2).get("hash").asString());

        var transcript = api.get("/api/v1/loads/" + load + "/communication-log/transcript")
                .token(callers.of(parties.shipper(), Role.SHIPPER_PAYER))
                .send();
        assertThat(transcript.status()).isEqualTo(200);
        assertThat(transcript.body())
                .contains("Gate closes at 16:00")
                .contains(entries.get(2).get("hash").asString())
                .contains("Chain: intact");

        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE communication_log SET body = 'edited' WHERE load_id = ?", UUID.fromString(load)))
                .rootCause()
                .hasMessageContaining("permission denied");

        try (Connection owner = DriverManager.getConnection(ownerUrl, ownerUser, ownerPassword);
                Statement statement = owner.createStatement()) {
            statement.execute("SELECT set_config('app.scope', 'system', false)");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "UPDATE communication_log SET body = 'x' WHERE load_id = '" + load + "' AND seq = 2"))
                    .hasMessageContaining("append-only");
            statement.execute("ALTER TABLE communication_log DISABLE TRIGGER communication_log_append_only");
            try {
                int changed =
                        statement.executeUpdate("UPDATE communication_log SET body = 'Arriving 18:00' WHERE load_id = '"
                                + load + "' AND seq = 2");
                assertThat(changed).isEqualTo(1);
            } finally {
                statement.execute("ALTER TABLE communication_log ENABLE TRIGGER communication_log_append_only");
            }
        }

        JsonNode broken = verification(parties.dispatcher(), load);
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("first_broken_seq").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/loads/" + load + "/communication-log/transcript")
                        .token(parties.dispatcher())
                        .send()
                        .body())
                .contains("BROKEN at entry #2");
    }

    @Test
    void aRateConfirmationPdfPrefillsALoadOnlyOnceAPersonConfirmsIt() {
        Parties parties = parties();
        String number = "RC-" + (100000 + (int) (Math.random() * 800000));
        byte[] pdf = LoadFixtures.pdf(List.of(
                "RATE CONFIRMATION",
                "Load number: " + number,
                "BOL No: BOL-778812",
                "Pickup: Hafenstrasse 1, 20457 Hamburg, DE",
                "Pickup date: 2026-12-10",
                "Delivery: 12 Rue de la Republique, 69002 Lyon, FR",
                "Delivery date: 12.12.2026",
                "Agreed rate: EUR 1,850.00"));
        var suggested = api.multipart(
                        "POST",
                        "/api/v1/loads/document-suggestions",
                        Map.of(),
                        "file",
                        "rc.pdf",
                        "application/pdf",
                        pdf)
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(suggested.status()).as(suggested.body()).isEqualTo(200);
        JsonNode suggestions = suggested.json();
        assertThat(suggestions.get("load_number").asString()).isEqualTo(number);
        assertThat(suggestions.get("bol_number").asString()).isEqualTo("BOL-778812");
        assertThat(suggestions.get("amounts").get(0).get("minor").asLong()).isEqualTo(185_000);
        assertThat(suggestions.get("amounts").get(0).get("currency").asString()).isEqualTo("EUR");
        assertThat(suggestions.get("pickup_date").asString()).isEqualTo("2026-12-10");
        assertThat(suggestions.get("delivery_date").asString()).isEqualTo("2026-12-12");
        assertThat(suggestions.get("delivery_address").asString()).isEqualTo("12 Rue de la Republique, 69002 Lyon, FR");

        String json = """
                {"shipper_id":"%s","load_number":"%s","pickup":{"address":"%s","lat":53.5461,"lon":9.9661,
                 "planned_at":"%sT08:00:00Z"},"delivery":{"address":"%s","lat":45.7640,"lon":4.8357,
                 "planned_at":"%sT14:00:00Z"}}
                """.formatted(
                        parties.shipper(),
                        suggestions.get("load_number").asString(),
                        suggestions.get("pickup_address").asString(),
                        suggestions.get("pickup_date").asString(),
                        suggestions.get("delivery_address").asString(),
                        suggestions.get("delivery_date").asString());
        var created = api.post("/api/v1/loads", json)
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("load_number").asString()).isEqualTo(number);
        assertThat(created.json().get("stops").get(1).get("address").asString())
                .isEqualTo("12 Rue de la Republique, 69002 Lyon, FR");
        String load = id(created.json());

        var attached = api.multipart(
                        "POST",
                        "/api/v1/loads/" + load + "/documents",
                        Map.of("kind", "RATE_CONFIRMATION"),
                        "file",
                        "rc.pdf",
                        "application/pdf",
                        pdf)
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.json().get("suggestions").get("bol_number").asString())
                .isEqualTo("BOL-778812");
        assertThat(get(parties.dispatcher(), load).json().path("bol_number").isMissingNode()
                        || get(parties.dispatcher(), load)
                                .json()
                                .path("bol_number")
                                .isNull())
                .as("suggestions are never applied silently")
                .isTrue();
        assertThat(api.get("/api/v1/loads/" + load + "/documents")
                        .token(callers.of(parties.shipper(), Role.SHIPPER_PAYER))
                        .send()
                        .json()
                        .get(0)
                        .get("kind")
                        .asString())
                .isEqualTo("RATE_CONFIRMATION");
    }

    @Test
    void aDriverLinkOpensAMobilePageThatTakesTheProofOfDelivery() {
        Parties parties = parties();
        String number = "LD-LINK-" + UUID.randomUUID().toString().substring(0, 6);
        String load = id(createLoad(parties, number));
        var link = api.post("/api/v1/loads/" + load + "/driver-links", "")
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String url = link.json().get("url").asString();
        assertThat(url).startsWith("/driver/loads/");
        assertThat(jdbcCount("SELECT count(*) FROM load_driver_links WHERE token_hash = ?", url.substring(14)))
                .as("the token itself is not stored")
                .isZero();

        var page = api.get(url).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains(number).contains("name=\"viewport\"").contains("capture=\"environment\"");

        var form = PageForm.of(page);
        var forged = api.multipart(
                        "POST",
                        url,
                        Map.of("signatory_name", "J. Smit"),
                        "file",
                        "pod.jpg",
                        "image/jpeg",
                        LoadFixtures.photo(CONSIGNEE_LAT, CONSIGNEE_LON, clock.instant(), 1))
                .send();
        assertThat(forged.status()).as("a post without the page's CSRF token").isEqualTo(403);
        var heic = api.multipart(
                        "POST",
                        url,
                        Map.of("signatory_name", "J. Smit", "_csrf", form.csrf()),
                        "file",
                        "x.heic",
                        "image/heic",
                        LoadFixtures.heic())
                .header("Cookie", form.cookie())
                .send();
        assertThat(heic.status()).isEqualTo(415);
        assertThat(heic.body()).contains("HEIC");

        var uploaded = api.multipart(
                        "POST",
                        url,
                        Map.of("signatory_name", "J. Smit", "_csrf", form.csrf()),
                        "file",
                        "pod.jpg",
                        "image/jpeg",
                        LoadFixtures.photo(CONSIGNEE_LAT, CONSIGNEE_LON, clock.instant(), 1))
                .header("Cookie", form.cookie())
                .send();
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.body()).contains("delivery is confirmed");
        JsonNode proofs = api.get("/api/v1/loads/" + load + "/delivery-confirmations")
                .token(parties.dispatcher())
                .send()
                .json();
        assertThat(proofs).hasSize(1);
        assertThat(proofs.get(0).get("channel").asString()).isEqualTo("DRIVER_LINK");
        assertThat(proofs.get(0).get("signatory_name").asString()).isEqualTo("J. Smit");

        assertThat(api.get("/driver/loads/" + "A".repeat(43)).send().status()).isEqualTo(404);
    }

    // ---- helpers

    private long jdbcCount(String sql, String token) {
        return 0L
                + (jdbc.queryForObject(sql, Long.class, token) == null
                        ? 0
                        : jdbc.queryForObject(sql, Long.class, token));
    }

    private Api.Response ping(String token, String load, Instant at, double[] position) {
        return api.post(
                        "/api/v1/loads/" + load + "/telematics-events",
                        "{\"device_id\":\"TRUCK-7\",\"timestamp\":\"%s\",\"lat\":%s,\"lon\":%s,\"speed_kmh\":42.5}"
                                .formatted(at, position[0], position[1]))
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private JsonNode verification(String token, String load) {
        var response = api.get("/api/v1/loads/" + load + "/communication-log/verification")
                .token(token)
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> log(String token, String load) {
        var response = api.get("/api/v1/loads/" + load + "/communication-log")
                .token(token)
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().forEach(entries::add);
        return entries;
    }

    private static List<String> flags(JsonNode proof) {
        List<String> flags = new ArrayList<>();
        proof.get("flags").forEach(flag -> flags.add(flag.asString()));
        return flags;
    }

    private Api.Response uploadPhoto(String token, String load, byte[] jpeg, Instant deliveredAt) {
        return upload(token, load, "pod.jpg", "image/jpeg", jpeg, deliveredAt);
    }

    private Api.Response upload(
            String token, String load, String name, String contentType, byte[] content, Instant deliveredAt) {
        return api.multipart(
                        "POST",
                        "/api/v1/loads/" + load + "/delivery-confirmations",
                        Map.of("signatory_name", "J. Smit", "delivered_at", deliveredAt.toString()),
                        "file",
                        name,
                        contentType,
                        content)
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    private Api.Response get(String token, String load) {
        return api.get("/api/v1/loads/" + load).token(token).send();
    }

    private Api.Response get(TenantId organization, Role role, String load) {
        return get(callers.of(organization, role), load);
    }

    private static String id(JsonNode node) {
        return node.get("id").asString();
    }

    private JsonNode createLoad(Parties parties, String number) {
        var response = api.post("/api/v1/loads", loadJson(parties, number))
                .token(parties.dispatcher())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private String loadJson(Parties parties, String number) {
        Instant pickup = clock.instant().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"shipper_id":"%s","load_number":"%s","cmr_number":"CMR-%s",
                 "pickup":{"address":"Hafenstrasse 1, 20457 Hamburg, DE","lat":53.5461,"lon":9.9661,"planned_at":"%s"},
                 "delivery":{"address":"12 Rue de la Republique, 69002 Lyon, FR","lat":%s,"lon":%s,"planned_at":"%s"},
                 "driver_user_id":"%s"}
                """.formatted(
                        parties.shipper(),
                        number,
                        number,
                        pickup,
                        CONSIGNEE_LAT,
                        CONSIGNEE_LON,
                        pickup.plus(Duration.ofHours(11)),
                        parties.driverId());
    }

    private Parties parties() {
        TenantId carrier = organization("CARRIER");
        TenantId shipper = organization("SHIPPER");
        String driverId = "driver-" + UUID.randomUUID();
        return new Parties(
                carrier,
                shipper,
                callers.of(carrier, Role.CARRIER_DISPATCHER),
                driverId,
                accessTokens.issue(driverId, carrier, List.of(Role.CARRIER_DRIVER)));
    }

    private TenantId organization(String type) {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson(
                                type, type + " " + UUID.randomUUID(), "ops-" + UUID.randomUUID() + "@example.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
