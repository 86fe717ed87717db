package io.freightgate.emulator.stripe;

import io.freightgate.emulator.stripe.TestCard.Risk;
import io.freightgate.emulator.stripe.TestCard.ThreeDs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Stripe's test card numbers and their {@code pm_card_*} / {@code tok_*} aliases (stripe.md section 8). */
final class TestCards {

    static final String GENERIC = "Your card was declined.";

    private static final Map<String, TestCard> BY_NUMBER = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        add(TestCard.of("4242424242424242", "credit", "US").withThreeDs(ThreeDs.NOT_ENROLLED), "visa");
        add(TestCard.of("4000056655665556", "debit", "US"), "visa_debit");
        add(TestCard.of("5555555555554444", "credit", "US"), "mastercard");
        add(TestCard.of("2223003122003222", "credit", "US"), "mastercard_2series");
        add(TestCard.of("5200828282828210", "debit", "US"), "mastercard_debit");
        add(TestCard.of("378282246310005", "credit", "US"), "amex");
        add(TestCard.of("371449635398431", "credit", "US"), "amex2");
        add(TestCard.of("6011111111111117", "credit", "US"), "discover");
        add(TestCard.of("4000002760000016", "credit", "DE"), "de");
        add(TestCard.of("4000002500000003", "credit", "FR"), "fr");
        add(TestCard.of("4000008260000000", "credit", "GB"), "gb");
        add(TestCard.of("4000000000000077", "credit", "US").withFundsAvailableImmediately(), "bypassPending");
        // 3-D Secure
        add(visa("4000002500003155").withThreeDs(ThreeDs.REQUIRED), "authenticationRequiredOnSetup");
        add(visa("4000002760003184").withThreeDs(ThreeDs.REQUIRED), "authenticationRequired");
        add(visa("4000000000003220").withThreeDs(ThreeDs.REQUIRED), "threeDSecure2Required");
        add(
                visa("4000008400001629")
                        .withThreeDs(ThreeDs.REQUIRED)
                        .withDecline("card_declined", "generic_decline", GENERIC),
                "threeDSecureRequiredChargeDeclined");
        add(visa("4000008400001280").withThreeDs(ThreeDs.LOOKUP_ERROR), "threeDSecureLookupError");
        add(visa("4000000000003055"), "threeDSecureOptional");
        add(
                visa("4000008260003178")
                        .withThreeDs(ThreeDs.REQUIRED)
                        .withDecline("card_declined", "insufficient_funds", "Your card has insufficient funds."),
                "authenticationRequiredChargeDeclinedInsufficientFunds");
        // Declines
        add(visa("4000000000000002").withDecline("card_declined", "generic_decline", GENERIC), "chargeDeclined");
        add(
                visa("4000000000009995")
                        .withDecline("card_declined", "insufficient_funds", "Your card has insufficient funds."),
                "chargeDeclinedInsufficientFunds");
        add(visa("4000000000009987").withDecline("card_declined", "lost_card", GENERIC), "chargeDeclinedLostCard");
        add(visa("4000000000009979").withDecline("card_declined", "stolen_card", GENERIC), "chargeDeclinedStolenCard");
        add(
                visa("4000000000000069").withDecline("expired_card", "expired_card", "Your card has expired."),
                "chargeDeclinedExpiredCard");
        add(
                visa("4000000000000127")
                        .withDecline("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."),
                "chargeDeclinedIncorrectCvc");
        add(
                visa("4000000000000119")
                        .withDecline(
                                "processing_error",
                                "processing_error",
                                "An error occurred while processing your card. Try again in a little bit."),
                "chargeDeclinedProcessingError");
        add(
                visa("4000000000006975")
                        .withDecline(
                                "card_declined",
                                "card_velocity_exceeded",
                                "Your card was declined for making repeated attempts too frequently or exceeding its"
                                        + " amount limit."),
                "chargeDeclinedVelocityLimitExceeded");
        add(visa("4000000000000341").withDecline("card_declined", "generic_decline", GENERIC), "chargeCustomerFail");
        // Radar
        add(visa("4100000000000019").withRisk(Risk.HIGHEST_ALWAYS_BLOCKED), "chargeDeclinedFraudulent");
        add(visa("4000000000004954").withRisk(Risk.HIGHEST), "riskLevelHighest");
        add(visa("4000000000009235").withRisk(Risk.ELEVATED), "riskLevelElevated");
        add(visa("4000000000000101").withChecks("fail", "pass", "pass"), "cvcCheckFail");
        add(visa("4000000000000036").withChecks("pass", "pass", "fail"), "avsZipFail");
        add(visa("4000000000000028").withChecks("pass", "fail", "pass"), "avsLine1Fail");
        add(visa("4000000000000010").withChecks("pass", "fail", "fail"), "avsFail");
        add(visa("4000000000000044").withChecks("pass", "unavailable", "unavailable"), "avsUnchecked");
        // Disputes (acted upon in part 2)
        add(visa("4000000000000259").withDispute("fraudulent"), "createDispute");
        add(visa("4000000000002685").withDispute("product_not_received"), "createDisputeProductNotReceived");
        add(visa("4000000000001976").withDispute("inquiry"), "createDisputeInquiry");
        add(visa("4000000000005423").withDispute("early_fraud_warning"), "createIssuerFraudRecord");
        add(visa("4000000404000079").withDispute("multiple"), "createMultipleDisputes");
        add(visa("4000000404000038").withDispute("visa_compelling_evidence_3"), "createCompellingEvidenceDispute");
        // Refunds
        add(visa("4000000000007726").withRefund(TestCard.RefundBehaviour.PENDING_THEN_SUCCEEDS), "pendingRefund");
        add(visa("4000000000005126").withRefund(TestCard.RefundBehaviour.SUCCEEDS_THEN_FAILS), "refundFail");
    }

    private TestCards() {}

    private static TestCard visa(String number) {
        return TestCard.of(number, "credit", "US");
    }

    private static void add(TestCard card, String alias) {
        BY_NUMBER.put(card.number(), card);
        ALIASES.put(alias, card.number());
    }

    /** The test card with this number; none for another number or none at all (a charge that is not by card). */
    static Optional<TestCard> byNumber(@Nullable String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(BY_NUMBER.get(number));
    }

    /** Resolves {@code pm_card_visa} or {@code tok_visa} to its card. */
    static Optional<TestCard> byAlias(String id) {
        String alias;
        if (id.startsWith("pm_card_")) {
            alias = id.substring("pm_card_".length());
        } else if (id.startsWith("tok_")) {
            alias = id.substring("tok_".length());
        } else {
            return Optional.empty();
        }
        return Optional.ofNullable(ALIASES.get(alias)).map(BY_NUMBER::get);
    }

    static Map<String, String> aliases() {
        return Map.copyOf(ALIASES);
    }
}
