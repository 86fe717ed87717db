package io.freightgate.billing.internal;

import io.freightgate.billing.PaymentAttemptView;
import io.freightgate.billing.PaymentRequestStatus;
import io.freightgate.billing.PaymentRequestView;
import io.freightgate.billing.RefundView;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.billing.internal.domain.PaymentRefund;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.domain.PaymentRequestState;
import io.freightgate.platform.notifications.Notification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** How billing shows a payment request, its attempts and its refunds ({@code OVERDUE} is derived, never stored). */
public final class PaymentRequestViews {

    private PaymentRequestViews() {}

    /** The request with its attempts (by number) and refunds (in the order made), as of {@code today} (UTC). */
    public static PaymentRequestView view(
            PaymentRequest request, List<PaymentAttempt> attempts, List<PaymentRefund> refunds, LocalDate today) {
        List<PaymentAttemptView> attemptViews =
                attempts.stream().map(PaymentRequestViews::attempt).toList();
        List<RefundView> refundViews =
                refunds.stream().map(PaymentRequestViews::refund).toList();
        return new PaymentRequestView(
                request.id(),
                request.carrier(),
                request.shipper(),
                status(request, today),
                request.amount(),
                request.amountPaid(),
                request.amountRefunded(),
                request.loadReference(),
                request.loadId(),
                request.origin(),
                request.destination(),
                request.pickupDate(),
                request.deliveryDate(),
                request.dueDate(),
                request.terms(),
                request.description(),
                request.captureOnDelivery(),
                request.paymentMethodType(),
                request.stripePaymentIntentId(),
                request.captureBefore(),
                request.paidAt(),
                request.reclaimableUntil(),
                request.rateConfirmationId().isPresent(),
                attemptViews,
                refundViews,
                request.createdAt(),
                request.updatedAt());
    }

    private static PaymentRequestStatus status(PaymentRequest request, LocalDate today) {
        if (request.status() == PaymentRequestState.OPEN && request.dueDate().isBefore(today)) {
            return PaymentRequestStatus.OVERDUE;
        }
        return PaymentRequestStatus.valueOf(request.status().name());
    }

    public static PaymentAttemptView attempt(PaymentAttempt attempt) {
        return new PaymentAttemptView(
                attempt.id(),
                attempt.paymentRequestId(),
                attempt.number(),
                attempt.method().name(),
                attempt.outcome().name(),
                attempt.stripeStatus(),
                attempt.stripePaymentIntentId(),
                attempt.nextActionUrl(),
                attempt.declineCode(),
                attempt.failureMessage(),
                attempt.createdAt());
    }

    public static RefundView refund(PaymentRefund refund) {
        return new RefundView(
                refund.id(),
                refund.paymentRequestId(),
                refund.amount(),
                refund.reason(),
                refund.outcome().name(),
                refund.stripeRefundId(),
                refund.stripeStatus(),
                refund.failureMessage(),
                refund.createdAt());
    }

    /** The mail of a request (issued, reminded) to {@code recipient}, linking to {@code payUrl}. */
    public static Notification mail(
            PaymentRequest request,
            String recipient,
            String recipientName,
            String carrierName,
            String subject,
            String intro,
            String payUrl) {
        return new Notification(
                recipient,
                subject,
                "payment-request",
                Map.of(
                        "recipient_name",
                        recipientName,
                        "intro",
                        intro,
                        "carrier_name",
                        carrierName,
                        "amount",
                        request.amount().toString(),
                        "load_reference",
                        request.loadReference(),
                        "route",
                        request.origin() + " - " + request.destination(),
                        "due_date",
                        request.dueDate().toString(),
                        "pay_url",
                        payUrl));
    }
}
