package io.freightgate.billing;

import io.freightgate.billing.internal.PaymentAttemptRecords;
import io.freightgate.billing.internal.PaymentRequestRecords;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.kernel.PaymentRequestId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reads of payment requests for the modules that follow the money (transfers, payouts). Every method runs in the
 * caller's transaction and scope (no audited system path of its own): the caller has already entered it.
 */
@Service
public class BilledRequests {

    private final PaymentRequestRecords requests;
    private final PaymentAttemptRecords attempts;

    BilledRequests(PaymentRequestRecords requests, PaymentAttemptRecords attempts) {
        this.requests = requests;
        this.attempts = attempts;
    }

    /** The request, when it exists (and the caller's scope sees it). */
    public Optional<BilledRequest> find(PaymentRequestId paymentRequestId) {
        return requests.find(paymentRequestId).map(this::billed);
    }

    /** The ids of the requests that bill a load. */
    public List<PaymentRequestId> ofLoad(UUID loadId) {
        return requests.findByLoadId(loadId).stream().map(PaymentRequest::id).toList();
    }

    private BilledRequest billed(PaymentRequest request) {
        return new BilledRequest(
                request.id(),
                request.tenantId(),
                request.loadReference(),
                request.loadId(),
                request.amount(),
                request.amountPaid(),
                request.amountRefunded(),
                PaymentRequestStatus.valueOf(request.status().name()),
                request.stripeChargeId(),
                request.currentAttemptId()
                        .flatMap(attempts::find)
                        .map(a -> a.screeningVerdict().clears())
                        .orElse(false));
    }
}
