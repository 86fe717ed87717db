package io.freightgate.emulator.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonObject;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.ApplicationFee;
import com.stripe.model.Balance;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Capability;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.File;
import com.stripe.model.Mandate;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Payout;
import com.stripe.model.Review;
import com.stripe.model.Transfer;
import com.stripe.model.TransferReversal;
import com.stripe.model.radar.EarlyFraudWarning;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.AccountUpdateParams;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.DisputeListParams;
import com.stripe.param.DisputeUpdateParams;
import com.stripe.param.FileCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.PayoutCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferReversalCreateParams;
import com.stripe.param.radar.EarlyFraudWarningListParams;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Part 2 behaviours (Connect, transfers, balance, payouts, SEPA, files, disputes, early fraud warnings) through
 * stripe-java 33.3.0, on top of the part-1 suite; run embedded and against the standalone jar.
 */
abstract class StripeContractSuitePart2 extends StripeContractSuite {

    static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static RequestOptions on(String account) {
        return RequestOptions.builder().setStripeAccount(account).build();
    }

    /** Polls until {@code ok} holds (timed work runs on the emulator's 100 ms ticker). */
    static <T> T eventually(Callable<T> supplier, Predicate<T> ok) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T value = supplier.call();
            if (ok.test(value) || System.nanoTime() > deadline) {
                return value;
            }
            Thread.sleep(50);
        }
    }

    /** Events of {@code types} received by {@code hook} (others are verified and skipped). */
    List<Event> awaitTypes(Hook hook, String... types) throws Exception {
        List<String> wanted = new ArrayList<>(Arrays.asList(types));
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!wanted.isEmpty() && System.nanoTime() < deadline) {
            List<WebhookReceiver.Received> got = hook.receiver().await(1, Duration.ofMillis(500));
            for (WebhookReceiver.Received r : got) {
                Event e = verify(hook, r);
                if (wanted.remove(e.getType())) {
                    out.add(e);
                }
            }
        }
        assertThat(wanted).as("events not received").isEmpty();
        return out;
    }

    /** A connected account with everything provided: enabled, card_payments and transfers active. */
    Account onboardedAccount(StripeClient client, String bankToken, String interval) throws StripeException {
        AccountCreateParams.Builder b = AccountCreateParams.builder()
                .setCountry("US")
                .setEmail("carrier@freight.example")
                .setBusinessType(AccountCreateParams.BusinessType.INDIVIDUAL)
                .setIndividual(AccountCreateParams.Individual.builder()
                        .setFirstName("Jane")
                        .setLastName("Haulier")
                        .build())
                .setBusinessProfile(AccountCreateParams.BusinessProfile.builder()
                        .setUrl("https://carrier.example")
                        .build())
                .setExternalAccount(bankToken)
                .setTosAcceptance(AccountCreateParams.TosAcceptance.builder()
                        .setDate(control().now().getEpochSecond())
                        .setIp("127.0.0.1")
                        .build());
        if (interval != null) {
            b.setSettings(AccountCreateParams.Settings.builder()
                    .setPayouts(AccountCreateParams.Settings.Payouts.builder()
                            .setSchedule(AccountCreateParams.Settings.Payouts.Schedule.builder()
                                    .setInterval(AccountCreateParams.Settings.Payouts.Schedule.Interval.valueOf(
                                            interval.toUpperCase(java.util.Locale.ROOT)))
                                    .build())
                            .build())
                    .build());
        }
        Account a = client.v1().accounts().create(b.build());
        assertThat(a.getChargesEnabled()).isTrue();
        assertThat(a.getCapabilities().getTransfers()).isEqualTo("active");
        return a;
    }

    static byte[] pdf(int pages) {
        StringBuilder sb = new StringBuilder("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        sb.append("2 0 obj << /Type /Pages /Count ").append(pages).append(" >> endobj\n");
        for (int i = 0; i < pages; i++) {
            sb.append(i + 3).append(" 0 obj << /Type /Page /Parent 2 0 R >> endobj\n");
        }
        sb.append("%%EOF\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] png(int size) {
        byte[] b = new byte[size];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }

    static File upload(StripeClient client, byte[] bytes, FileCreateParams.Purpose purpose, RequestOptions options)
            throws StripeException {
        return client.v1()
                .files()
                .create(
                        FileCreateParams.builder()
                                .setPurpose(purpose)
                                .setFile(new ByteArrayInputStream(bytes))
                                .build(),
                        options == null ? RequestOptions.getDefault() : options);
    }

    Dispute firstDispute(StripeClient client, String charge, RequestOptions options) throws Exception {
        return eventually(
                        () -> client.v1()
                                .disputes()
                                .list(
                                        DisputeListParams.builder()
                                                .setCharge(charge)
                                                .build(),
                                        options == null ? RequestOptions.getDefault() : options)
                                .getData(),
                        l -> !l.isEmpty())
                .getFirst();
    }

    // ---------------------------------------------------------------- Connect

    @Test
    void connectAccountsWithControllerCapabilitiesRequirementsAndOnboardingLink() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Hook connect = hook(client, true);
        Account a = client.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setCountry("US")
                        .setEmail("carrier@freight.example")
                        .setController(AccountCreateParams.Controller.builder()
                                .setFees(AccountCreateParams.Controller.Fees.builder()
                                        .setPayer(AccountCreateParams.Controller.Fees.Payer.APPLICATION)
                                        .build())
                                .setLosses(AccountCreateParams.Controller.Losses.builder()
                                        .setPayments(AccountCreateParams.Controller.Losses.Payments.APPLICATION)
                                        .build())
                                .setRequirementCollection(
                                        AccountCreateParams.Controller.RequirementCollection.APPLICATION)
                                .setStripeDashboard(AccountCreateParams.Controller.StripeDashboard.builder()
                                        .setType(AccountCreateParams.Controller.StripeDashboard.Type.NONE)
                                        .build())
                                .build())
                        .setCapabilities(AccountCreateParams.Capabilities.builder()
                                .setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder()
                                        .setRequested(true)
                                        .build())
                                .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                        .setRequested(true)
                                        .build())
                                .build())
                        .build());
        assertThat(a.getId()).startsWith("acct_");
        assertThat(a.getController().getFees().getPayer()).isEqualTo("application");
        assertThat(a.getController().getLosses().getPayments()).isEqualTo("application");
        assertThat(a.getController().getRequirementCollection()).isEqualTo("application");
        assertThat(a.getController().getStripeDashboard().getType()).isEqualTo("none");
        assertThat(a.getType()).isEqualTo("custom");
        assertThat(a.getChargesEnabled()).isFalse();
        assertThat(a.getPayoutsEnabled()).isFalse();
        assertThat(a.getCapabilities().getCardPayments()).isEqualTo("inactive");
        assertThat(a.getRequirements().getCurrentlyDue()).contains("external_account", "tos_acceptance.date");
        assertThat(a.getRequirements().getDisabledReason()).isEqualTo("requirements.past_due");
        assertThat(a.getSettings().getPayouts().getSchedule().getInterval()).isEqualTo("daily");

        // unknown accounts: 403 account_invalid on Stripe-Account, 404 on the resource
        PermissionException unknownHeader = catchThrowableOfType(
                PermissionException.class, () -> client.v1().balance().retrieve(on("acct_unknown0000001")));
        assertThat(unknownHeader.getStatusCode()).isEqualTo(403);
        assertThat(unknownHeader.getCode()).isEqualTo("account_invalid");
        InvalidRequestException missing = catchThrowableOfType(
                InvalidRequestException.class, () -> client.v1().accounts().retrieve("acct_unknown0000001"));
        assertThat(missing.getStatusCode()).isEqualTo(404);

        AccountLink link = client.v1()
                .accountLinks()
                .create(AccountLinkCreateParams.builder()
                        .setAccount(a.getId())
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .setRefreshUrl("https://gateway.example/refresh")
                        .setReturnUrl("https://gateway.example/return")
                        .build());
        assertThat(link.getExpiresAt() - link.getCreated()).isEqualTo(300L);
        assertThat(link.getUrl()).startsWith(baseUrl() + "/_emulator/connect/onboarding/");
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(URI.create(link.getUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(a.getId()).contains("<form");
        HttpResponse<String> again = HTTP.send(
                HttpRequest.newBuilder(URI.create(link.getUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).hasValue("https://gateway.example/refresh");
        HttpResponse<String> submitted = HTTP.send(
                HttpRequest.newBuilder(URI.create(link.getUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("action=submit"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).isEqualTo(302);
        assertThat(submitted.headers().firstValue("Location")).hasValue("https://gateway.example/return");

        Account onboarded = client.v1().accounts().retrieve(a.getId());
        assertThat(onboarded.getChargesEnabled()).isTrue();
        assertThat(onboarded.getPayoutsEnabled()).isTrue();
        assertThat(onboarded.getDetailsSubmitted()).isTrue();
        assertThat(onboarded.getRequirements().getCurrentlyDue()).isEmpty();
        assertThat(onboarded.getCapabilities().getTransfers()).isEqualTo("active");
        assertThat(onboarded.getExternalAccounts().getData()).hasSize(1);
        List<Event> events = awaitTypes(
                connect,
                "account.updated",
                "capability.updated",
                "capability.updated",
                "account.external_account.created");
        Event accountUpdated = events.getFirst();
        Event bankAdded = events.stream()
                .filter(e -> e.getType().equals("account.external_account.created"))
                .findFirst()
                .orElseThrow();
        assertThat(bankAdded.getAccount()).as("announced to Connect endpoints").isEqualTo(a.getId());
        assertThat(bankAdded.getDataObjectDeserializer().getRawJson())
                .contains(onboarded.getExternalAccounts().getData().getFirst().getId())
                .doesNotContain("account_number");
        assertThat(accountUpdated.getAccount()).isEqualTo(a.getId());
        assertThat(accountUpdated.getData().getPreviousAttributes()).containsEntry("charges_enabled", false);
        assertThat(((Account) accountUpdated
                                .getDataObjectDeserializer()
                                .getObject()
                                .orElseThrow())
                        .getChargesEnabled())
                .isTrue();
        Capability cap = (Capability)
                events.get(1).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(cap.getStatus()).isEqualTo("active");
        assertThat(cap.getAccount()).isEqualTo(a.getId());
        assertThat(client.v1()
                        .accounts()
                        .capabilities()
                        .retrieve(a.getId(), "transfers")
                        .getStatus())
                .isEqualTo("active");

        // control: past due disables, satisfied re-enables; currently due keeps enabled until the deadline
        control().accountRequirements(key, a.getId(), AccountRequirements.pastDue(List.of("individual.id_number")));
        Account pastDue = client.v1().accounts().retrieve(a.getId());
        assertThat(pastDue.getChargesEnabled()).isFalse();
        assertThat(pastDue.getPayoutsEnabled()).isFalse();
        assertThat(pastDue.getRequirements().getPastDue()).containsExactly("individual.id_number");
        assertThat(pastDue.getRequirements().getDisabledReason()).isEqualTo("requirements.past_due");
        assertThat(pastDue.getCapabilities().getCardPayments()).isEqualTo("inactive");
        Event disabled = awaitTypes(connect, "account.updated", "capability.updated", "capability.updated")
                .getFirst();
        assertThat(disabled.getData().getPreviousAttributes()).containsEntry("payouts_enabled", true);

        control().accountRequirements(key, a.getId(), AccountRequirements.satisfied());
        Instant deadline = control().now().plus(Duration.ofDays(3));
        control()
                .accountRequirements(
                        key,
                        a.getId(),
                        AccountRequirements.currentlyDue(List.of("individual.verification.document"), deadline));
        Account due = client.v1().accounts().retrieve(a.getId());
        assertThat(due.getChargesEnabled()).isTrue();
        assertThat(due.getRequirements().getCurrentlyDue()).containsExactly("individual.verification.document");
        assertThat(due.getRequirements().getCurrentDeadline()).isEqualTo(deadline.getEpochSecond());
        control().advanceClock(Duration.ofDays(4));
        Account lapsed = eventually(() -> client.v1().accounts().retrieve(a.getId()), x -> !x.getChargesEnabled());
        assertThat(lapsed.getRequirements().getPastDue()).containsExactly("individual.verification.document");

        // an expired link sends the user to refresh_url
        AccountLink old = client.v1()
                .accountLinks()
                .create(AccountLinkCreateParams.builder()
                        .setAccount(a.getId())
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_UPDATE)
                        .setRefreshUrl("https://gateway.example/refresh")
                        .setReturnUrl("https://gateway.example/return")
                        .build());
        control().advanceClock(Duration.ofSeconds(301));
        HttpResponse<String> expired = HTTP.send(
                HttpRequest.newBuilder(URI.create(old.getUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location")).hasValue("https://gateway.example/refresh");

        Account standard = client.v1()
                .accounts()
                .create(AccountCreateParams.builder().setCountry("DE").build());
        assertThat(standard.getType()).isEqualTo("standard");
        assertThat(standard.getDefaultCurrency()).isEqualTo("eur");
        InvalidRequestException noUpdateLink = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .accountLinks()
                .create(AccountLinkCreateParams.builder()
                        .setAccount(standard.getId())
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_UPDATE)
                        .setReturnUrl("https://gateway.example/return")
                        .build()));
        assertThat(noUpdateLink.getParam()).isEqualTo("type");
    }

    // ---------------------------------------------------------------- transfers, application fees, balance

    @Test
    void transfersWithSourceTransactionReversalsDestinationChargesAndApplicationFees() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Hook platform = hook(client, false);
        Account carrier = onboardedAccount(client, "btok_us_verified", "manual");
        Account pending =
                client.v1().accounts().create(AccountCreateParams.builder().build());

        PaymentIntent paid = client.v1()
                .paymentIntents()
                .create(payment(10_000, "pm_card_visa")
                        .setTransferGroup("shipment_7")
                        .build());
        InvalidRequestException noFunds = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .transfers()
                .create(TransferCreateParams.builder()
                        .setAmount(5_000L)
                        .setCurrency("usd")
                        .setDestination(carrier.getId())
                        .build()));
        assertThat(noFunds.getCode()).isEqualTo("balance_insufficient");
        InvalidRequestException noCapability = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .transfers()
                .create(TransferCreateParams.builder()
                        .setAmount(5_000L)
                        .setCurrency("usd")
                        .setDestination(pending.getId())
                        .setSourceTransaction(paid.getLatestCharge())
                        .build()));
        assertThat(noCapability.getCode()).isEqualTo("insufficient_capabilities_for_transfer");
        assertThat(noCapability.getMessage()).contains("transfers");

        Transfer transfer = client.v1()
                .transfers()
                .create(TransferCreateParams.builder()
                        .setAmount(7_000L)
                        .setCurrency("usd")
                        .setDestination(carrier.getId())
                        .setSourceTransaction(paid.getLatestCharge())
                        .setTransferGroup("shipment_7")
                        .putMetadata("shipment", "7")
                        .build());
        assertThat(transfer.getId()).startsWith("tr_");
        assertThat(transfer.getDestination()).isEqualTo(carrier.getId());
        assertThat(transfer.getDestinationPayment()).startsWith("py_");
        assertThat(transfer.getSourceTransaction()).isEqualTo(paid.getLatestCharge());
        assertThat(transfer.getTransferGroup()).isEqualTo("shipment_7");
        BalanceTransaction out = client.v1().balanceTransactions().retrieve(transfer.getBalanceTransaction());
        assertThat(out.getType()).isEqualTo("transfer");
        assertThat(out.getAmount()).isEqualTo(-7_000L);
        assertThat(out.getStatus()).isEqualTo("pending"); // moves with the source charge's funds
        Balance carrierBalance = client.v1().balance().retrieve(on(carrier.getId()));
        assertThat(carrierBalance.getPending()).singleElement().satisfies(m -> {
            assertThat(m.getCurrency()).isEqualTo("usd");
            assertThat(m.getAmount()).isEqualTo(7_000L);
        });

        TransferReversal reversal = client.v1()
                .transfers()
                .reversals()
                .create(
                        transfer.getId(),
                        TransferReversalCreateParams.builder().setAmount(2_000L).build());
        assertThat(reversal.getId()).startsWith("trr_");
        assertThat(reversal.getTransfer()).isEqualTo(transfer.getId());
        Transfer afterReversal = client.v1().transfers().retrieve(transfer.getId());
        assertThat(afterReversal.getAmountReversed()).isEqualTo(2_000L);
        assertThat(afterReversal.getReversed()).isFalse();
        assertThat(afterReversal.getReversals().getData())
                .extracting(TransferReversal::getId)
                .containsExactly(reversal.getId());
        assertThat(client.v1()
                        .balanceTransactions()
                        .retrieve(reversal.getBalanceTransaction())
                        .getType())
                .isEqualTo("transfer_refund");
        assertThat(client.v1()
                        .balance()
                        .retrieve(on(carrier.getId()))
                        .getPending()
                        .getFirst()
                        .getAmount())
                .isEqualTo(5_000L);
        InvalidRequestException tooMuch = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .transfers()
                .reversals()
                .create(
                        transfer.getId(),
                        TransferReversalCreateParams.builder().setAmount(9_000L).build()));
        assertThat(tooMuch.getParam()).isEqualTo("amount");

        // destination charge with an application fee
        PaymentIntent destination = client.v1()
                .paymentIntents()
                .create(payment(20_000, "pm_card_visa")
                        .setApplicationFeeAmount(1_500L)
                        .setTransferData(PaymentIntentCreateParams.TransferData.builder()
                                .setDestination(carrier.getId())
                                .build())
                        .build());
        Charge charge = client.v1().charges().retrieve(destination.getLatestCharge());
        assertThat(charge.getTransfer()).startsWith("tr_");
        assertThat(charge.getApplicationFee()).startsWith("fee_");
        ApplicationFee fee = client.v1().applicationFees().retrieve(charge.getApplicationFee());
        assertThat(fee.getAmount()).isEqualTo(1_500L);
        assertThat(fee.getAccount()).isEqualTo(carrier.getId());
        Transfer auto = client.v1().transfers().retrieve(charge.getTransfer());
        assertThat(auto.getAmount()).isEqualTo(20_000L);
        InvalidRequestException badDestination = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .paymentIntents()
                .create(payment(20_000, "pm_card_visa")
                        .setTransferData(PaymentIntentCreateParams.TransferData.builder()
                                .setDestination(pending.getId())
                                .build())
                        .build()));
        assertThat(badDestination.getCode()).isEqualTo("insufficient_capabilities_for_transfer");

        // direct charge on the connected account: the application fee goes to the platform
        PaymentIntent direct = client.v1()
                .paymentIntents()
                .create(
                        payment(10_000, "pm_card_visa")
                                .setApplicationFeeAmount(500L)
                                .build(),
                        on(carrier.getId()));
        Charge directCharge = client.v1().charges().retrieve(direct.getLatestCharge(), on(carrier.getId()));
        BalanceTransaction directTxn =
                client.v1().balanceTransactions().retrieve(directCharge.getBalanceTransaction(), on(carrier.getId()));
        assertThat(directTxn.getFee()).isEqualTo(320L + 500L);
        assertThat(directTxn.getFeeDetails())
                .extracting(BalanceTransaction.FeeDetail::getType)
                .containsExactly("stripe_fee", "application_fee");
        assertThat(client.v1()
                        .applicationFees()
                        .retrieve(directCharge.getApplicationFee())
                        .getAmount())
                .isEqualTo(500L);

        Balance platformBalance = client.v1().balance().retrieve();
        long expectedPending = (10_000 - 320) - 7_000 + 2_000 + (20_000 - 610) - 20_000 + 1_500 + 500;
        assertThat(platformBalance.getPending().getFirst().getAmount()).isEqualTo(expectedPending);
        assertThat(awaitTypes(platform, "transfer.created", "transfer.reversed", "application_fee.created"))
                .hasSize(3);
    }

    // ---------------------------------------------------------------- payouts

    @Test
    void automaticDailyPayoutsContainTheirBalanceTransactionsAndFailingBankAccountsFail() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Hook connect = hook(client, true);
        Account carrier = onboardedAccount(client, "btok_us_verified", "daily");
        PaymentIntent direct = client.v1()
                .paymentIntents()
                .create(payment(10_000, "pm_card_visa").build(), on(carrier.getId()));
        Charge charge = client.v1().charges().retrieve(direct.getLatestCharge(), on(carrier.getId()));
        Balance before = client.v1().balance().retrieve(on(carrier.getId()));
        assertThat(before.getPending().getFirst().getAmount()).isEqualTo(9_680L);
        assertThat(before.getAvailable().getFirst().getAmount()).isZero();

        control().advanceClock(Duration.ofDays(4)); // available after delay_days (2), daily run, arrival a day later
        Payout payout = eventually(
                        () -> client.v1().payouts().list(on(carrier.getId())).getData(),
                        l -> !l.isEmpty() && l.getFirst().getStatus().equals("paid"))
                .getFirst();
        assertThat(payout.getAutomatic()).isTrue();
        assertThat(payout.getAmount()).isEqualTo(9_680L);
        assertThat(payout.getStatus()).isEqualTo("paid");
        assertThat(payout.getDestination()).startsWith("ba_");
        List<BalanceTransaction> contained = client.v1()
                .balanceTransactions()
                .list(
                        BalanceTransactionListParams.builder()
                                .setPayout(payout.getId())
                                .build(),
                        on(carrier.getId()))
                .getData();
        assertThat(contained).extracting(BalanceTransaction::getType).containsExactlyInAnyOrder("charge", "payout");
        assertThat(contained).extracting(BalanceTransaction::getSource).contains(charge.getId(), payout.getId());
        assertThat(client.v1()
                        .balanceTransactions()
                        .list(
                                BalanceTransactionListParams.builder()
                                        .setType("payout")
                                        .build(),
                                on(carrier.getId()))
                        .getData())
                .hasSize(1);
        assertThat(client.v1()
                        .balance()
                        .retrieve(on(carrier.getId()))
                        .getAvailable()
                        .getFirst()
                        .getAmount())
                .isZero();
        List<Event> events = awaitTypes(connect, "payout.created", "payout.updated", "payout.paid");
        assertThat(events).allSatisfy(e -> assertThat(e.getAccount()).isEqualTo(carrier.getId()));
        assertThat(((Payout) events.get(2)
                                .getDataObjectDeserializer()
                                .getObject()
                                .orElseThrow())
                        .getStatus())
                .isEqualTo("paid");

        // manual schedule, on-demand payout to a failing test bank account
        Account failing = onboardedAccount(client, "btok_us_verified_noAccount", "manual");
        client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_bypassPending").build(), on(failing.getId()));
        InvalidRequestException tooLarge = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .payouts()
                .create(
                        PayoutCreateParams.builder()
                                .setAmount(100_000L)
                                .setCurrency("usd")
                                .build(),
                        on(failing.getId())));
        assertThat(tooLarge.getCode()).isEqualTo("balance_insufficient");
        Payout onDemand = client.v1()
                .payouts()
                .create(
                        PayoutCreateParams.builder()
                                .setAmount(4_000L)
                                .setCurrency("usd")
                                .putMetadata("freightgate_payout", "ours-1")
                                .build(),
                        on(failing.getId()));
        assertThat(onDemand.getStatus()).isEqualTo("pending");
        assertThat(onDemand.getMetadata()).containsEntry("freightgate_payout", "ours-1");
        assertThat(onDemand.getAutomatic()).isFalse();
        control().advanceClock(Duration.ofDays(1));
        Payout failed = eventually(
                () -> client.v1().payouts().retrieve(onDemand.getId(), on(failing.getId())),
                p -> p.getStatus().equals("failed"));
        assertThat(failed.getFailureCode()).isEqualTo("no_account");
        assertThat(failed.getFailureBalanceTransaction()).startsWith("txn_");
        assertThat(client.v1()
                        .balanceTransactions()
                        .retrieve(failed.getFailureBalanceTransaction(), on(failing.getId()))
                        .getType())
                .isEqualTo("payout_failure");
        // payout.created already carries what the request set: a receiver matches the payout to its own record by it
        Payout announced = (Payout) awaitTypes(connect, "payout.created", "payout.failed").stream()
                .filter(e -> e.getType().equals("payout.created"))
                .findFirst()
                .orElseThrow()
                .getDataObjectDeserializer()
                .getObject()
                .orElseThrow();
        assertThat(announced.getId()).isEqualTo(onDemand.getId());
        assertThat(announced.getMetadata()).containsEntry("freightgate_payout", "ours-1");
        assertThat(announced.getMethod()).isEqualTo("standard");
        // the manual account got no automatic payout
        assertThat(client.v1().payouts().list(on(failing.getId())).getData()).hasSize(1);
        client.v1()
                .accounts()
                .update(
                        failing.getId(),
                        AccountUpdateParams.builder()
                                .setSettings(AccountUpdateParams.Settings.builder()
                                        .setPayouts(AccountUpdateParams.Settings.Payouts.builder()
                                                .setSchedule(AccountUpdateParams.Settings.Payouts.Schedule.builder()
                                                        .setInterval(
                                                                AccountUpdateParams.Settings.Payouts.Schedule.Interval
                                                                        .WEEKLY)
                                                        .setWeeklyAnchor(
                                                                AccountUpdateParams.Settings.Payouts.Schedule
                                                                        .WeeklyAnchor.FRIDAY)
                                                        .build())
                                                .build())
                                        .build())
                                .build());
        assertThat(client.v1()
                        .accounts()
                        .retrieve(failing.getId())
                        .getSettings()
                        .getPayouts()
                        .getSchedule()
                        .getWeeklyAnchor())
                .isEqualTo("friday");
    }

    // ---------------------------------------------------------------- SEPA Direct Debit

    PaymentIntent sepaPayment(StripeClient client, String iban, String currency) throws StripeException {
        PaymentMethod pm = client.v1()
                .paymentMethods()
                .create(PaymentMethodCreateParams.builder()
                        .setType(PaymentMethodCreateParams.Type.SEPA_DEBIT)
                        .setSepaDebit(PaymentMethodCreateParams.SepaDebit.builder()
                                .setIban(iban)
                                .build())
                        .setBillingDetails(PaymentMethodCreateParams.BillingDetails.builder()
                                .setName("Spedition Muster GmbH")
                                .setEmail("billing@spedition.example")
                                .build())
                        .build());
        assertThat(pm.getSepaDebit().getLast4()).isEqualTo(iban.substring(iban.length() - 4));
        return client.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(12_000L)
                        .setCurrency(currency)
                        .addPaymentMethodType("sepa_debit")
                        .setPaymentMethod(pm.getId())
                        .setConfirm(true)
                        .setMandateData(PaymentIntentCreateParams.MandateData.builder()
                                .setCustomerAcceptance(
                                        PaymentIntentCreateParams.MandateData.CustomerAcceptance.builder()
                                                .setType(
                                                        PaymentIntentCreateParams.MandateData.CustomerAcceptance.Type
                                                                .ONLINE)
                                                .setOnline(
                                                        PaymentIntentCreateParams.MandateData.CustomerAcceptance.Online
                                                                .builder()
                                                                .setIpAddress("203.0.113.7")
                                                                .setUserAgent("FreightGate/1.0")
                                                                .build())
                                                .build())
                                .build())
                        .build());
    }

    @Test
    void sepaDebitProcessesThenSucceedsFailsOrIsDisputedPerTestIban() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Hook hook = hook(client, false);
        PaymentIntent ok = sepaPayment(client, "DE89370400440532013000", "eur");
        assertThat(ok.getStatus()).isEqualTo("processing");
        Charge pendingCharge = client.v1().charges().retrieve(ok.getLatestCharge());
        assertThat(pendingCharge.getStatus()).isEqualTo("pending");
        String mandateId =
                pendingCharge.getPaymentMethodDetails().getSepaDebit().getMandate();
        Mandate mandate = client.v1().mandates().retrieve(mandateId);
        assertThat(mandate.getStatus()).isEqualTo("active");
        assertThat(mandate.getCustomerAcceptance().getOnline().getIpAddress()).isEqualTo("203.0.113.7");
        assertThat(mandate.getPaymentMethodDetails().getType()).isEqualTo("sepa_debit");

        PaymentIntent delayed = sepaPayment(client, "DE08370400440532013003", "eur");
        PaymentIntent failing = sepaPayment(client, "DE62370400440532013001", "eur");
        PaymentIntent disputed = sepaPayment(client, "DE35370400440532013002", "eur");
        control().advanceClock(Duration.ofSeconds(11));
        assertThat(eventually(() -> client.v1().paymentIntents().retrieve(ok.getId()), p -> p.getStatus()
                                .equals("succeeded"))
                        .getStatus())
                .isEqualTo("succeeded");
        PaymentIntent failed = client.v1().paymentIntents().retrieve(failing.getId());
        assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
        assertThat(failed.getLastPaymentError().getCode()).isEqualTo("generic_could_not_process");
        assertThat(client.v1().paymentIntents().retrieve(delayed.getId()).getStatus())
                .isEqualTo("processing");
        control().advanceClock(Duration.ofMinutes(3));
        assertThat(eventually(() -> client.v1().paymentIntents().retrieve(delayed.getId()), p -> p.getStatus()
                                .equals("succeeded"))
                        .getStatus())
                .isEqualTo("succeeded");
        Dispute sepaDispute = firstDispute(client, disputed.getLatestCharge(), null);
        assertThat(sepaDispute.getReason()).isEqualTo("debit_not_authorized");
        assertThat(sepaDispute.getPaymentMethodDetails().getType()).isEqualTo("sepa_debit");
        BalanceTransaction sepaTxn = client.v1()
                .balanceTransactions()
                .retrieve(client.v1().charges().retrieve(ok.getLatestCharge()).getBalanceTransaction());
        assertThat(sepaTxn.getFee()).isEqualTo(35L);

        InvalidRequestException usd = catchThrowableOfType(
                InvalidRequestException.class, () -> sepaPayment(client, "DE89370400440532013000", "usd"));
        assertThat(usd.getParam()).isEqualTo("currency");
        InvalidRequestException noMandate = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(1_000L)
                        .setCurrency("eur")
                        .addPaymentMethodType("sepa_debit")
                        .setPaymentMethod(mandate.getPaymentMethod())
                        .setConfirm(true)
                        .build()));
        assertThat(noMandate.getParam()).isEqualTo("mandate_data");
        awaitTypes(
                hook,
                "payment_intent.processing",
                "charge.pending",
                "payment_intent.succeeded",
                "payment_intent.payment_failed",
                "charge.dispute.created");
    }

    // ---------------------------------------------------------------- files

    @Test
    void filesAreValidatedByMagicBytesAndSizeAndServeTheirContents() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        byte[] bytes = pdf(3);
        File file = upload(client, bytes, FileCreateParams.Purpose.DISPUTE_EVIDENCE, null);
        assertThat(file.getId()).startsWith("file_");
        assertThat(file.getType()).isEqualTo("pdf");
        assertThat(file.getSize()).isEqualTo((long) bytes.length);
        assertThat(file.getPurpose()).isEqualTo("dispute_evidence");
        assertThat(client.v1().files().retrieve(file.getId()).getUrl())
                .endsWith("/v1/files/" + file.getId() + "/contents");
        HttpResponse<byte[]> contents = HTTP.send(
                HttpRequest.newBuilder(URI.create(file.getUrl()))
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(contents.statusCode()).isEqualTo(200);
        assertThat(contents.body()).isEqualTo(bytes);
        assertThat(contents.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(upload(client, png(100), FileCreateParams.Purpose.DISPUTE_EVIDENCE, null)
                        .getType())
                .isEqualTo("png");
        assertThat(upload(
                                client,
                                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0},
                                FileCreateParams.Purpose.DISPUTE_EVIDENCE,
                                null)
                        .getType())
                .isEqualTo("jpg");
        InvalidRequestException text = catchThrowableOfType(
                InvalidRequestException.class,
                () -> upload(
                        client,
                        "hello".getBytes(StandardCharsets.UTF_8),
                        FileCreateParams.Purpose.DISPUTE_EVIDENCE,
                        null));
        assertThat(text.getParam()).isEqualTo("file");
        InvalidRequestException big = catchThrowableOfType(
                InvalidRequestException.class,
                () -> upload(client, png(5 * 1024 * 1024 + 1), FileCreateParams.Purpose.DISPUTE_EVIDENCE, null));
        assertThat(big.getMessage()).contains("5 MB");
        assertThat(FileEndpoints.countPdfPages(pdf(49))).isEqualTo(49);
    }

    // ---------------------------------------------------------------- disputes

    @Test
    void disputeTestCardOpensAChargebackWithFundsWithdrawnAndWinningEvidenceWins() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Hook hook = hook(client, false);
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(10_000, "pm_card_createDispute").build());
        Dispute dispute = firstDispute(client, pi.getLatestCharge(), null);
        long now = control().now().getEpochSecond();
        assertThat(dispute.getId()).startsWith("dp_");
        assertThat(dispute.getStatus()).isEqualTo("needs_response");
        assertThat(dispute.getReason()).isEqualTo("fraudulent");
        assertThat(dispute.getAmount()).isEqualTo(10_000L);
        assertThat(dispute.getNetworkReasonCode()).isEqualTo("10.4");
        assertThat(dispute.getPaymentMethodDetails().getCard().getBrand()).isEqualTo("visa");
        assertThat(dispute.getPaymentMethodDetails().getCard().getCaseType()).isEqualTo("chargeback");
        assertThat(dispute.getIsChargeRefundable()).isFalse();
        assertThat(dispute.getPaymentIntent()).isEqualTo(pi.getId());
        assertThat(dispute.getEvidenceDetails().getDueBy()).isBetween(now + 20 * 86_400L, now + 22 * 86_400L);
        assertThat(dispute.getBalanceTransactions()).singleElement().satisfies(t -> {
            assertThat(t.getType()).isEqualTo("adjustment");
            assertThat(t.getReportingCategory()).isEqualTo("dispute");
            assertThat(t.getAmount()).isEqualTo(-10_000L);
            assertThat(t.getFee()).isEqualTo(1_500L);
            assertThat(t.getNet()).isEqualTo(-11_500L);
        });
        assertThat(client.v1().charges().retrieve(pi.getLatestCharge()).getDisputed())
                .isTrue();
        InvalidRequestException refund = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setCharge(pi.getLatestCharge())
                        .build()));
        assertThat(refund.getCode()).isEqualTo("charge_disputed");
        List<Event> opened = awaitTypes(hook, "charge.dispute.created", "charge.dispute.funds_withdrawn");
        assertThat(opened.getFirst().getRequest().getId()).isNull();
        assertThat(((Dispute) opened.getFirst()
                                .getDataObjectDeserializer()
                                .getObject()
                                .orElseThrow())
                        .getCharge())
                .isEqualTo(pi.getLatestCharge());

        File pod = upload(client, pdf(2), FileCreateParams.Purpose.DISPUTE_EVIDENCE, null);
        Dispute staged = client.v1()
                .disputes()
                .update(
                        dispute.getId(),
                        DisputeUpdateParams.builder()
                                .setSubmit(false)
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setShippingTrackingNumber("1Z999")
                                        .setShippingCarrier("UPS")
                                        .setShippingDocumentation(pod.getId())
                                        .build())
                                .build());
        assertThat(staged.getStatus()).isEqualTo("needs_response");
        assertThat(staged.getEvidenceDetails().getHasEvidence()).isTrue();
        assertThat(staged.getEvidenceDetails().getSubmissionCount()).isZero();
        assertThat(staged.getEvidence().getShippingDocumentation()).isEqualTo(pod.getId());
        Dispute submitted = client.v1()
                .disputes()
                .update(
                        dispute.getId(),
                        DisputeUpdateParams.builder()
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setUncategorizedText("Delivered, signed POD attached. winning_evidence")
                                        .build())
                                .build());
        assertThat(submitted.getStatus()).isEqualTo("under_review");
        assertThat(submitted.getEvidenceDetails().getSubmissionCount()).isEqualTo(1L);
        assertThat(submitted.getEvidence().getShippingCarrier()).isEqualTo("UPS");
        Dispute won = eventually(() -> client.v1().disputes().retrieve(dispute.getId()), d -> d.getStatus()
                .equals("won"));
        assertThat(won.getStatus()).isEqualTo("won");
        assertThat(won.getBalanceTransactions()).hasSize(2);
        BalanceTransaction reinstated = won.getBalanceTransactions().get(1);
        assertThat(reinstated.getReportingCategory()).isEqualTo("dispute_reversal");
        assertThat(reinstated.getType()).isEqualTo("adjustment");
        assertThat(reinstated.getNet()).isEqualTo(11_500L);
        InvalidRequestException again = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .disputes()
                .update(
                        dispute.getId(),
                        DisputeUpdateParams.builder()
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setUncategorizedText("more")
                                        .build())
                                .build()));
        assertThat(again.getStatusCode()).isEqualTo(400);
        List<Event> lifecycle = awaitTypes(
                hook,
                "charge.dispute.updated",
                "charge.dispute.updated",
                "charge.dispute.closed",
                "charge.dispute.funds_reinstated");
        assertThat(lifecycle.get(1).getData().getPreviousAttributes()).containsKey("status");
        assertThat(client.v1()
                        .balanceTransactions()
                        .list(BalanceTransactionListParams.builder()
                                .setSource(dispute.getId())
                                .build())
                        .getData())
                .hasSize(2);

        PaymentIntent pnr = client.v1()
                .paymentIntents()
                .create(payment(8_000, "pm_card_createDisputeProductNotReceived")
                        .build());
        Dispute lost = firstDispute(client, pnr.getLatestCharge(), null);
        assertThat(lost.getReason()).isEqualTo("product_not_received");
        assertThat(lost.getNetworkReasonCode()).isEqualTo("13.1");
        client.v1()
                .disputes()
                .update(
                        lost.getId(),
                        DisputeUpdateParams.builder()
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setUncategorizedText("losing_evidence")
                                        .build())
                                .build());
        assertThat(eventually(() -> client.v1().disputes().retrieve(lost.getId()), d -> d.getStatus()
                                .equals("lost"))
                        .getBalanceTransactions())
                .hasSize(1);
    }

    @Test
    void evidenceLimitsAreEnforced() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        PaymentIntent visa = client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_createDispute").build());
        Dispute d = firstDispute(client, visa.getLatestCharge(), null);
        String tooLong = "x".repeat(20_001);
        InvalidRequestException field = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .disputes()
                .update(
                        d.getId(),
                        DisputeUpdateParams.builder()
                                .setSubmit(false)
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setProductDescription(tooLong)
                                        .build())
                                .build()));
        assertThat(field.getParam()).isEqualTo("evidence[product_description]");
        String chunk = "y".repeat(19_000);
        InvalidRequestException total = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .disputes()
                .update(
                        d.getId(),
                        DisputeUpdateParams.builder()
                                .setSubmit(false)
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setAccessActivityLog(chunk)
                                        .setCancellationPolicyDisclosure(chunk)
                                        .setCancellationRebuttal(chunk)
                                        .setDuplicateChargeExplanation(chunk)
                                        .setProductDescription(chunk)
                                        .setRefundPolicyDisclosure(chunk)
                                        .setRefundRefusalExplanation(chunk)
                                        .setUncategorizedText(chunk)
                                        .build())
                                .build()));
        assertThat(total.getMessage()).contains("150000");
        File identity = upload(client, png(50), FileCreateParams.Purpose.IDENTITY_DOCUMENT, null);
        InvalidRequestException purpose = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .disputes()
                .update(
                        d.getId(),
                        DisputeUpdateParams.builder()
                                .setSubmit(false)
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setReceipt(identity.getId())
                                        .build())
                                .build()));
        assertThat(purpose.getMessage()).contains("dispute_evidence");
        File fifty = upload(client, pdf(50), FileCreateParams.Purpose.DISPUTE_EVIDENCE, null);
        InvalidRequestException pages = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .disputes()
                .update(
                        d.getId(),
                        DisputeUpdateParams.builder()
                                .setSubmit(false)
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setReceipt(fifty.getId())
                                        .build())
                                .build()));
        assertThat(pages.getMessage()).contains("fewer than 50 pages");
        File big1 = upload(client, png(2_500_000), FileCreateParams.Purpose.DISPUTE_EVIDENCE, null);
        File big2 = upload(client, png(2_500_000), FileCreateParams.Purpose.DISPUTE_EVIDENCE, null);
        InvalidRequestException size = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .disputes()
                .update(
                        d.getId(),
                        DisputeUpdateParams.builder()
                                .setSubmit(false)
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setReceipt(big1.getId())
                                        .setShippingDocumentation(big2.getId())
                                        .build())
                                .build()));
        assertThat(size.getMessage()).contains("exceed the limit for a dispute's total size");
        // nothing of the rejected updates was kept
        assertThat(client.v1()
                        .disputes()
                        .retrieve(d.getId())
                        .getEvidenceDetails()
                        .getHasEvidence())
                .isFalse();

        // Mastercard: at most 19 pages in all
        PaymentIntent mc = client.v1()
                .paymentIntents()
                .create(payment(5_000, "pm_card_mastercard").build());
        String mcDispute = control()
                .createDispute(
                        key,
                        null,
                        mc.getLatestCharge(),
                        DisputeRequest.chargeback("product_unacceptable", "mastercard"));
        File twenty = upload(client, pdf(20), FileCreateParams.Purpose.DISPUTE_EVIDENCE, null);
        InvalidRequestException mcPages = catchThrowableOfType(InvalidRequestException.class, () -> client.v1()
                .disputes()
                .update(
                        mcDispute,
                        DisputeUpdateParams.builder()
                                .setSubmit(false)
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setReceipt(twenty.getId())
                                        .build())
                                .build()));
        assertThat(mcPages.getMessage()).contains("19 pages");
        // the same file is accepted on a Visa dispute
        assertThat(client.v1()
                        .disputes()
                        .update(
                                d.getId(),
                                DisputeUpdateParams.builder()
                                        .setSubmit(false)
                                        .setEvidence(DisputeUpdateParams.Evidence.builder()
                                                .setReceipt(twenty.getId())
                                                .build())
                                        .build())
                        .getEvidence()
                        .getReceipt())
                .isEqualTo(twenty.getId());
    }

    @Test
    void controlCallOpensAnyReasonAndBrandAndDecidesReturningTheEvidenceReceived() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(6_000, "pm_card_visa").build());
        for (String reason : DisputeEndpoints.REASONS) {
            assertThat(DisputeEndpoints.REASONS).contains(reason);
        }
        String id = control()
                .createDispute(
                        key, null, pi.getLatestCharge(), DisputeRequest.chargeback("credit_not_processed", "amex"));
        Dispute d = client.v1().disputes().retrieve(id);
        assertThat(d.getReason()).isEqualTo("credit_not_processed");
        assertThat(d.getPaymentMethodDetails().getCard().getBrand()).isEqualTo("amex");
        assertThat(d.getNetworkReasonCode()).isEqualTo("C02");
        byte[] receiptBytes = pdf(1);
        File receipt = upload(client, receiptBytes, FileCreateParams.Purpose.DISPUTE_EVIDENCE, null);
        client.v1()
                .disputes()
                .update(
                        id,
                        DisputeUpdateParams.builder()
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setRefundPolicyDisclosure("Shown at checkout")
                                        .setReceipt(receipt.getId())
                                        .build())
                                .build());
        assertThat(client.v1().disputes().retrieve(id).getStatus()).isEqualTo("under_review");
        DisputeEvidence evidence = control().decideDispute(key, null, id, true);
        assertThat(evidence.status()).isEqualTo("won");
        assertThat(evidence.submitted()).isTrue();
        assertThat(evidence.submissionCount()).isEqualTo(1);
        assertThat(evidence.fields())
                .containsExactly(java.util.Map.entry("refund_policy_disclosure", "Shown at checkout"));
        assertThat(evidence.files()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("receipt");
            assertThat(f.fileId()).isEqualTo(receipt.getId());
            assertThat(f.type()).isEqualTo("pdf");
            assertThat(f.content()).isEqualTo(receiptBytes);
        });
        assertThat(client.v1().disputes().retrieve(id).getStatus()).isEqualTo("won");

        // inquiries: no money moves; a lost inquiry escalates to a chargeback; close accepts
        PaymentIntent inq = client.v1()
                .paymentIntents()
                .create(payment(3_000, "pm_card_createDisputeInquiry").build());
        Dispute inquiry = firstDispute(client, inq.getLatestCharge(), null);
        assertThat(inquiry.getStatus()).isEqualTo("warning_needs_response");
        assertThat(inquiry.getPaymentMethodDetails().getCard().getCaseType()).isEqualTo("inquiry");
        assertThat(inquiry.getIsChargeRefundable()).isTrue();
        assertThat(inquiry.getBalanceTransactions()).isEmpty();
        control().decideDispute(key, null, inquiry.getId(), false);
        Dispute escalated = client.v1().disputes().retrieve(inquiry.getId());
        assertThat(escalated.getStatus()).isEqualTo("needs_response");
        assertThat(escalated.getBalanceTransactions()).hasSize(1);
        Dispute closed = client.v1().disputes().close(inquiry.getId());
        assertThat(closed.getStatus()).isEqualTo("lost");
        InvalidRequestException closeAgain = catchThrowableOfType(
                InvalidRequestException.class, () -> client.v1().disputes().close(inquiry.getId()));
        assertThat(closeAgain.getStatusCode()).isEqualTo(400);

        PaymentIntent multi = client.v1()
                .paymentIntents()
                .create(payment(9_000, "pm_card_createMultipleDisputes").build());
        List<Dispute> two = eventually(
                () -> client.v1()
                        .disputes()
                        .list(DisputeListParams.builder()
                                .setCharge(multi.getLatestCharge())
                                .build())
                        .getData(),
                l -> l.size() == 2);
        assertThat(two).extracting(Dispute::getAmount).containsExactlyInAnyOrder(4_500L, 4_500L);

        // an unanswered dispute is lost at due_by
        PaymentIntent ignored = client.v1()
                .paymentIntents()
                .create(payment(2_000, "pm_card_visa").build());
        String ignoredId = control()
                .createDispute(key, null, ignored.getLatestCharge(), DisputeRequest.chargeback("general", "discover"));
        assertThat(client.v1().disputes().retrieve(ignoredId).getNetworkReasonCode())
                .isEqualTo("AA");
        control().advanceClock(Duration.ofDays(23));
        assertThat(eventually(() -> client.v1().disputes().retrieve(ignoredId), x -> x.getStatus()
                                .equals("lost"))
                        .getStatus())
                .isEqualTo("lost");
    }

    @Test
    void earlyFraudWarningsAndReviewsEmitTheirEvents() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Hook hook = hook(client, false);
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(4_000, "pm_card_createIssuerFraudRecord").build());
        EarlyFraudWarning efw = eventually(
                        () -> client.v1()
                                .radar()
                                .earlyFraudWarnings()
                                .list(EarlyFraudWarningListParams.builder()
                                        .setCharge(pi.getLatestCharge())
                                        .build())
                                .getData(),
                        l -> !l.isEmpty())
                .getFirst();
        assertThat(efw.getId()).startsWith("issfr_");
        assertThat(efw.getActionable()).isTrue();
        assertThat(efw.getFraudType()).isEqualTo("made_with_stolen_card");
        assertThat(client.v1()
                        .radar()
                        .earlyFraudWarnings()
                        .retrieve(efw.getId())
                        .getCharge())
                .isEqualTo(pi.getLatestCharge());
        client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(pi.getId())
                        .build());
        assertThat(client.v1()
                        .radar()
                        .earlyFraudWarnings()
                        .retrieve(efw.getId())
                        .getActionable())
                .isFalse();

        PaymentIntent risky = client.v1()
                .paymentIntents()
                .create(payment(4_000, "pm_card_riskLevelElevated").build());
        Review review = client.v1().reviews().approve(risky.getReview());
        assertThat(review.getOpen()).isFalse();
        List<Event> events = awaitTypes(
                hook,
                "radar.early_fraud_warning.created",
                "radar.early_fraud_warning.updated",
                "review.opened",
                "review.closed");
        assertThat(((EarlyFraudWarning) events.getFirst()
                                .getDataObjectDeserializer()
                                .getObject()
                                .orElseThrow())
                        .getId())
                .isEqualTo(efw.getId());
        assertThat(((Review) events.get(3)
                                .getDataObjectDeserializer()
                                .getObject()
                                .orElseThrow())
                        .getReason())
                .isEqualTo("approved");
    }

    // ---------------------------------------------------------------- the probe a new integrator writes

    @Test
    void integratorProbeAccountLinkDisputeCardEvidenceAndPayoutTransactions() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        Account carrier = client.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setCountry("US")
                        .setEmail("probe@carrier.example")
                        .build());
        AccountLink link = client.v1()
                .accountLinks()
                .create(AccountLinkCreateParams.builder()
                        .setAccount(carrier.getId())
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .setRefreshUrl("https://probe.example/refresh")
                        .setReturnUrl("https://probe.example/return")
                        .build());
        HTTP.send(HttpRequest.newBuilder(URI.create(link.getUrl())).build(), HttpResponse.BodyHandlers.discarding());
        HTTP.send(
                HttpRequest.newBuilder(URI.create(link.getUrl()))
                        .POST(HttpRequest.BodyPublishers.ofString("action=submit"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(client.v1().accounts().retrieve(carrier.getId()).getPayoutsEnabled())
                .isTrue();

        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(25_000, "pm_card_createDispute")
                        .setTransferData(PaymentIntentCreateParams.TransferData.builder()
                                .setDestination(carrier.getId())
                                .build())
                        .build());
        Dispute dispute = firstDispute(client, pi.getLatestCharge(), null);
        File pod = upload(client, pdf(2), FileCreateParams.Purpose.DISPUTE_EVIDENCE, null);
        client.v1()
                .disputes()
                .update(
                        dispute.getId(),
                        DisputeUpdateParams.builder()
                                .setSubmit(false)
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setShippingDocumentation(pod.getId())
                                        .setShippingTrackingNumber("1Z999AA10123456784")
                                        .build())
                                .build());
        Dispute submitted = client.v1()
                .disputes()
                .update(
                        dispute.getId(),
                        DisputeUpdateParams.builder().setSubmit(true).build());
        assertThat(submitted.getStatus()).isEqualTo("under_review");
        DisputeEvidence received = control().disputeEvidence(key, null, dispute.getId());
        assertThat(received.fields()).containsEntry("shipping_tracking_number", "1Z999AA10123456784");
        assertThat(received.files())
                .extracting(DisputeEvidence.EvidenceFile::fileId)
                .containsExactly(pod.getId());

        control().advanceClock(Duration.ofDays(3));
        Payout payout = eventually(
                        () -> client.v1().payouts().list(on(carrier.getId())).getData(), l -> !l.isEmpty())
                .getFirst();
        List<BalanceTransaction> contents = client.v1()
                .balanceTransactions()
                .list(
                        BalanceTransactionListParams.builder()
                                .setPayout(payout.getId())
                                .build(),
                        on(carrier.getId()))
                .getData();
        assertThat(contents).extracting(BalanceTransaction::getType).contains("payment", "payout");
        assertThat(payout.getAmount()).isEqualTo(25_000L);
    }

    // ---------------------------------------------------------------- fidelity of the JSON

    @Test
    void everyPart2KeyIsKnownToStripeJavasModels() throws Exception {
        String key = newKey();
        StripeClient client = client(key);
        hook(client, false);
        hook(client, true);
        Account carrier = onboardedAccount(client, "btok_us_verified", "daily");
        PaymentIntent pi = client.v1()
                .paymentIntents()
                .create(payment(20_000, "pm_card_createDispute")
                        .setApplicationFeeAmount(700L)
                        .setTransferData(PaymentIntentCreateParams.TransferData.builder()
                                .setDestination(carrier.getId())
                                .build())
                        .build());
        Charge charge = client.v1().charges().retrieve(pi.getLatestCharge());
        TransferReversal reversal = client.v1()
                .transfers()
                .reversals()
                .create(
                        charge.getTransfer(),
                        TransferReversalCreateParams.builder().setAmount(100L).build());
        Dispute dispute = firstDispute(client, charge.getId(), null);
        File file = upload(client, pdf(1), FileCreateParams.Purpose.DISPUTE_EVIDENCE, null);
        client.v1()
                .disputes()
                .update(
                        dispute.getId(),
                        DisputeUpdateParams.builder()
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setUncategorizedText("winning_evidence")
                                        .setReceipt(file.getId())
                                        .build())
                                .build());
        eventually(() -> client.v1().disputes().retrieve(dispute.getId()), d -> d.getStatus()
                .equals("won"));
        PaymentIntent efw = client.v1()
                .paymentIntents()
                .create(payment(4_000, "pm_card_createIssuerFraudRecord").build());
        PaymentIntent sepa = sepaPayment(client, "DE89370400440532013000", "eur");
        control()
                .accountRequirements(
                        key, carrier.getId(), AccountRequirements.currentlyDue(List.of("individual.id_number"), null));
        control().advanceClock(Duration.ofDays(4));
        Payout payout = eventually(
                        () -> client.v1().payouts().list(on(carrier.getId())).getData(),
                        l -> !l.isEmpty() && l.getFirst().getStatus().equals("paid"))
                .getFirst();
        String mandate = client.v1()
                .charges()
                .retrieve(sepa.getLatestCharge())
                .getPaymentMethodDetails()
                .getSepaDebit()
                .getMandate();
        String efwId = eventually(
                        () -> client.v1().radar().earlyFraudWarnings().list().getData(), l -> !l.isEmpty())
                .getFirst()
                .getId();
        AccountLink link = client.v1()
                .accountLinks()
                .create(AccountLinkCreateParams.builder()
                        .setAccount(carrier.getId())
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .setReturnUrl("https://x.example")
                        .build());
        List<String> problems = new ArrayList<>(ModelConformance.unknownKeys(
                JsonObjectFrom.json(link.getRawJsonObject().toString()), AccountLink.class));
        check(problems, client, "/v1/accounts/" + carrier.getId() + "?expand[]=external_accounts", Account.class);
        check(problems, client, "/v1/accounts/" + carrier.getId() + "/capabilities/transfers", Capability.class);
        check(
                problems,
                client,
                "/v1/transfers/" + charge.getTransfer() + "?expand[]=destination_payment",
                Transfer.class);
        check(
                problems,
                client,
                "/v1/transfers/" + charge.getTransfer() + "/reversals/" + reversal.getId(),
                TransferReversal.class);
        check(problems, client, "/v1/application_fees/" + charge.getApplicationFee(), ApplicationFee.class);
        check(problems, client, "/v1/charges/" + charge.getId(), Charge.class);
        check(problems, client, "/v1/charges/" + sepa.getLatestCharge(), Charge.class);
        check(problems, client, "/v1/disputes/" + dispute.getId() + "?expand[]=charge", Dispute.class);
        check(problems, client, "/v1/files/" + file.getId(), File.class);
        check(problems, client, "/v1/mandates/" + mandate, Mandate.class);
        check(
                problems,
                client,
                "/v1/payment_methods/"
                        + client.v1().paymentIntents().retrieve(sepa.getId()).getPaymentMethod(),
                PaymentMethod.class);
        check(problems, client, "/v1/radar/early_fraud_warnings/" + efwId, EarlyFraudWarning.class);
        check(problems, client, "/v1/balance", Balance.class);
        StripeClient onCarrier = StripeClient.builder()
                .setApiKey(key)
                .setApiBase(baseUrl())
                .setStripeAccount(carrier.getId())
                .build();
        check(problems, onCarrier, "/v1/balance", Balance.class);
        check(problems, onCarrier, "/v1/payouts/" + payout.getId(), Payout.class);
        check(problems, onCarrier, "/v1/account", Account.class);
        for (BalanceTransaction t : onCarrier.v1().balanceTransactions().list().getData()) {
            check(problems, onCarrier, "/v1/balance_transactions/" + t.getId(), BalanceTransaction.class);
        }
        for (BalanceTransaction t : client.v1()
                .balanceTransactions()
                .list(BalanceTransactionListParams.builder().setLimit(100L).build())
                .getData()) {
            check(problems, client, "/v1/balance_transactions/" + t.getId(), BalanceTransaction.class);
        }
        for (StripeClient c : List.of(client, onCarrier)) {
            for (Event e : c.v1().events()
                    .list(com.stripe.param.EventListParams.builder()
                            .setLimit(100L)
                            .build())
                    .getData()) {
                JsonObject object = check(problems, c, "/v1/events/" + e.getId(), Event.class)
                        .getAsJsonObject("data")
                        .getAsJsonObject("object");
                Class<?> model =
                        switch (object.get("object").getAsString()) {
                            case "account" -> Account.class;
                            case "capability" -> Capability.class;
                            case "transfer" -> Transfer.class;
                            case "payout" -> Payout.class;
                            case "dispute" -> Dispute.class;
                            case "file" -> File.class;
                            case "application_fee" -> ApplicationFee.class;
                            case "radar.early_fraud_warning" -> EarlyFraudWarning.class;
                            case "payment_intent" -> PaymentIntent.class;
                            case "charge" -> Charge.class;
                            case "refund" -> com.stripe.model.Refund.class;
                            case "review" -> Review.class;
                            case "payment_method" -> PaymentMethod.class;
                            default -> throw new AssertionError("unexpected " + object.get("object"));
                        };
                problems.addAll(ModelConformance.unknownKeys(object, model));
            }
        }
        assertThat(efw.getId()).isNotNull();
        assertThat(problems).isEmpty();
    }

    /** Parses JSON text. */
    static final class JsonObjectFrom {
        private JsonObjectFrom() {}

        static JsonObject json(String s) {
            return com.google.gson.JsonParser.parseString(s).getAsJsonObject();
        }
    }
}
