package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.AttemptOutcome;
import io.freightgate.billing.internal.domain.PaymentAttempt;
import io.freightgate.kernel.PaymentAttemptId;
import io.freightgate.kernel.PaymentRequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Payment attempts visible to the running transaction's tenant (carrier or shipper; all in the system scope). */
public interface PaymentAttemptRecords extends JpaRepository<PaymentAttempt, UUID> {

    /** The attempt, if visible (the typed id unwrapped here, where Spring Data wants the column's UUID). */
    default Optional<PaymentAttempt> find(PaymentAttemptId id) {
        return findById(id.value());
    }

    /** The request's attempts, first first. */
    default List<PaymentAttempt> ofRequest(PaymentRequestId paymentRequestId) {
        return findByPaymentRequestIdOrderByNumber(paymentRequestId.value());
    }

    Optional<PaymentAttempt> findByStripePaymentIntentId(String paymentIntentId);

    List<PaymentAttempt> findByPaymentRequestIdOrderByNumber(UUID paymentRequestId);

    /** Attempts begun before {@code before} whose PaymentIntent was never recorded as a Stripe call. */
    List<PaymentAttempt> findByOutcomeAndCallIdIsNullAndCreatedAtBefore(AttemptOutcome outcome, Instant before);

    /**
     * Claims the screening after the authorization for one caller (the synchronous answer, the webhook or the janitor,
     * whichever comes first): 1 when this caller claimed it, 0 when it was claimed before.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update PaymentAttempt a set a.authorizationVerdict ="
            + " io.freightgate.billing.internal.domain.PaymentAttempt.AuthorizationVerdict.SCREENING"
            + " where a.id = :id and a.authorizationVerdict is null")
    int claimAuthorizationScreening(UUID id);

    /** {@link #claimAuthorizationScreening(UUID)} by the attempt's typed id. */
    default int claimAuthorizationScreening(PaymentAttemptId id) {
        return claimAuthorizationScreening(id.value());
    }

    /** Attempts whose screening after the authorization was claimed before {@code before} and never recorded. */
    List<PaymentAttempt> findByAuthorizationVerdictAndUpdatedAtBefore(
            PaymentAttempt.AuthorizationVerdict authorizationVerdict, Instant before);

    /**
     * Card attempts whose request has been authorized since before {@code before} and whose screening after the
     * authorization was never claimed (the sighting was lost: the process stopped between the commit and the claim).
     */
    @Query("select a from PaymentAttempt a, PaymentRequest r where r.currentAttemptId = a.id"
            + " and r.status = io.freightgate.billing.internal.domain.PaymentRequestState.AUTHORIZED"
            + " and a.method = io.freightgate.billing.internal.domain.PaymentAttempt.Method.CARD"
            + " and a.authorizationVerdict is null and a.updatedAt < :before")
    List<PaymentAttempt> authorizedButNeverScreened(Instant before);
}
