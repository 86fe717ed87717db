package io.freightgate.kyc.internal.cases;

import io.freightgate.kyc.VerificationDocumentExpiring;
import io.freightgate.kyc.VerificationRevoked;
import io.freightgate.kyc.internal.domain.kyb.CaseDocument;
import io.freightgate.kyc.internal.domain.kyb.KybCase;
import io.freightgate.kyc.internal.domain.kyb.Outcome;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Watches the insurance and licence of verified organizations, once a day on one instance: a document that expired
 * sends the case to REVERIFICATION and publishes {@link VerificationRevoked}; one that expires within {@code warnBefore}
 * publishes {@link VerificationDocumentExpiring} once. Runs in the audited system scope. Days are UTC days.
 */
public class ExpiryMonitor {

    private static final Logger log = LoggerFactory.getLogger(ExpiryMonitor.class);
    private static final String ACTOR = "job:kyc-expiry-monitor";

    private final KybCases cases;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Period warnBefore;

    public ExpiryMonitor(
            KybCases cases,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events,
            Clock clock,
            Period warnBefore) {
        this.cases = cases;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.warnBefore = warnBefore;
    }

    /** What one sweep did. */
    public record Sweep(int revoked, int warned) {}

    @Scheduled(cron = "${freightgate.kyc.expiry.cron:0 15 2 * * *}", zone = "UTC")
    @SchedulerLock(name = "kyc-expiry-monitor", lockAtMostFor = "PT30M")
    public void scheduled() {
        Sweep sweep = sweep();
        log.info("KYB expiry monitor: {} verifications revoked, {} expiry warnings", sweep.revoked(), sweep.warned());
    }

    public Sweep sweep() {
        return systemAccess.callAs(
                ACTOR,
                Optional.empty(),
                "KYB expiry monitoring of insurance and licences",
                () -> transactions.execute(status -> sweepVisible()));
    }

    private Sweep sweepVisible() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int revoked = 0;
        int warned = 0;
        for (KybCase kybCase : cases.findVerifiedWithDocumentsExpiringBy(today.plus(warnBefore))) {
            if (!kybCase.expiredMonitoredDocuments(today).isEmpty()) {
                if (kybCase.revokeForExpiry(today, ACTOR, now) instanceof Outcome.Applied) {
                    events.publishEvent(new VerificationRevoked(
                            kybCase.organization(),
                            VerificationRevoked.Reason.DOCUMENT_EXPIRED,
                            kybCase.stateReason().orElse("document expired"),
                            now));
                    revoked++;
                }
                continue;
            }
            for (CaseDocument document : kybCase.takeDocumentsToWarn(today, warnBefore, now)) {
                events.publishEvent(new VerificationDocumentExpiring(
                        kybCase.organization(),
                        document.kind(),
                        document.expiresOn().orElseThrow()));
                warned++;
            }
        }
        return new Sweep(revoked, warned);
    }
}
