package io.freightgate.disputes;

import io.freightgate.disputes.internal.DisputeTimeline;
import io.freightgate.disputes.internal.Disputes;
import io.freightgate.disputes.internal.UploadRequestRecord;
import io.freightgate.disputes.internal.UploadRequests;
import io.freightgate.disputes.internal.domain.DisputeCase;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import jakarta.persistence.criteria.Predicate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The dispute desk: where FreightGate keeps its dispute cases, one per Stripe dispute on a charge. A case is opened and
 * kept in step by Stripe's {@code charge.dispute.*} events alone (see {@link DisputeStatus} for its lifecycle); finance
 * staff own it, write notes on it and ask the carrier for documents, and everything that happens to it is a line of its
 * timeline ({@link DisputeEntry}). The desk reads cases in the caller's tenant (the carrier's), or every tenant's inside
 * the audited system scope ({@link Reach}); the caller decides who may do what (the API's authorization matrix).
 * Publishes {@link DisputeOpened}, {@link DisputeUpdated}, {@link DisputeFundsWithdrawn}, {@link
 * DisputeFundsReinstated} and {@link DisputeClosed}. Evidence and submission, and the carrier's liability, come with
 * the dispute engine's next parts.
 */
@Component
public class DisputeDesk {

    private static final Reach SYSTEM = Reach.acrossTenants("dispute desk");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Disputes disputes;
    private final DisputeTimeline timeline;
    private final UploadRequests uploads;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Duration uploadLinkValidity;

    DisputeDesk(
            Disputes disputes,
            DisputeTimeline timeline,
            UploadRequests uploads,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            Clock clock,
            @Value("${freightgate.disputes.upload-link-validity:P7D}") Duration uploadLinkValidity) {
        this.disputes = disputes;
        this.timeline = timeline;
        this.uploads = uploads;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.clock = clock;
        this.uploadLinkValidity = uploadLinkValidity;
    }

    /** The case, if the caller may see it. */
    public Optional<DisputeView> dispute(DisputeId id) {
        return transactions.execute(status -> disputes.findById(id.value()).map(DisputeCase::view));
    }

    /** The case, if {@code reach} sees it. */
    public Optional<DisputeView> dispute(DisputeId id, Reach reach) {
        return systemAccess.transaction(reach, "read dispute case " + id.value(), () -> disputes.findById(id.value())
                .map(DisputeCase::view));
    }

    /** The case of Stripe's dispute {@code dp_...}, if the caller may see it. */
    public Optional<DisputeView> byStripeDispute(String stripeDisputeId) {
        return transactions.execute(
                status -> disputes.findByStripeDisputeId(stripeDisputeId).map(DisputeCase::view));
    }

    /** The cases on a payment request's charges, oldest first. */
    public List<DisputeView> ofPaymentRequest(PaymentRequestId paymentRequestId) {
        return transactions.execute(
                status -> disputes.findByPaymentRequestIdOrderByOpenedAt(paymentRequestId.value()).stream()
                        .map(DisputeCase::view)
                        .toList());
    }

    /** A page of the cases {@code reach} sees that match {@code filter}, nearest deadline first. */
    public List<DisputeView> list(DisputeFilter filter, Reach reach, int page, int size) {
        Specification<DisputeCase> matching = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            filter.status().ifPresent(s -> all.add(cb.equal(root.get("status"), s)));
            filter.reason().ifPresent(r -> all.add(cb.equal(root.get("reason"), r.stripe())));
            filter.carrier().ifPresent(c -> all.add(cb.equal(root.get("tenantId"), c.value())));
            filter.owner().ifPresent(o -> all.add(cb.equal(root.get("ownerId"), o)));
            filter.deadlineBefore().ifPresent(d -> all.add(cb.lessThan(root.get("evidenceDueBy"), d)));
            return cb.and(all.toArray(Predicate[]::new));
        };
        Sort order =
                Sort.by(Sort.Order.asc("evidenceDueBy").nullsLast(), Sort.Order.desc("openedAt"), Sort.Order.asc("id"));
        return systemAccess.transaction(
                reach,
                "list dispute cases",
                () ->
                        disputes
                                .findAll(matching, PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, 200), order))
                                .stream()
                                .map(DisputeCase::view)
                                .toList());
    }

    /**
     * Gives the case to {@code agent} (a platform finance user; the caller checks who that is), as {@code actor}; a line
     * of the timeline says so. Empty when there is no such case.
     */
    public Optional<DisputeView> assign(DisputeId id, UUID agent, String actor) {
        return systemAccess.transaction(SYSTEM, "assign dispute case " + id.value(), () -> disputes.findById(id.value())
                .map(dispute -> {
                    if (dispute.assign(agent, clock.instant())) {
                        timeline.record(dispute, DisputeEntryKind.ASSIGNED, actor, "Assigned to user " + agent);
                    }
                    return dispute.view();
                }));
    }

    /** Adds a finance agent's internal note to the case's timeline. Empty when there is no such case. */
    public Optional<DisputeEntry> note(DisputeId id, String text, String actor) {
        if (text.isBlank() || text.length() > 4000) {
            throw new IllegalArgumentException("A note has 1 to 4000 characters");
        }
        return systemAccess.transaction(
                SYSTEM, "note on dispute case " + id.value(), () -> disputes.findById(id.value())
                        .map(dispute -> timeline.record(dispute, DisputeEntryKind.NOTE, actor, text)));
    }

    /**
     * Records on the case's timeline something another module did about it (a mail recorded for sending, a request to
     * the carrier, an upload received), in the running transaction when there is one. Empty when there is no such case.
     */
    public Optional<DisputeEntry> record(DisputeId id, DisputeEntryKind kind, String actor, String text) {
        return systemAccess.transaction(
                SYSTEM, "record on dispute case " + id.value(), () -> disputes.findById(id.value())
                        .map(dispute -> timeline.record(dispute, kind, actor, text)));
    }

    /** The case's timeline, oldest first; {@code withInternal} adds the staff's notes, assignments and mails. */
    public List<DisputeEntry> timeline(DisputeId id, Reach reach, boolean withInternal) {
        return systemAccess.transaction(
                reach, "read the timeline of dispute case " + id.value(), () -> timeline.of(id, withInternal));
    }

    /** The newest lines of the notification feed that {@code reach} sees, newest first. */
    public List<DisputeEntry> feed(Reach reach, boolean withInternal, int limit) {
        return systemAccess.transaction(
                reach, "read the dispute notification feed", () -> timeline.feed(withInternal, limit));
    }

    /**
     * Asks the carrier to upload {@code what} (a signed POD...) for the case's load through a single-use link that needs
     * no login, valid for {@code freightgate.disputes.upload-link-validity} (7 days by default). Empty when there is no
     * such case; {@link IllegalStateException} for an orphan case, one whose payment billed no load FreightGate keeps,
     * or a closed one.
     */
    public Optional<UploadLink> requestUpload(DisputeId id, String what, String actor) {
        if (what.isBlank() || what.length() > 500) {
            throw new IllegalArgumentException("What is asked for has 1 to 500 characters");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return systemAccess.transaction(
                SYSTEM,
                "ask the carrier of dispute case " + id.value() + " for a document",
                () -> disputes.findById(id.value()).map(dispute -> {
                    DisputeView view = dispute.view();
                    if (view.carrier().isEmpty() || view.loadId().isEmpty()) {
                        throw new IllegalStateException("Dispute case " + id.value()
                                + " has no load FreightGate keeps: there is nothing to upload a document to");
                    }
                    if (!view.open()) {
                        throw new IllegalStateException("Dispute case " + id.value() + " is closed");
                    }
                    Instant now = clock.instant();
                    UploadRequestRecord request = uploads.save(new UploadRequestRecord(
                            id.value(),
                            view.carrier().get().value(),
                            view.loadId().get(),
                            sha256(token),
                            what,
                            actor,
                            now,
                            now.plus(uploadLinkValidity)));
                    timeline.record(
                            dispute,
                            DisputeEntryKind.UPLOAD_REQUESTED,
                            actor,
                            "The carrier was asked to upload: " + what + " (link valid until " + request.expiresAt()
                                    + ")");
                    return new UploadLink(request.id(), id, token, request.expiresAt());
                }));
    }

    /** What an upload link asks for, while it is unused, unexpired and its case open; empty for any other token. */
    public Optional<UploadRequest> openUpload(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return systemAccess.callAs(
                "dispute-upload-link",
                Optional.empty(),
                "open a dispute upload link",
                () -> transactions.execute(status -> uploads.findByTokenSha256(sha256(token))
                        .filter(request -> request.usable(clock.instant()))
                        .flatMap(this::request)));
    }

    /**
     * Uses up an upload link (it opens nothing afterwards) and returns what it asked for; empty when it was already
     * used, has expired, never existed or its case has closed. Two uploads at once: one claims it.
     */
    public Optional<UploadRequest> claimUpload(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return systemAccess.callAs(
                "dispute-upload-link",
                Optional.empty(),
                "use a dispute upload link",
                () -> transactions.execute(
                        status -> uploads.findByTokenSha256(sha256(token)).flatMap(request -> request(request)
                                .filter(open -> uploads.claim(request.id(), clock.instant()) == 1))));
    }

    /** Gives a claimed link back when its upload was refused (a bad file), so the carrier can try again. */
    public void giveBackUpload(UUID requestId) {
        systemAccess.callAs(
                "dispute-upload-link",
                Optional.empty(),
                "give back dispute upload link " + requestId,
                () -> transactions.execute(status -> uploads.giveBack(requestId, clock.instant())));
    }

    /** Records on the case's timeline (and feed) that the carrier uploaded {@code what} through its link. */
    public void uploadReceived(UploadRequest request, String detail) {
        record(
                request.disputeId(),
                DisputeEntryKind.UPLOAD_RECEIVED,
                "dispute-upload-link",
                "The carrier uploaded " + request.what() + ": " + detail);
    }

    /** What the link asks for, while its case is open: a closed case takes no more evidence. */
    private Optional<UploadRequest> request(UploadRequestRecord request) {
        return disputes.findById(request.disputeId())
                .filter(dispute -> dispute.view().open())
                .map(dispute -> new UploadRequest(
                        request.id(),
                        dispute.id(),
                        request.loadId(),
                        dispute.view().loadReference().orElse(""),
                        request.what(),
                        request.expiresAt()));
    }

    private static boolean wellFormed(String token) {
        return token.matches("[A-Za-z0-9_-]{43}");
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
