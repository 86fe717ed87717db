package io.freightgate.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.freightgate.billing.PaymentJourneys;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Fee statements and the ledger export end to end: real payments and a refund through the API against the Stripe
 * emulator post their journals, the carrier's statement of the month lists them with totals per currency (as JSON and
 * as a PDF read back), the reverse-charge note appears for a carrier whose VIES-valid VAT number is French, and
 * finance pages through and exports the same entries.
 */
class FeeStatementsIT extends PaymentJourneys {

    static final String NOTE =
            "Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC)";

    @Test
    void aFrenchCarrierReadsItsMonthsFeesWithTheReverseChargeNoteAndFinanceExportsTheSameEntries() throws Exception {
        Parties parties = frenchCarrierAndShipper();
        String first = paid(parties, 125_000, "EUR", "LD-FS-1");
        String second = paid(parties, 40_000, "EUR", "LD-FS-2");
        String pounds = paid(parties, 10_000, "GBP", "LD-FS-GBP");
        var refunded = refund(parties.carrier(), first, "{}");
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);

        YearMonth month = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        String finance = callers.of(parties.carrier(), Role.CARRIER_FINANCE);
        String path = "/api/v1/carriers/" + parties.carrier() + "/fee-statements/" + month;
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        api.get(path).token(finance).send().json().get("lines").size() == 4);
        var response = api.get(path).token(finance).send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode statement = response.json();

        assertThat(statement.get("month").asString()).isEqualTo(month.toString());
        assertThat(statement.get("complete").asBoolean()).isFalse();
        List<JsonNode> lines = list(statement.get("lines"));
        assertThat(lines)
                .extracting(line -> line.get("kind").asString())
                .containsExactly("PAYMENT", "PAYMENT", "PAYMENT", "REFUND");
        JsonNode payment = lines.getFirst();
        assertThat(payment.get("payment_request_id").asString()).isEqualTo(first);
        assertThat(payment.get("load_reference").asString()).isEqualTo("LD-FS-1");
        assertThat(payment.get("journal_reference").asString()).startsWith("charge:ch_");
        assertThat(payment.get("gross").get("formatted").asString()).isEqualTo("1250.00 EUR");
        assertThat(payment.get("fee").get("formatted").asString()).isEqualTo("25.25 EUR");
        assertThat(lines.get(1).get("load_reference").asString()).isEqualTo("LD-FS-2");
        assertThat(lines.get(1).get("fee").get("minor").asLong()).isEqualTo(825);
        assertThat(lines.get(2).get("payment_request_id").asString()).isEqualTo(pounds);
        assertThat(lines.get(2).get("fee").get("formatted").asString()).isEqualTo("2.20 GBP");
        JsonNode refund = lines.get(3);
        assertThat(refund.get("payment_request_id").asString()).isEqualTo(first);
        assertThat(refund.get("journal_reference").asString()).startsWith("refund:re_");
        assertThat(refund.get("gross").get("formatted").asString()).isEqualTo("-1250.00 EUR");
        assertThat(refund.get("fee").get("formatted").asString()).isEqualTo("-25.25 EUR");

        List<JsonNode> totals = list(statement.get("totals"));
        assertThat(totals).extracting(total -> total.get("currency").asString()).containsExactly("EUR", "GBP");
        JsonNode euros = totals.getFirst();
        assertThat(euros.get("lines").asInt()).isEqualTo(3);
        assertThat(euros.get("gross").get("formatted").asString()).isEqualTo("400.00 EUR");
        assertThat(euros.get("fees_charged").get("formatted").asString()).isEqualTo("33.50 EUR");
        assertThat(euros.get("fees_returned").get("formatted").asString()).isEqualTo("-25.25 EUR");
        assertThat(euros.get("net_fees").get("formatted").asString()).isEqualTo("8.25 EUR");
        assertThat(totals.get(1).get("net_fees").get("formatted").asString()).isEqualTo("2.20 GBP");

        JsonNode vat = statement.get("vat");
        assertThat(vat.get("reverse_charge").asBoolean()).isTrue();
        assertThat(vat.get("note").asString()).isEqualTo(NOTE);
        assertThat(vat.get("carrier_vat_number").asString()).isEqualTo("FR83404833048");
        assertThat(vat.get("carrier_member_state").asString()).isEqualTo("FR");
        assertThat(vat.get("platform_vat_number").asString()).isEqualTo("DE136695976");
        assertThat(statement.get("carrier_vat").get("vies_valid").asBoolean()).isTrue();

        for (HttpResponse<byte[]> pdf :
                List.of(pdf(path + ".pdf", finance, null), pdf(path, finance, "application/pdf"))) {
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
            try (var document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text)
                        .contains("Platform fee statement " + month + " (preliminary)")
                        .contains("LD-FS-1")
                        .contains("LD-FS-2")
                        .contains("LD-FS-GBP")
                        .contains("-1250.00 EUR")
                        .contains("net fees 8.25 EUR")
                        .contains("net fees 2.20 GBP")
                        .contains(NOTE)
                        .contains("Recipient VAT number: FR83404833048");
            }
        }

        var staff =
                api.get(path).token(callers.platformStaff(Role.FINANCE_AGENT)).send();
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.json().get("lines")).hasSize(4);
        TenantId stranger = organization("CARRIER");
        assertThat(api.get(path)
                        .token(callers.of(stranger, Role.CARRIER_ADMIN))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(pdf(path + ".pdf", callers.of(stranger, Role.CARRIER_FINANCE), null)
                        .statusCode())
                .isEqualTo(404);

        var previous = api.get("/api/v1/carriers/" + parties.carrier() + "/fee-statements/" + month.minusMonths(1))
                .token(finance)
                .send();
        assertThat(previous.json().get("lines")).isEmpty();
        assertThat(previous.json().get("totals")).isEmpty();
        assertThat(previous.json().get("complete").asBoolean()).isTrue();

        ledgerExportMatchesTheStatement(parties.carrier(), month, List.of(first, second, pounds));
    }

    private void ledgerExportMatchesTheStatement(TenantId carrier, YearMonth month, List<String> requests)
            throws Exception {
        String supervisor = callers.platformStaff(Role.FINANCE_SUPERVISOR);
        String query = "from=" + month.atDay(1) + "&to=" + month.plusMonths(1).atDay(1) + "&organization=" + carrier;

        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.get("/api/v1/ledger/entries?" + query + "&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(supervisor)
                    .send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            paged.addAll(list(page.json().get("entries")));
            cursor = !page.json().has("next_cursor")
                            || page.json().get("next_cursor").isNull()
                    ? null
                    : page.json().get("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(paged).hasSizeGreaterThanOrEqualTo(8);
        assertThat(pages).isGreaterThan(1);
        assertThat(paged.stream().map(entry -> entry.get("id").asLong()).distinct())
                .hasSize(paged.size());
        assertThat(paged)
                .allSatisfy(entry ->
                        assertThat(entry.get("organization_id").asString()).isEqualTo(carrier.toString()));
        assertThat(paged.stream()
                        .filter(entry -> entry.get("account_kind").asString().equals("PLATFORM_FEE_REVENUE"))
                        .filter(entry -> entry.get("currency").asString().equals("EUR"))
                        .mapToLong(entry -> entry.get("amount").get("minor").asLong())
                        .sum())
                .isEqualTo(-825);
        assertThat(paged)
                .anySatisfy(entry ->
                        assertThat(entry.get("payment_request_id").asString()).isIn(requests));

        var feesOnly = api.get("/api/v1/ledger/entries?" + query + "&account_kind=PLATFORM_FEE_REVENUE")
                .token(supervisor)
                .send();
        assertThat(list(feesOnly.json().get("entries"))).hasSize(4).allSatisfy(entry -> assertThat(
                        entry.get("account_kind").asString())
                .isEqualTo("PLATFORM_FEE_REVENUE"));

        for (var csv : List.of(
                api.get("/api/v1/ledger/entries.csv?" + query).token(supervisor).send(),
                api.get("/api/v1/ledger/entries?" + query)
                        .token(supervisor)
                        .header("Accept", "text/csv")
                        .send())) {
            assertThat(csv.status()).as(csv.body()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.header("Content-Disposition")).contains("ledger-entries-" + month.atDay(1));
            List<String> rows = Arrays.asList(csv.body().split("\r\n"));
            assertThat(rows.getFirst()).startsWith("entry_id,occurred_at,journal_reference,journal_kind,account_kind");
            assertThat(rows).hasSize(paged.size() + 1);
            long feeRevenueEuros = rows.stream()
                    .skip(1)
                    .map(row -> row.split(",", -1))
                    .filter(cells -> cells[4].equals("PLATFORM_FEE_REVENUE") && cells[6].equals("EUR"))
                    .mapToLong(cells -> Long.parseLong(cells[7]))
                    .sum();
            assertThat(feeRevenueEuros).isEqualTo(-825);
            assertThat(rows.stream().skip(1).map(row -> row.split(",", -1)[0]).toList())
                    .containsExactlyElementsOf(paged.stream()
                            .map(entry -> entry.get("id").asString())
                            .toList());
        }

        var balances = api.get("/api/v1/ledger/balances?organization=" + carrier)
                .token(supervisor)
                .send();
        assertThat(balances.status()).as(balances.body()).isEqualTo(200);
        assertThat(list(balances.json()))
                .anySatisfy(balance -> {
                    assertThat(balance.get("account_kind").asString()).isEqualTo("PLATFORM_FEE_REVENUE");
                    assertThat(balance.get("currency").asString()).isEqualTo("EUR");
                    assertThat(balance.get("balance").get("minor").asLong()).isEqualTo(-825);
                })
                .anySatisfy(balance -> {
                    assertThat(balance.get("account_kind").asString()).isEqualTo("PLATFORM_FEE_REVENUE");
                    assertThat(balance.get("currency").asString()).isEqualTo("GBP");
                    assertThat(balance.get("balance").get("minor").asLong()).isEqualTo(-220);
                });

        assertThat(api.get("/api/v1/ledger/entries?" + query)
                        .token(callers.of(carrier, Role.CARRIER_ADMIN))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/ledger/entries.csv?" + query)
                        .token(callers.of(carrier, Role.CARRIER_FINANCE))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aCarrierOfThePlatformsMemberStateOrWithoutAVatNumberGetsNoNote() {
        Parties parties = parties();
        YearMonth month = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        var german = api.get("/api/v1/carriers/" + parties.carrier() + "/fee-statements/" + month)
                .token(callers.of(parties.carrier(), Role.CARRIER_ADMIN))
                .send();
        assertThat(german.status()).as(german.body()).isEqualTo(200);
        assertThat(german.json().get("vat").get("reverse_charge").asBoolean()).isFalse();
        assertThat(german.json().get("vat").get("reason").asString()).isEqualTo("SAME_MEMBER_STATE");
        assertThat(german.json().get("vat").has("note")).isFalse();

        TenantId unverified = organization("CARRIER");
        var none = api.get("/api/v1/carriers/" + unverified + "/fee-statements/" + month)
                .token(callers.platformAdmin())
                .send();
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.json().get("vat").get("reason").asString()).isEqualTo("NO_VAT_NUMBER");
        assertThat(none.json().get("lines")).isEmpty();
    }

    @Test
    void aMonthThatIsMalformedOrHasNotBegunIsAProblem() {
        TenantId carrier = organization("CARRIER");
        String admin = callers.of(carrier, Role.CARRIER_ADMIN);
        YearMonth next = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                .plusMonths(1);
        for (String month : List.of(next.toString(), next + ".pdf", "2026-13", "november", "2026-1")) {
            var response = api.get("/api/v1/carriers/" + carrier + "/fee-statements/" + month)
                    .token(admin)
                    .send();
            assertThat(response.status()).as(month).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("/problems/period-invalid");
        }
        var asPdf = api.get("/api/v1/carriers/" + carrier + "/fee-statements/" + next)
                .token(admin)
                .header("Accept", "application/pdf")
                .send();
        assertThat(asPdf.status()).isEqualTo(400);
        assertThat(asPdf.contentType()).startsWith("application/problem+json");

        String finance = callers.platformStaff(Role.FINANCE_AGENT);
        for (String query : List.of("from=2026-11-01&to=2026-11-01", "from=2025-01-01&to=2026-12-01", "from=11/2026")) {
            var response =
                    api.get("/api/v1/ledger/entries?" + query).token(finance).send();
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("/problems/period-invalid");
        }
        var unknownKind = api.get("/api/v1/ledger/entries?account_kind=NOPE")
                .token(finance)
                .send();
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("type").asString()).isEqualTo("/problems/malformed-request");
        var tooLarge =
                api.get("/api/v1/ledger/entries?limit=1001").token(finance).send();
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("type").asString()).isEqualTo("/problems/validation-failed");
        var forgedCursor = api.get("/api/v1/ledger/entries?cursor=bm90LWEtY3Vyc29y")
                .token(finance)
                .send();
        assertThat(forgedCursor.status()).isEqualTo(422);
        assertThat(forgedCursor.json().get("type").asString()).isEqualTo("/problems/unprocessable");
    }

    private Parties frenchCarrierAndShipper() {
        viesEmulator.registry().register("FR", "83404833048", "Transports Essai SARL", "1 Rue du Port\n69002 Lyon");
        var created = api.post("/api/v1/organizations", """
                        {"type":"CARRIER","legal_name":"Transports Essai %s","country":"FR",
                         "vat_number":"FR83404833048","contact_email":"carrier-%s@essai.test"}
                        """.formatted(UUID.randomUUID(), UUID.randomUUID()))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        TenantId carrier = TenantId.of(created.json().get("id").asString());
        String email = "ap-" + UUID.randomUUID() + "@shipper.test";
        TenantId shipper = organization("SHIPPER", email);
        verifications.verify(carrier, true);
        verifications.verify(shipper, false);
        return new Parties(carrier, shipper, email);
    }

    private String paid(Parties parties, long amount, String currency, String load) {
        String id = id(create(parties, amount, currency, load, false));
        var paid = pay(parties, id, "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return id;
    }

    private HttpResponse<byte[]> pdf(String path, String token, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
