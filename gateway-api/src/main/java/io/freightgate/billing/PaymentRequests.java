package io.freightgate.billing;

import io.freightgate.billing.internal.PaymentAttemptRecords;
import io.freightgate.billing.internal.PaymentRefundRecords;
import io.freightgate.billing.internal.PaymentRequestRecords;
import io.freightgate.billing.internal.PaymentRequestRules;
import io.freightgate.billing.internal.PaymentRequestViews;
import io.freightgate.billing.internal.PaymentTokens;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.billing.internal.domain.PaymentRefund;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.domain.PaymentRequestState;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.documents.ContentType;
import io.freightgate.platform.documents.DocumentRefused;
import io.freightgate.platform.documents.DocumentStore;
import io.freightgate.platform.notifications.Notification;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.persistence.OnConflict;
import io.freightgate.platform.tenancy.Ownership;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Payment requests: a carrier bills a shipper for a load; the shipper is mailed a link to the hosted payment page and
 * reminded around the due date. A request is visible to the carrier that issued it and the shipper it is addressed to
 * (enforced by PostgreSQL too); platform staff reach every request through the audited system path. Paying, capturing
 * and refunding are in {@link Payments}.
 */
@Service
public class PaymentRequests {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("PaymentRequests on its own authority");

    /** Longest accepted free text (terms, description); longer input is refused, never cut. */
    public static final int MAX_TEXT = 2000;

    private final PaymentRequestRecords requests;
    private final PaymentAttemptRecords attempts;
    private final PaymentRefundRecords refunds;
    private final OrganizationDirectory directory;
    private final DocumentStore documents;
    private final PaymentParticipation participation;
    private final LoadDeliveries loads;
    private final Notifications notifications;
    private final SystemAccess systemAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String payPageUrl;
    private final EnvelopeEncryption encryption;
    private final Duration payLinkValidity;

    PaymentRequests(
            PaymentRequestRecords requests,
            PaymentAttemptRecords attempts,
            PaymentRefundRecords refunds,
            OrganizationDirectory directory,
            DocumentStore documents,
            PaymentParticipation participation,
            LoadDeliveries loads,
            Notifications notifications,
            SystemAccess systemAccess,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${freightgate.payments.pay-page-url}") String payPageUrl,
            EnvelopeEncryption encryption,
            @Value("${freightgate.payments.pay-link-validity:P30D}") Duration payLinkValidity) {
        this.requests = requests;
        this.attempts = attempts;
        this.refunds = refunds;
        this.directory = directory;
        this.documents = documents;
        this.participation = participation;
        this.loads = loads;
        this.notifications = notifications;
        this.systemAccess = systemAccess;
        this.events = events;
        this.clock = clock;
        this.payPageUrl = payPageUrl.endsWith("/") ? payPageUrl : payPageUrl + "/";
        this.encryption = encryption;
        if (payLinkValidity.isNegative() || payLinkValidity.isZero()) {
            throw new IllegalArgumentException("freightgate.payments.pay-link-validity must be positive");
        }
        this.payLinkValidity = payLinkValidity;
    }

    /** A new request and the link to its hosted payment page (shown once; the shipper is mailed the same link). */
    public record Created(PaymentRequestView request, String paymentPageUrl) {}

