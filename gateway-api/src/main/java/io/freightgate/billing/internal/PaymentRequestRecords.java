package io.freightgate.billing.internal;

import io.freightgate.billing.PaymentRequestNotFound;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.domain.PaymentRequestState;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.platform.tenancy.Ownership;
import io.freightgate.platform.tenancy.Reach;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Payment requests visible to the running transaction's tenant: those it issued (carrier) and those addressed to it
 * (shipper); all of them in the system scope.
 */
public interface PaymentRequestRecords extends JpaRepository<PaymentRequest, UUID> {

    /** The request, if visible (the typed id unwrapped here, where Spring Data wants the column's UUID). */
    default Optional<PaymentRequest> find(PaymentRequestId id) {
        return findById(id.value());
    }

    Optional<PaymentRequest> findByPayTokenHash(String payTokenHash);

    Optional<PaymentRequest> findByStripePaymentIntentId(String paymentIntentId);

    List<PaymentRequest> findByLoadId(UUID loadId);

    /**
     * A request its carrier (or, across tenants, platform staff) acts on; {@link PaymentRequestNotFound} for anyone
     * else, shippers included.
     */
    default PaymentRequest carriersOwn(PaymentRequestId id, Reach reach) {
        return Ownership.require(find(id), reach, PaymentRequest::carrier, () -> new PaymentRequestNotFound(id));
    }

    /** A request its shipper pays; {@link PaymentRequestNotFound} for anyone else, its carrier included. */
    default PaymentRequest shippersOwn(PaymentRequestId id) {
        return Ownership.require(
                find(id), Reach.OWN_TENANT, PaymentRequest::shipper, () -> new PaymentRequestNotFound(id));
    }

    @Query("select r from PaymentRequest r order by r.createdAt desc")
    List<PaymentRequest> newestFirst(Pageable page);

    @Query("select r from PaymentRequest r where r.status = :status and r.dueDate <= :date order by r.dueDate")
    List<PaymentRequest> dueBy(PaymentRequestState status, LocalDate date, Pageable page);

    @Query(
            "select r from PaymentRequest r where r.status = io.freightgate.billing.internal.domain.PaymentRequestState.AUTHORIZED"
                    + " and r.captureBefore <= :before and exists (select a from PaymentAttempt a where a.id = r.currentAttemptId"
                    + " and a.authorizationVerdict in (io.freightgate.billing.internal.domain.PaymentAttempt.AuthorizationVerdict.ALLOW,"
                    + " io.freightgate.billing.internal.domain.PaymentAttempt.AuthorizationVerdict.APPROVED))"
                    + " order by r.captureBefore")
    List<PaymentRequest> authorizationsExpiringBefore(Instant before, Pageable page);
}
