package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.loads.internal.DeliveryProofs;
import io.freightgate.loads.internal.EvidenceRecords;
import io.freightgate.loads.internal.LoadAccess;
import io.freightgate.loads.internal.LoadFiles;
import io.freightgate.loads.internal.LoadRecords;
import io.freightgate.loads.internal.LoadViews;
import io.freightgate.loads.internal.domain.Load;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Driver links: a carrier's dispatcher gives the driver a short-lived link that opens one load's proof-of-delivery
 * page on the phone, without a login. The token (32 random bytes) is shown once and stored only as its SHA-256; it is
 * the only credential, valid for that load until it expires. An unknown, malformed or expired token opens nothing.
 * What is uploaded through the page is recorded as any other proof of delivery (see {@link LoadEvidence}).
 */
@Service
public class DriverLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LoadRecords loads;
    private final LoadAccess access;
    private final EvidenceRecords evidence;
    private final LoadFiles files;
    private final DeliveryProofs proofs;
    private final SystemAccess systemAccess;
    private final Clock clock;
    private final Duration validity;

    DriverLinks(
            LoadRecords loads,
            LoadAccess access,
            EvidenceRecords evidence,
            LoadFiles files,
            DeliveryProofs proofs,
            SystemAccess systemAccess,
            Clock clock,
            @Value("${freightgate.loads.driver-link-validity:PT12H}") Duration validity) {
        this.loads = loads;
        this.access = access;
        this.evidence = evidence;
        this.files = files;
        this.proofs = proofs;
        this.systemAccess = systemAccess;
        this.clock = clock;
        this.validity = validity;
    }

    /** A driver link for the load's assigned driver; only its hash is stored. */
    public DriverLink create(LoadId id) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return systemAccess.transaction(Reach.OWN_TENANT, "driver link for load " + id, () -> {
            Load load = access.managed(id, LoadViewer.organization());
            Instant now = clock.instant();
            Instant expires = now.plus(validity);
            evidence.insertDriverLink(
                    sha256(token), load.id(), load.tenantId(), load.shipperId(), expires, Tenancy.currentActor(), now);
            return new DriverLink(load.id(), token, expires);
        });
    }

    /** The load a driver link opens, while it is valid. */
    public Optional<LoadView> open(String token) {
        return byLink(token, "open a driver link", LoadViews::load);
    }

    /** A proof of delivery uploaded from the page a driver link opens; empty when the link is unknown or expired. */
    public Optional<DeliveryConfirmationView> uploadProofOfDelivery(String token, UploadProofOfDelivery pod) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        LoadFiles.Checked checked = files.check(pod.content(), true);
        return byLink(
                token,
                "proof of delivery through a driver link",
                load -> proofs.record(
                        load,
                        pod,
                        checked,
                        "DRIVER_LINK",
                        "driver-link:" + load.driverUserId().orElse("unassigned")));
    }

    /**
     * A proof of delivery the carrier uploaded through a dispute's single-use upload link (the dispute engine checked
     * and used up the link; this only records the document), inspected like any other upload and recorded with
     * channel {@code DISPUTE_LINK}. Empty when the load does not exist.
     */
    public Optional<DeliveryConfirmationView> uploadRequestedProofOfDelivery(LoadId id, UploadProofOfDelivery pod) {
        LoadFiles.Checked checked = files.check(pod.content(), true);
        return systemAccess.callAs(
                "dispute-upload-link",
                Optional.empty(),
                "proof of delivery for load " + id + " through a dispute upload link",
                () -> systemAccess.transaction(
                        Reach.OWN_TENANT, "proof of delivery through a dispute upload link", () -> loads.findById(
                                        id.value())
                                .map(load ->
                                        proofs.record(load, pod, checked, "DISPUTE_LINK", "dispute-upload-link"))));
    }

    private <T> Optional<T> byLink(String token, String reason, Function<Load, T> work) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return systemAccess.callAs(
                "driver-link",
                Optional.empty(),
                reason,
                () -> systemAccess.transaction(
                        Reach.OWN_TENANT, reason, () -> evidence.loadOfLink(sha256(token), clock.instant())
                                .map(LoadId::value)
                                .flatMap(loads::findById)
                                .map(work)));
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