    /**
     * Bills the shipper. Fails with {@link IllegalArgumentException} for an unknown shipper (or an organization that
     * is not a shipper), an unsupported currency, an amount out of range or inconsistent dates, and with
     * {@link OrganizationNotVerified} when the carrier or the shipper is not verified; nothing is stored then.
     */
    public Created create(TenantId carrier, CreatePaymentRequest command) {
        Ownership.requireOwn(carrier, () -> new IllegalArgumentException("A carrier bills only in its own name"));
        PaymentRequestRules.validate(command, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), MAX_TEXT);
        OrganizationView shipper = directory
                .find(command.shipper(), ACROSS_TENANTS)
                .filter(organization -> organization.type() == OrganizationType.SHIPPER)
                .orElseThrow(() -> new IllegalArgumentException("Unknown shipper " + command.shipper()));
        participation.refusal(carrier).ifPresent(refusal -> {
            throw new OrganizationNotVerified(refusal);
        });
        participation.refusal(command.shipper()).ifPresent(refusal -> {
            throw new OrganizationNotVerified(refusal);
        });
        command.loadId().ifPresent(load -> {
            // A load's delivery releases the transfers of the requests that name it: only the carrier's own load, for
            // this shipper, may be named.
            if (!loads.isLoadOf(load, carrier, command.shipper())) {
                throw new IllegalArgumentException("Unknown load " + load + " for this carrier and shipper");
            }
        });
        OrganizationView issuer = directory.find(carrier, Reach.OWN_TENANT).orElseThrow();
        PaymentRequestId id = PaymentRequestId.random();
        String token = PaymentTokens.newToken();
        String actor = Tenancy.currentActor();
        PaymentRequest request = systemAccess.transaction(Reach.OWN_TENANT, "create payment request", () -> {
            var saved = requests.save(PaymentRequest.open(
                    id,
                    carrier.value(),
                    new PaymentRequest.Details(
                            command.shipper().value(),
                            command.loadReference(),
                            command.loadId(),
                            command.origin(),
                            command.destination(),
                            command.pickupDate(),
                            command.deliveryDate(),
                            command.dueDate(),
                            command.terms(),
                            command.description(),
                            command.amount().minor(),
                            command.amount().currency().getCurrencyCode(),
                            command.captureOnDelivery()),
                    PaymentTokens.hash(token),
                    actor,
                    clock.instant()));
            issue(saved, token);
            shipper.contactEmail().ifPresent(email -> {
                notifications.enqueue(mail(
                        saved,
                        email,
                        shipper.legalName(),
                        issuer.legalName(),
                        "New payment request " + saved.loadReference() + " from " + oneLine(issuer.legalName()),
                        issuer.legalName() + " has sent you a payment request.",
                        token));
                saved.notified(clock.instant());
            });
            events.publishEvent(new PaymentRequestCreated(id, carrier, command.shipper(), command.amount()));
            return saved;
        });
        return new Created(view(request), payPageUrl + token);
    }

    /** The request, if the caller's organization issued it or is its shipper (any, across tenants). */
    public Optional<PaymentRequestView> find(PaymentRequestId id, Reach reach) {
        return systemAccess.transaction(
                reach, "read payment request " + id, () -> requests.find(id).map(this::view));
    }

    /** The request a PaymentIntent paid, in any tenant (through the audited system path). */
    public Optional<PaymentRequestView> findByPaymentIntent(String paymentIntentId) {
        return systemAccess.transaction(
                ACROSS_TENANTS,
                "find the payment request of PaymentIntent " + paymentIntentId,
                () -> requests.findByStripePaymentIntentId(paymentIntentId).map(this::view));
    }

    /**
     * The shipper's bank disputes the charge: the request is {@code DISPUTED} (refunds are refused until it is decided).
     * Idempotent; a request that was never paid is left as it is.
     */
    public void markDisputed(PaymentRequestId id) {
        OnConflict.retry(() -> systemAccess.transaction(
                ACROSS_TENANTS, "mark payment request " + id + " disputed", () -> requests.find(id)
                        .map(request -> request.disputed(clock.instant()))));
    }

    /** The dispute was won: a {@code DISPUTED} request is paid (or refunded, as before) again. Idempotent. */
    public void markDisputeWon(PaymentRequestId id) {
        OnConflict.retry(() -> systemAccess.transaction(
                ACROSS_TENANTS, "mark the dispute on payment request " + id + " won", () -> requests.find(id)
                        .map(request -> request.disputeWon(clock.instant()))));
    }

    /** The newest requests the caller's organization issued or must pay (all organizations' across tenants). */
    public List<PaymentRequestView> list(Reach reach, int limit) {
        return systemAccess.transaction(
                reach,
                "list payment requests",
                () -> requests.newestFirst(PageRequest.of(0, Math.clamp(limit, 1, 200))).stream()
                        .map(this::view)
                        .toList());
    }

    /** The carrier withdraws an open request. */
    public PaymentRequestView cancel(PaymentRequestId id, Reach reach) {
        return systemAccess.transaction(reach, "cancel payment request " + id, () -> {
            PaymentRequest request = requests.carriersOwn(id, reach);
            if (request.status() == PaymentRequestState.AUTHORIZED) {
                throw new IllegalStateException(
                        "The payment is authorized; capture it, or cancel the authorization first");
            }
            request.cancel(clock.instant());
            return view(request);
        });
    }

    /** Attaches the rate confirmation (PDF) through the document store. */
    public PaymentRequestView attachRateConfirmation(
            PaymentRequestId id, String fileName, byte[] content, Reach reach) {
        return systemAccess.transaction(reach, "attach rate confirmation to " + id, () -> {
            PaymentRequest request = requests.carriersOwn(id, reach);
            var stored = documents.store(new DocumentStore.NewDocument(
                    request.carrier(),
                    request.id().value(),
                    "rate-confirmation",
                    fileName,
                    content,
                    Set.of(ContentType.PDF)));
            return switch (stored) {
                case DocumentStore.Accepted accepted -> {
                    request.attachRateConfirmation(accepted.id().value(), clock.instant());
                    yield view(request);
                }
                case DocumentStore.Rejected rejected ->
                    throw new DocumentRefused(rejected.reason(), "Rate confirmation refused: " + rejected.detail());
            };
        });
    }

    /** The attached rate confirmation, for the carrier, the shipper or platform staff. */
    public Optional<DocumentStore.Document> rateConfirmation(PaymentRequestId id, Reach reach) {
        Optional<UUID> document = systemAccess.transaction(reach, "read payment request " + id, () -> requests.find(id)
                .orElseThrow(() -> new PaymentRequestNotFound(id))
                .rateConfirmationId());
        return document.flatMap(documentId -> systemAccess.transaction(
                ACROSS_TENANTS,
                "read the rate confirmation of payment request " + id + " for one of its parties",
                () -> documents.load(new DocumentStore.DocumentId(documentId))));
    }

    /**
     * What a payment-page token opens (audited: the token is the only credential of the page): the request while the
     * link is valid (the page offers payment only while the request is payable), {@link PaymentLinkAccess.Ended} once
     * the request was cancelled or the link expired, {@link PaymentLinkAccess.Unknown} for any other token (a revoked
     * link, an old keyed-hash link, a malformed one).
     */
    public PaymentLinkAccess openPaymentLink(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return new PaymentLinkAccess.Unknown();
        }
        return systemAccess.callAs(
                "payment-page",
                Optional.empty(),
                "open the hosted payment page",
                () -> systemAccess.transaction(
                        Reach.OWN_TENANT, "read by token", () -> requests.findByPayTokenHash(PaymentTokens.hash(token))
                                .<PaymentLinkAccess>map(request -> request.paymentLinkEnded(clock.instant())
                                        .<PaymentLinkAccess>map(PaymentLinkAccess.Ended::new)
                                        .orElseGet(() -> new PaymentLinkAccess.Valid(view(request))))
                                .orElseGet(PaymentLinkAccess.Unknown::new)));
    }

    /** A payment-page link, shown once to whoever issued it (the shipper is mailed the same link). */
    public record PaymentLink(PaymentRequestId paymentRequestId, String paymentPageUrl, Instant expiresAt) {}

    /**
     * A new payment-page link for an open request (the carrier's, or any across tenants): the old link stops working
     * at once and the reminder mails carry the new one. Fails with {@link PaymentRequestNotFound} for another carrier's
     * request and with {@link IllegalStateException} unless the request can still be paid.
     */
    public PaymentLink reissuePaymentLink(PaymentRequestId id, Reach reach) {
        String token = PaymentTokens.newToken();
        return systemAccess.transaction(reach, "re-issue the payment link of " + id, () -> {
            PaymentRequest request = requests.carriersOwn(id, reach);
            Instant expires = issue(request, token);
            return new PaymentLink(request.id(), payPageUrl + token, expires);
        });
    }

    /**
     * The hosted payment page of a request the caller's organization must pay, while it can still be paid: the link
     * that was mailed (its token is kept encrypted with the carrier's key, hence the audited system path), or a new one
     * when that expired. Empty for another organization's request and for one that cannot be paid.
     */
    public Optional<String> paymentPageForShipper(PaymentRequestId id) {
        Optional<TenantId> shipper = Tenancy.currentTenant();
        if (shipper.isEmpty()) {
            return Optional.empty();
        }
        return systemAccess.transaction(
                ACROSS_TENANTS, "open the payment page of " + id + " for its shipper", () -> requests.find(id)
                        .filter(request ->
                                request.shipperId().equals(shipper.get().value()))
                        .filter(request -> request.status().payable())
                        .map(request -> payPageUrl + currentPaymentToken(request)));
    }

    /** The carrier's and shipper's names, for pages and mails. */
    public String organizationName(TenantId organization) {
        return directory
                .find(organization, ACROSS_TENANTS)
                .map(OrganizationView::legalName)
                .orElse("");
    }

    Notification mail(
            PaymentRequest request,
            String recipient,
            String recipientName,
            String carrierName,
            String subject,
            String intro,
            String token) {
        return PaymentRequestViews.mail(
                request, recipient, recipientName, carrierName, subject, intro, payPageUrl + token);
    }

    PaymentRequestView view(PaymentRequest request) {
        return PaymentRequestViews.view(
                request,
                attempts.ofRequest(request.id()),
                refunds.ofRequest(request.id()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    static PaymentAttemptView view(PaymentAttempt attempt) {
        return PaymentRequestViews.attempt(attempt);
    }

    static RefundView view(PaymentRefund refund) {
        return PaymentRequestViews.refund(refund);
    }

    /** Makes {@code token} the request's link (its hash to find it, its ciphertext for the reminders); when it expires. */
    private Instant issue(PaymentRequest request, String token) {
        Instant now = clock.instant();
        Instant expires = now.plus(payLinkValidity);
        TenantId carrier = request.carrier();
        request.issuePaymentLink(
                PaymentTokens.hash(token), encryption.encryptText(carrier, carrier.value(), token), expires, now);
        return expires;
    }

    /**
     * The token of the request's current link for a mail, issuing a new one when it expired or cannot be read (a link
     * from before tokens were random, a destroyed key). Call it inside the caller's transaction.
     */
    String currentPaymentToken(PaymentRequest request) {
        return request.currentPaymentToken(clock.instant())
                .flatMap(ciphertext -> encryption.decryptText(request.tenantId(), ciphertext))
                .filter(token -> PaymentTokens.hash(token).equals(request.payTokenHash()))
                .orElseGet(() -> {
                    String token = PaymentTokens.newToken();
                    issue(request, token);
                    return token;
                });
    }

    static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}]", " ");
    }
}
