package io.freightgate.disputes.internal.domain.evidence;

import static io.freightgate.disputes.internal.domain.evidence.EvidencePlan.Need.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.disputes.DisputeReason;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The evidence plan over all fifteen reasons and three service types. */
class EvidencePlanTableTests {

    /**
     * The fields Stripe's dispute {@code evidence} hash accepts (stripe-java 33.x, reference section 7), written out
     * here rather than read from {@link StripeEvidenceField} so a misspelt field in the enum fails.
     */
    static final Set<String> STRIPE_ACCEPTS = Set.of(
            "access_activity_log",
            "billing_address",
            "cancellation_policy",
            "cancellation_policy_disclosure",
            "cancellation_rebuttal",
            "customer_communication",
            "customer_email_address",
            "customer_name",
            "customer_purchase_ip",
            "customer_signature",
            "duplicate_charge_documentation",
            "duplicate_charge_explanation",
            "duplicate_charge_id",
            "product_description",
            "receipt",
            "refund_policy",
            "refund_policy_disclosure",
            "refund_refusal_explanation",
            "service_date",
            "service_documentation",
            "shipping_address",
            "shipping_carrier",
            "shipping_date",
            "shipping_documentation",
            "shipping_tracking_number",
            "uncategorized_file",
            "uncategorized_text");

    static Stream<Arguments> everyReasonAndService() {
        return Arrays.stream(DisputeReason.values())
                .flatMap(r -> Arrays.stream(ServiceType.values()).map(s -> Arguments.of(r, s)));
    }

    @Test
    void theTableHasFortyFiveRows() {
        assertThat(everyReasonAndService()).hasSize(45);
    }

