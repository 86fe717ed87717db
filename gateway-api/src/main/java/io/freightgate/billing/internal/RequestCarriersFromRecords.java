package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.RequestCarriers;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Billing's side of the ledger's port: a request's carrier, read in the caller's transaction. */
@Component
class RequestCarriersFromRecords implements RequestCarriers {

    private final PaymentRequestRecords requests;

    RequestCarriersFromRecords(PaymentRequestRecords requests) {
        this.requests = requests;
    }

    @Override
    public Optional<UUID> carrierOf(PaymentRequestId paymentRequestId) {
        return requests.find(paymentRequestId).map(PaymentRequest::tenantId);
    }
}
