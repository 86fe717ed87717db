package io.freightgate.kyc.internal.cases;

import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.VatStatus;
import io.freightgate.kyc.VatStatusChanged;
import io.freightgate.kyc.VerificationRevoked;
import io.freightgate.kyc.ViesCheck;
import io.freightgate.kyc.ViesOperatorAlerted;
import io.freightgate.kyc.internal.domain.kyb.KybCase;
import io.freightgate.kyc.internal.domain.kyb.VatNumber;
import io.freightgate.kyc.internal.domain.kyb.VatRecheckPolicy;
import io.freightgate.kyc.internal.vies.ViesFault;
import io.freightgate.kyc.internal.vies.ViesGateway;
import io.freightgate.kyc.internal.vies.ViesResult;
import io.freightgate.kyc.internal.vies.ViesValidCache;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Live VAT checks: VIES is called outside any transaction (through the guarded {@link ViesGateway}), then the answer is
 * stored as a consultation and, for a case, recorded on it with the next check date from the {@link VatRecheckPolicy},
 * in a transaction of its own. VALID answers are cached; faults that need a person are logged and published as {@link
 * ViesOperatorAlerted}; a changed status is published as {@link VatStatusChanged}.
 */
public class VatVerification {

    private static final Logger log = LoggerFactory.getLogger(VatVerification.class);

    private final ViesGateway vies;
    private final ViesValidCache cache;
    private final VatConsultations consultations;
    private final KybCases cases;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final VatRecheckPolicy policy;
    private final Clock clock;

    public VatVerification(
            ViesGateway vies,
            ViesValidCache cache,
            VatConsultations consultations,
            KybCases cases,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            VatRecheckPolicy policy,
            Clock clock) {
        this.vies = vies;
        this.cache = cache;
        this.consultations = consultations;
        this.cases = cases;
        this.transactions = transactions;
        this.events = events;
        this.policy = policy;
        this.clock = clock;
    }

    /** Asks VIES (or the cache) about an offline-valid number for {@code tenant}, keeping the consultation. */
    public ViesCheck check(TenantId tenant, VatNumber number, boolean useCache) {
        if (useCache) {
            Optional<ViesValidCache.Entry> cached = cache.find(number.memberState(), number.number());
            if (cached.isPresent()) {
                return fromCache(tenant, cached.get());
            }
        }
        ViesResult result = vies.check(number.memberState(), number.number());
        return transactions.execute(status -> record(tenant, number, result));
    }

    /**
     * Checks the VAT number of the organization's case and records the outcome on the case. Empty when the case is not
     * visible or has no VAT number.
     */
    public Optional<ViesCheck> checkCase(TenantId organization, boolean useCache) {
        Optional<VatNumber> number = transactions.execute(
                status -> cases.findByTenantId(organization.value()).flatMap(KybCase::vatNumber));
        if (number == null || number.isEmpty()) {
            return Optional.empty();
        }
        ViesCheck check = check(organization, number.get(), useCache);
        transactions.executeWithoutResult(status ->
                cases.findByTenantId(organization.value()).ifPresent(kybCase -> recordOnCase(kybCase, check)));
        return Optional.of(check);
    }

    /** Organizations whose VAT number is due for a check (UNKNOWN retries and VALID re-validations). */
    public List<TenantId> dueForCheck(int limit) {
        Instant now = clock.instant();
        return transactions.execute(status -> cases.findTenantsDueForVatCheck(now, Limit.of(limit)).stream()
                .map(TenantId::new)
                .toList());
    }

    private void recordOnCase(KybCase kybCase, ViesCheck check) {
        Instant now = clock.instant();
        VatStatus status;
        Optional<UUID> consultation;
        boolean alert = false;
        switch (check) {
            case ViesCheck.Valid valid -> {
                status = VatStatus.VALID;
                consultation = Optional.of(valid.consultation());
            }
            case ViesCheck.Invalid invalid -> {
                status = VatStatus.INVALID;
                consultation = Optional.of(invalid.consultation());
            }
            case ViesCheck.Unknown unknown -> {
                status = VatStatus.UNKNOWN;
                consultation = Optional.empty();
                alert = unknown.operatorAlerted();
            }
            case ViesCheck.NotChecked notChecked -> {
                status = VatStatus.UNKNOWN;
                consultation = Optional.empty();
                alert = true;
            }
        }
        int attempts = status == VatStatus.UNKNOWN ? kybCase.vatAttempts() + 1 : 0;
        Optional<Instant> next = policy.nextCheck(status, attempts, alert, now);
        KybCase.VatTransition transition =
                kybCase.recordVat(status, consultation, alert, next, Tenancy.currentActor(), now);
        String number = kybCase.vatNumber().map(VatNumber::normalized).orElseThrow();
        if (transition.changed()) {
            events.publishEvent(
                    new VatStatusChanged(kybCase.organization(), number, transition.previous(), transition.current()));
        }
        if (transition.verificationRevoked()) {
            events.publishEvent(new VerificationRevoked(
                    kybCase.organization(),
                    VerificationRevoked.Reason.VAT_INVALID,
                    "VIES answers valid=false for " + number,
                    now));
        }
    }

