package io.freightgate.ledger;

import io.freightgate.kernel.PaymentRequestId;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the carrier a payment request bills for (the organization whose accounts a chargeback's journals touch).
 * Implemented by billing, which owns payment requests; the ledger never names them. Called inside the ledger's
 * transaction, through the audited system path.
 */
public interface RequestCarriers {

    /** The carrier of the request; empty when there is no such request. */
    Optional<UUID> carrierOf(PaymentRequestId paymentRequestId);
}
