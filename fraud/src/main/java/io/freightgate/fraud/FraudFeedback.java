package io.freightgate.fraud;

import io.freightgate.fraud.internal.FeedbackRecords;
import io.freightgate.fraud.internal.FeedbackRecords.PaymentValues;
import io.freightgate.fraud.internal.FeedbackRecords.Source;
import io.freightgate.fraud.internal.ListEntries;
import io.freightgate.fraud.internal.ListEntries.Kind;
import io.freightgate.fraud.internal.ListEntries.ListName;
import io.freightgate.fraud.internal.domain.devices.DeviceFingerprint;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Feedback from what happened to screened payments later (docs/fraud.md): a dispute or an early fraud warning puts the
 * payment's card fingerprint, IP and device, as its stored decisions name them, on the watch list, and makes
 * {@code :card_has_disputes:} or {@code :card_has_early_fraud_warnings:} true for the card's next payments. Applied once
 * per dispute or warning id; a second call changes nothing. A device is watched only when it is a device id of the
 * collector script ({@code dev_...}; {@code freightgate.fraud.feedback.watch-devices=false} turns that off), never any
 * other value (a user agent names a browser build shared by many payers, so watching it would review them all). An IP
 * that cannot be a payer's own (loopback, private, link-local) is never watched, for the same reason.
 */
@Service
public class FraudFeedback {

    private static final Logger log = LoggerFactory.getLogger(FraudFeedback.class);
    private static final Reach FEEDBACK = Reach.acrossTenants("fraud feedback from disputes and early fraud warnings");
    static final String ACTOR = "system:fraud-feedback";

    private final FeedbackRecords feedback;
    private final ListEntries lists;
    private final SystemAccess systemAccess;
    private final Clock clock;
    private final boolean watchDevices;

    FraudFeedback(
            FeedbackRecords feedback,
            ListEntries lists,
            SystemAccess systemAccess,
            Clock clock,
            @Value("${freightgate.fraud.feedback.watch-devices:true}") boolean watchDevices) {
        this.feedback = feedback;
        this.lists = lists;
        this.systemAccess = systemAccess;
        this.clock = clock;
        this.watchDevices = watchDevices;
    }

    /**
     * What one piece of feedback did.
     *
     * @param firstTime false when this dispute or warning was applied before (nothing changed)
     * @param watched the kinds put on the watch list now ({@code CARD}, {@code DEVICE}, {@code IP}); a value on it
     *     already stays as it was
     */
    public record Applied(boolean firstTime, List<String> watched) {

        public Applied {
            watched = List.copyOf(watched);
        }
    }

    /** A dispute was opened on the payment's charge ({@code du_...}). */
    public Applied disputeOpened(PaymentRequestId paymentRequestId, String stripeDisputeId) {
        return apply(Source.DISPUTE, stripeDisputeId, paymentRequestId, "dispute");
    }

    /** The issuer sent an early fraud warning for the payment's charge ({@code issfr_...}). */
    public Applied earlyFraudWarning(PaymentRequestId paymentRequestId, String warningId) {
        return apply(Source.EARLY_FRAUD_WARNING, warningId, paymentRequestId, "early fraud warning");
    }

    private Applied apply(Source source, String sourceId, PaymentRequestId request, String described) {
        Instant now = clock.instant();
        UUID requestId = request.value();
        Applied applied = systemAccess.transaction(
                FEEDBACK,
                described + " " + sourceId + " on payment request " + requestId + " to the watch list",
                () -> {
                    PaymentValues values = feedback.valuesOf(requestId);
                    if (!feedback.record(source, sourceId, requestId, values, now)) {
                        return new Applied(false, List.of());
                    }
                    String reason = described + " " + sourceId + " on payment request " + requestId;
                    List<String> watched = new ArrayList<>();
                    watch(Kind.CARD, values.card(), reason, now, watched);
                    if (watchDevices) {
                        // only a device id of the collector script: never a user agent (a browser build, not a payer)
                        watch(Kind.DEVICE, values.device().filter(DeviceFingerprint::isDeviceId), reason, now, watched);
                    }
                    watch(Kind.IP, values.ipAddress().filter(FraudFeedback::identifiesAPayer), reason, now, watched);
                    return new Applied(true, watched);
                });
        if (applied.firstTime()) {
            log.info(
                    "Fraud feedback: {} {} on payment request {} watches {}",
                    described,
                    sourceId,
                    requestId,
                    applied.watched());
        }
        return applied;
    }

    /**
     * Whether an IP address can be a payer's own: a loopback, private, link-local, unique-local, multicast or
     * unspecified address is the gateway's own network or a proxy's, shared by every payer behind it, and is never
     * watched. A value that is not an address literal is not watched either.
     */
    static boolean identifiesAPayer(String ip) {
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(ip.strip());
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        boolean uniqueLocal = address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        return !(address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocal);
    }

    private void watch(Kind kind, Optional<String> value, String reason, Instant now, List<String> watched) {
        value.map(v -> kind.canonical(v))
                .filter(v -> !v.isBlank() && v.length() <= 200)
                .ifPresent(v -> {
                    if (lists.add(new ListEntries.Entry(
                            UUID.randomUUID(), ListName.WATCH, kind, v, reason, ACTOR, now, Optional.empty()))) {
                        watched.add(kind.name());
                    }
                });
    }
}
