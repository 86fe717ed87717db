package io.freightgate.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Screening with the default rules against the embedded PostgreSQL: the fraud module completes a payment's signals
 * with its lists and the shipper's history, decides, explains and stores the decision; a dry-run replays stored
 * decisions with a candidate rule and counts what it would change.
 */
class FraudScreeningIT extends GatewayIT {

    private static final Reach TEST = Reach.acrossTenants("test reads fraud decisions");

    @Autowired
    FraudScreening screening;

    @Autowired
    DeviceFingerprints devices;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCardOnTheBlockListIsBlockedAndTheDecisionIsStoredWithItsFacts() {
        String card = "fp_blocked_" + UUID.randomUUID();
        String entry = block("CARD", card);

        ScreeningDecision decision = screening.screenBeforeConfirmation(payment(newShipper(), eur(90_00), card));

        assertThat(decision.decision()).isEqualTo(ScreeningDecision.Decision.BLOCK);
        assertThat(decision.decidingRule()).contains("default-3");
        assertThat(decision.explanations().getFirst())
                .startsWith("block if :card_on_block_list: or")
                .contains(":card_on_block_list: = true");
        String stored = systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT decision || ' ' || (facts->>'card_on_block_list') || ' ' || (facts->'amount'->>'minor')"
                                + " FROM fraud_decisions WHERE id = ?",
                        String.class,
                        decision.decisionId()));
        assertThat(stored).isEqualTo("BLOCK true 9000");

        Api.Response removed = api.call("DELETE", "/api/v1/fraud/list-entries/" + entry, "", "application/json")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(screening
                        .screenBeforeConfirmation(payment(newShipper(), eur(90_00), card))
                        .decision())
                .as("off the list, the same card is allowed")
                .isEqualTo(ScreeningDecision.Decision.ALLOW);
    }

    @Test
    void listEntriesAreCheckedAndAValueIsListedOnce() {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff));
        String fresh = "2001:db8:0:0:0:0:0:" + suffix;
        block("IP", fresh);

        assertThat(addEntry(analyst, "BLOCK", "IP", fresh).status())
                .as("listed once")
                .isEqualTo(409);
        assertThat(addEntry(analyst, "BLOCK", "IP", "not-an-address").status()).isEqualTo(422);
        assertThat(addEntry(analyst, "BLOCK", "SHIPPER", UUID.randomUUID().toString())
                        .status())
                .as("shippers are trusted, never blocked")
                .isEqualTo(422);
        assertThat(addEntry(analyst, "GREY", "CARD", "fp_x").status()).isEqualTo(422);
        Api.Response listed = api.get("/api/v1/fraud/list-entries")
                .token(callers.platformAdmin())
                .send();
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(fresh);
    }

    @Test
    void anIpv6AddressOnTheBlockListMatchesHoweverEitherSideWritesIt() {
        String suffix = Integer.toHexString(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff));
        Api.Response added = addEntry(callers.platformStaff(Role.RISK_ANALYST), "BLOCK", "IP", "2001:DB8::" + suffix);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("value").asString())
                .as("stored in the one spelling screening compares")
                .isEqualTo("2001:db8:0:0:0:0:0:" + suffix);

        ScreeningDecision decision = screening.screenBeforeConfirmation(payment(
                newShipper(), eur(90_00), "fp_" + UUID.randomUUID(), "2001:0db8:0000::0:" + suffix.toUpperCase()));

        assertThat(decision.decision()).isEqualTo(ScreeningDecision.Decision.BLOCK);
        assertThat(decision.explanations().getFirst()).contains(":ip_on_block_list: = true");
        assertThat(addEntry(callers.platformStaff(Role.RISK_ANALYST), "BLOCK", "IP", "2001:db8:0:0:0:0:0:" + suffix)
                        .status())
                .as("the same address written another way is listed already")
                .isEqualTo(409);
    }

    @Test
    void anAllowRuleForATrustedShipperBeatsTheBlockList() {
        String analyst = callers.platformStaff(Role.RISK_ANALYST);
        TenantId trusted = newShipper();
        assertThat(addEntry(analyst, "TRUST", "SHIPPER", trusted.value().toString())
                        .status())
                .isEqualTo(201);
        Api.Response rule = api.post(
                        "/api/v1/fraud/rules",
                        "{\"name\":\"trusted-%s\",\"text\":\"allow if :shipper_trusted:\"}"
                                .formatted(UUID.randomUUID().toString().substring(0, 8)))
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
        Api.Response enabled = api.post(
                        "/api/v1/fraud/rules/" + rule.json().path("id").asText() + "/enable", "")
                .token(analyst)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(enabled.json().path("state").asText()).isEqualTo("ENABLED");
        String card = "fp_blocked_" + UUID.randomUUID();
        block("CARD", card);

        ScreeningDecision trustedPays = screening.screenBeforeConfirmation(payment(trusted, eur(90_00), card));
        ScreeningDecision otherIsBlocked = screening.screenBeforeConfirmation(payment(newShipper(), eur(90_00), card));

        assertThat(trustedPays.decision()).isEqualTo(ScreeningDecision.Decision.ALLOW);
        assertThat(trustedPays.explanations().getFirst())
                .isEqualTo("allow if :shipper_trusted: (:shipper_trusted: = true)");
        assertThat(otherIsBlocked.decision()).isEqualTo(ScreeningDecision.Decision.BLOCK);
    }

    @Test
    void anAmountFarAboveTheShippersCollectedHistoryIsReviewedWithTheNumbersThatMadeIt() {
        TenantId shipper = newShipper();
        String card = "fp_" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            PaymentSignals usual = payment(shipper, eur(1_000_00), card);
            assertThat(screening.screenBeforeConfirmation(usual).decision())
                    .isEqualTo(ScreeningDecision.Decision.ALLOW);
            screening.paymentCollected(usual.paymentRequestId());
        }

        ScreeningDecision unusual = screening.screenBeforeConfirmation(payment(shipper, eur(3_000_01), card));

        assertThat(unusual.decision()).isEqualTo(ScreeningDecision.Decision.REVIEW);
        assertThat(unusual.explanations())
                .contains("review if :shipper_payment_count_90d: >= 3 and :amount: > 3 * :shipper_avg_amount_90d:"
                        + " (:shipper_payment_count_90d: = 3, :amount: = 3000.01 EUR,"
                        + " :shipper_avg_amount_90d: = 1000.00 EUR)");
        assertThat(screening
                        .screenBeforeConfirmation(payment(shipper, eur(3_000_00), card))
                        .decision())
                .as("three times the mean is not above it")
                .isEqualTo(ScreeningDecision.Decision.ALLOW);
    }

    @Test
    void aNewCardForALargeAmountIsSentThrough3DSecureButAKnownOneIsNot() {
        TenantId shipper = newShipper();
        String known = "fp_" + UUID.randomUUID();
        PaymentSignals first = payment(shipper, eur(400_00), known);
        screening.screenBeforeConfirmation(first);
        screening.paymentCollected(first.paymentRequestId());

        assertThat(screening
                        .screenBeforeConfirmation(payment(shipper, eur(6_000_00), "fp_" + UUID.randomUUID()))
                        .decision())
                .isEqualTo(ScreeningDecision.Decision.REQUEST_3DS);
        assertThat(screening
                        .screenBeforeConfirmation(payment(shipper, eur(6_000_00), known))
                        .decision())
                .as("this card has paid for this shipper; one payment of history is not enough to compare amounts")
                .isEqualTo(ScreeningDecision.Decision.ALLOW);
    }

    @Test
    void aDryRunCountsWhatACandidateRuleWouldHaveChangedOverStoredDecisions() {
        long cents = 100_000 + ThreadLocalRandom.current().nextLong(390_000);
        Money odd = eur(cents);
        TenantId shipper = newShipper();
        for (int i = 0; i < 4; i++) {
            screening.screenBeforeConfirmation(payment(shipper, odd, "fp_" + UUID.randomUUID()));
        }
        String blockedCard = "fp_blocked_" + UUID.randomUUID();
        block("CARD", blockedCard);
        screening.screenBeforeConfirmation(payment(shipper, odd, blockedCard));
        String amount = odd.toString();
        int rulesBefore = ruleCount();

        Api.Response ran = api.post(
                        "/api/v1/fraud/rules/dry-runs",
                        "{\"text\":\"review if :amount: = %s\",\"days\":7}".formatted(amount))
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();

        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        assertThat(ran.json().path("hits").asInt())
                .as("the five payments of that amount")
                .isEqualTo(5);
        assertThat(ran.json().path("changed").asInt())
                .as("the blocked one stays blocked: block beats review")
                .isEqualTo(4);
        assertThat(ran.json().path("changes").path("ALLOW -> REVIEW").asInt()).isEqualTo(4);
        assertThat(ran.json().path("evaluated").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(ran.json().path("examples").get(0).path("explanation").asText())
                .isEqualTo("review if :amount: = " + amount + " (:amount: = " + amount + ")");
        assertThat(ruleCount()).as("a dry-run stores nothing").isEqualTo(rulesBefore);

        Api.Response invalid = api.post(
                        "/api/v1/fraud/rules/dry-runs", "{\"text\":\"review if :amount > 1\",\"days\":7}")
                .token(callers.platformStaff(Role.RISK_ANALYST))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
        assertThat(invalid.json().path("column").asInt()).isEqualTo(11);
    }

    /** Blocks a value through the API, as an analyst does; answers the entry's id. */
    private String block(String kind, String value) {
        Api.Response added = addEntry(callers.platformStaff(Role.RISK_ANALYST), "BLOCK", kind, value);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asText();
    }

    private Api.Response addEntry(String token, String list, String kind, String value) {
        return api.post(
                        "/api/v1/fraud/list-entries",
                        "{\"list\":\"%s\",\"kind\":\"%s\",\"value\":\"%s\",\"reason\":\"test\"}"
                                .formatted(list, kind, value))
                .token(token)
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
    }

    @Test
    void oneDeviceLinksEveryShipperItPaysForAndLinksNotSeenForThirteenMonthsArePurged() {
        String device = devices.identify("ua=Mozilla%2F5.0+Safari%2F605.1.15&pl=MacIntel&lang=fr-FR&scr=1512x982x30"
                        + "&tz=Europe%2FParis&cv="
                        + UUID.randomUUID().toString().substring(0, 8))
                .orElseThrow();
        TenantId first = newShipper();
        TenantId second = newShipper();

        ScreeningDecision one = screening.screenBeforeConfirmation(withDevice(first, device));
        ScreeningDecision two = screening.screenBeforeConfirmation(withDevice(second, device));
        screening.screenBeforeConfirmation(withDevice(second, device));

        assertThat(facts(one.decisionId())).isEqualTo("1 false");
        assertThat(facts(two.decisionId())).as("one device behind two shippers").isEqualTo("2 false");
        assertThat(systemAccess.transaction(
                        TEST,
                        "test",
                        () -> jdbc.queryForList(
                                "SELECT seen_count FROM fraud_device_sightings WHERE device_id = ?"
                                        + " ORDER BY first_seen_at",
                                Long.class,
                                device)))
                .containsExactly(1L, 2L);

        systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.update(
                        "UPDATE fraud_device_sightings SET last_seen_at = now() - interval '400 days'"
                                + " WHERE device_id = ? AND organization_id = ?",
                        device,
                        first.value()));
        assertThat(devices.purge()).isGreaterThanOrEqualTo(1);
        assertThat(systemAccess.transaction(
                        TEST,
                        "test",
                        () -> jdbc.queryForList(
                                "SELECT organization_id FROM fraud_device_sightings WHERE device_id = ?",
                                java.util.UUID.class,
                                device)))
                .as("the link seen 13 months ago is gone, the recent one stays")
                .containsExactly(second.value());
    }

    private String facts(UUID decision) {
        return systemAccess.transaction(
                TEST,
                "test",
                () -> jdbc.queryForObject(
                        "SELECT (facts ->> 'device_shipper_count_30d') || ' ' || (facts ->> 'is_new_device_for_organization')"
                                + " FROM fraud_decisions WHERE id = ?",
                        String.class,
                        decision));
    }

    private static PaymentSignals withDevice(TenantId shipper, String device) {
        return new PaymentSignals(
                UUID.randomUUID(),
                Optional.of(UUID.randomUUID()),
                new TenantId(UUID.randomUUID()),
                shipper,
                eur(50_00),
                "card",
                Optional.empty(),
                Optional.empty(),
                Optional.of(device),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private int ruleCount() {
        return systemAccess.transaction(
                TEST, "test", () -> jdbc.queryForObject("SELECT count(*) FROM fraud_rules", Integer.class));
    }

    private static PaymentSignals payment(TenantId shipper, Money amount, String card) {
        // a payer's own address: one per payment, as the default rule on distinct cards per IP would review the
        // seventh test card from one address shared by every test
        return payment(
                shipper,
                amount,
                card,
                "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)));
    }

    private static PaymentSignals payment(TenantId shipper, Money amount, String card, String ip) {
        return new PaymentSignals(
                UUID.randomUUID(),
                Optional.of(UUID.randomUUID()),
                new TenantId(UUID.randomUUID()),
                shipper,
                amount,
                "card",
                Optional.of(card),
                Optional.of(ip),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static TenantId newShipper() {
        return new TenantId(UUID.randomUUID());
    }

    private static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }
}