    @ParameterizedTest(name = "{0} on a {1} load paid by card")
    @MethodSource("everyReasonAndService")
    void everyCardPlanNamesRequiredExhibitsAndOnlyStripeFields(DisputeReason reason, ServiceType service) {
        var plan = EvidencePlans.of(reason, service, Optional.of("card"));

        assertThat(plan.reason()).isEqualTo(reason);
        assertThat(plan.serviceType()).isEqualTo(service);
        assertThat(plan.evidenceProcess()).isTrue();
        assertThat(plan.items()).isNotEmpty();
        assertThat(plan.required()).as("at least one exhibit is required").isNotEmpty();
        assertThat(plan.note()).isNotBlank();
        assertThat(plan.items().stream().map(EvidencePlan.Item::exhibit))
                .as("each exhibit at most once")
                .doesNotHaveDuplicates();
        assertThat(plan.items()).allSatisfy(i -> assertThat(i.answers()).isNotBlank());
        assertThat(plan.fields().stream().map(StripeEvidenceField::stripe).collect(Collectors.toSet()))
                .isNotEmpty()
                .isSubsetOf(STRIPE_ACCEPTS);

        switch (reason) {
            case PRODUCT_NOT_RECEIVED -> {
                assertThat(plan.required()).contains(Exhibit.SIGNED_POD);
                assertThat(plan.fields())
                        .contains(StripeEvidenceField.SHIPPING_DOCUMENTATION, StripeEvidenceField.SHIPPING_DATE);
            }
            case FRAUDULENT -> {
                assertThat(plan.required()).contains(Exhibit.THREE_D_SECURE, Exhibit.PRIOR_PAYMENTS);
                assertThat(plan.fields())
                        .contains(StripeEvidenceField.CUSTOMER_PURCHASE_IP, StripeEvidenceField.ACCESS_ACTIVITY_LOG);
            }
            case UNRECOGNIZED -> assertThat(plan.required()).contains(Exhibit.PAYER_DETAILS, Exhibit.FREIGHT_INVOICE);
            case CREDIT_NOT_PROCESSED -> {
                assertThat(plan.required()).contains(Exhibit.REFUND_TERMS);
                assertThat(plan.fields()).contains(StripeEvidenceField.REFUND_POLICY);
            }
            case DUPLICATE -> {
                assertThat(plan.required()).contains(Exhibit.OTHER_CHARGE);
                assertThat(plan.fields())
                        .contains(
                                StripeEvidenceField.DUPLICATE_CHARGE_ID,
                                StripeEvidenceField.DUPLICATE_CHARGE_EXPLANATION);
            }
            case SUBSCRIPTION_CANCELED -> {
                assertThat(plan.required()).contains(Exhibit.CANCELLATION_TERMS);
                assertThat(plan.fields()).contains(StripeEvidenceField.CANCELLATION_POLICY);
            }
            case PRODUCT_UNACCEPTABLE ->
                assertThat(plan.required())
                        .contains(Exhibit.RATE_CONFIRMATION, Exhibit.COMMUNICATION_LOG, Exhibit.REFUND_TERMS);
            case DEBIT_NOT_AUTHORIZED -> assertThat(plan.required()).contains(Exhibit.RATE_CONFIRMATION);
            default -> assertThat(plan.required()).isNotEmpty();
        }

        boolean deliveryDisputed =
                reason == DisputeReason.PRODUCT_NOT_RECEIVED || reason == DisputeReason.PRODUCT_UNACCEPTABLE;
        switch (service) {
            case EXPRESS -> {
                if (plan.item(Exhibit.SIGNED_POD).isPresent()) {
                    assertThat(plan.item(Exhibit.DELIVERY_TIMES))
                            .as("express asks for timing")
                            .isPresent();
                    assertThat(plan.fields()).contains(StripeEvidenceField.SERVICE_DATE);
                }
                if (deliveryDisputed) {
                    assertThat(plan.required()).contains(Exhibit.DELIVERY_TIMES, Exhibit.TELEMATICS_DELIVERY);
                }
            }
            case FULL_TRUCKLOAD -> {
                assertThat(plan.item(Exhibit.DELIVERY_TIMES)).isEmpty();
                if (deliveryDisputed) {
                    assertThat(plan.required()).contains(Exhibit.TELEMATICS_DELIVERY);
                }
            }
            case PART_LOAD -> {
                assertThat(plan.item(Exhibit.DELIVERY_TIMES)).isEmpty();
                assertThat(plan.required()).doesNotContain(Exhibit.TELEMATICS_DELIVERY);
                if (deliveryDisputed) {
                    assertThat(plan.required()).contains(Exhibit.LOAD_DOCUMENTS);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceType.class)
    void aSepaDebitDisputedAsNotAuthorizedHasNoEvidenceProcess(ServiceType service) {
        var plan = EvidencePlans.of(DisputeReason.DEBIT_NOT_AUTHORIZED, service, Optional.of("sepa_debit"));

        assertThat(plan.evidenceProcess()).isFalse();
        assertThat(plan.items()).isEmpty();
        assertThat(plan.fields()).isEmpty();
        assertThat(plan.note()).contains("No evidence process").contains("recovery");
        assertThat(EvidenceChecklist.check(plan, AvailableEvidence.nothing())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DisputeReason.class, names = "DEBIT_NOT_AUTHORIZED", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherReasonOnASepaDebitHasAnEvidenceProcess(DisputeReason reason) {
        var plan = EvidencePlans.of(reason, ServiceType.PART_LOAD, Optional.of("sepa_debit"));

        assertThat(plan.evidenceProcess()).isTrue();
        assertThat(plan.items()).isNotEmpty();
    }

    @Test
    void aPlanWithoutEvidenceProcessCannotNameExhibits() {
        var item = new EvidencePlan.Item(Exhibit.SIGNED_POD, REQUIRED, "x");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new EvidencePlan(
                        DisputeReason.GENERAL, ServiceType.EXPRESS, false, "none", java.util.List.of(item)));
    }

    @Test
    void everyStripeFieldOfTheEnumIsOneStripeAccepts() {
        assertThat(Arrays.stream(StripeEvidenceField.values())
                        .map(StripeEvidenceField::stripe)
                        .collect(Collectors.toSet()))
                .isEqualTo(STRIPE_ACCEPTS);
    }
}