    private ViesCheck fromCache(TenantId tenant, ViesValidCache.Entry entry) {
        UUID id = transactions.execute(status -> consultations.store(new VatConsultations.Consultation(
                tenant,
                entry.countryCode(),
                entry.vatNumber(),
                "VALID",
                null,
                "served from the cache of consultation " + entry.consultation(),
                entry.requestDate().orElse(null),
                entry.name().orElse(null),
                entry.address().orElse(null),
                entry.consultationNumber().orElse(null),
                null,
                vies.requester(),
                true,
                clock.instant())));
        return new ViesCheck.Valid(
                entry.countryCode(),
                entry.vatNumber(),
                entry.name(),
                entry.address(),
                entry.requestDate(),
                entry.consultationNumber(),
                entry.checkedAt(),
                true,
                id);
    }

    private ViesCheck record(TenantId tenant, VatNumber number, ViesResult result) {
        String requester = vies.requester();
        return switch (result) {
            case ViesResult.Valid valid -> {
                UUID id = consultations.store(new VatConsultations.Consultation(
                        tenant,
                        valid.countryCode(),
                        valid.vatNumber(),
                        "VALID",
                        null,
                        null,
                        valid.requestDate(),
                        valid.name(),
                        valid.address(),
                        valid.consultationNumber(),
                        valid.rawResponse(),
                        requester,
                        false,
                        valid.checkedAt()));
                cache.put(new ViesValidCache.Entry(
                        number.memberState(),
                        number.number(),
                        Optional.ofNullable(valid.requestDate()),
                        Optional.ofNullable(valid.name()),
                        Optional.ofNullable(valid.address()),
                        Optional.ofNullable(valid.consultationNumber()),
                        valid.checkedAt(),
                        id));
                yield new ViesCheck.Valid(
                        number.memberState(),
                        number.number(),
                        Optional.ofNullable(valid.name()),
                        Optional.ofNullable(valid.address()),
                        Optional.ofNullable(valid.requestDate()),
                        Optional.ofNullable(valid.consultationNumber()),
                        valid.checkedAt(),
                        false,
                        id);
            }
            case ViesResult.Invalid invalid -> {
                UUID id = consultations.store(new VatConsultations.Consultation(
                        tenant,
                        invalid.countryCode(),
                        invalid.vatNumber(),
                        "INVALID",
                        null,
                        null,
                        invalid.requestDate(),
                        null,
                        null,
                        invalid.consultationNumber(),
                        invalid.rawResponse(),
                        requester,
                        false,
                        invalid.checkedAt()));
                cache.evict(number.memberState(), number.number());
                yield new ViesCheck.Invalid(
                        number.memberState(),
                        number.number(),
                        Optional.ofNullable(invalid.requestDate()),
                        Optional.ofNullable(invalid.consultationNumber()),
                        invalid.checkedAt(),
                        id);
            }
            case ViesResult.Unknown unknown -> {
                if (unknown.fault() != ViesFault.CIRCUIT_OPEN && unknown.fault() != ViesFault.THROTTLED) {
                    consultations.store(failure(
                            tenant,
                            number,
                            "UNKNOWN",
                            unknown.fault(),
                            unknown.detail(),
                            requester,
                            unknown.checkedAt()));
                }
                if (unknown.alertOperator()) {
                    log.warn(
                            "VIES needs an operator: {} for {} (tenant {}): {}",
                            unknown.fault(),
                            number.memberState(),
                            tenant,
                            unknown.detail());
                    events.publishEvent(new ViesOperatorAlerted(
                            tenant, number.memberState(), unknown.fault().name(), String.valueOf(unknown.detail())));
                }
                yield new ViesCheck.Unknown(
                        number.memberState(),
                        number.number(),
                        unknown.fault().name(),
                        unknown.retryable(),
                        unknown.alertOperator());
            }
            case ViesResult.BadRequest bad -> {
                consultations.store(
                        failure(tenant, number, "BAD_REQUEST", bad.fault(), bad.detail(), requester, bad.checkedAt()));
                yield new ViesCheck.NotChecked(number.normalized(), "VIES refused the input: " + bad.detail());
            }
        };
    }

    private static VatConsultations.Consultation failure(
            TenantId tenant,
            VatNumber number,
            String outcome,
            ViesFault fault,
            @Nullable String detail,
            String requester,
            Instant at) {
        return new VatConsultations.Consultation(
                tenant,
                number.memberState(),
                number.number(),
                outcome,
                fault.name(),
                detail,
                null,
                null,
                null,
                null,
                null,
                requester,
                false,
                at);
    }
}
