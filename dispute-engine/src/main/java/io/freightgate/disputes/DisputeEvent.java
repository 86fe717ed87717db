package io.freightgate.disputes;

import io.freightgate.kernel.PaymentRequestId;

/** The events the dispute engine publishes, each once per dispute case. */
public sealed interface DisputeEvent
        permits DisputeOpened, DisputeUpdated, DisputeFundsWithdrawn, DisputeFundsReinstated, DisputeClosed {

    DisputeId disputeId();

    String stripeDisputeId();

    PaymentRequestId paymentRequestId();
}
