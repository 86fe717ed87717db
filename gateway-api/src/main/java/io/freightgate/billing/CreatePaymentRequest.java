package io.freightgate.billing;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What a carrier bills a shipper: the amount, the load it is for (reference, optional load id, route, dates), when it
 * is due, the terms, and whether the card payment is only authorized until delivery ({@code captureOnDelivery}).
 */
public record CreatePaymentRequest(
        TenantId shipper,
        Money amount,
        String loadReference,
        Optional<UUID> loadId,
        String origin,
        String destination,
        LocalDate pickupDate,
        LocalDate deliveryDate,
        LocalDate dueDate,
        Optional<String> terms,
        Optional<String> description,
        boolean captureOnDelivery) {}
