package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link OpenApiShapes}, which the slices rely on, fails on what the API document does not promise. */
class OpenApiShapesTests {

    private static final String REFUND = """
            {"id": "6d1f3c1e-0000-4000-8000-000000000001", "payment_request_id": "6d1f3c1e-0000-4000-8000-000000000002",
             "amount": {"minor": 500, "currency": "EUR", "formatted": "5.00 EUR"}, "outcome": "SUCCEEDED",
             "created_at": "2026-12-07T10:00:00Z"}
            """;

    @Test
    void anAnswerWithTheDocumentsFieldsMatches() {
        assertThat(OpenApiShapes.violations(REFUND, "RefundView")).isEmpty();
        assertThat(OpenApiShapes.violations("[" + REFUND + "," + REFUND + "]", "RefundView"))
                .isEmpty();
    }

    @Test
    void anUndeclaredOrCamelCaseFieldFails() {
        assertThat(OpenApiShapes.violations(
                        REFUND.replace("\"outcome\"", "\"stripeSecret\": \"x\", \"outcome\""), "RefundView"))
                .singleElement()
                .asString()
                .contains("$.stripeSecret");
        assertThat(OpenApiShapes.violations(REFUND.replace("payment_request_id", "paymentRequestId"), "RefundView"))
                .singleElement()
                .asString()
                .contains("$.paymentRequestId");
    }

    @Test
    void aNestedObjectIsCheckedAgainstItsOwnSchema() {
        assertThat(OpenApiShapes.violations(REFUND.replace("\"minor\": 500, ", ""), "RefundView"))
                .singleElement()
                .asString()
                .contains("$.amount")
                .contains("Money.minor");
        assertThat(OpenApiShapes.violations(REFUND.replace("\"formatted\"", "\"display\""), "RefundView"))
                .singleElement()
                .asString()
                .contains("$.amount.display");
    }

    @Test
    void anUnknownSchemaFails() {
        assertThat(OpenApiShapes.violations(REFUND, "NoSuchView")).isNotEmpty();
    }
}
