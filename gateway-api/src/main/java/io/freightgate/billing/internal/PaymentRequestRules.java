package io.freightgate.billing.internal;

import io.freightgate.billing.CreatePaymentRequest;
import io.freightgate.billing.internal.domain.PaymentCurrencies;
import java.time.LocalDate;
import java.util.List;

/** What a new payment request must satisfy before it is issued. */
public final class PaymentRequestRules {

    private PaymentRequestRules() {}

    /** Refuses, with {@link IllegalArgumentException}, a request that cannot be issued on {@code today} (UTC). */
    public static void validate(CreatePaymentRequest command, LocalDate today, int maxText) {
        PaymentCurrencies.problemWith(command.amount()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (command.deliveryDate().isBefore(command.pickupDate())) {
            throw new IllegalArgumentException("The delivery date is before the pickup date");
        }
        if (command.dueDate().isBefore(today)) {
            throw new IllegalArgumentException("The due date is in the past");
        }
        for (var text : List.of(command.terms(), command.description())) {
            if (text.map(String::length).orElse(0) > maxText) {
                throw new IllegalArgumentException("Terms and description are limited to " + maxText + " characters");
            }
        }
        if (command.loadReference().isBlank() || command.loadReference().length() > 64) {
            throw new IllegalArgumentException("The load reference must have 1 to 64 characters");
        }
        if (command.loadReference().replaceAll("[^A-Za-z]", "").isEmpty()
                && command.loadReference().replaceAll("[^0-9]", "").isEmpty()) {
            throw new IllegalArgumentException("The load reference needs letters or digits");
        }
    }
}
