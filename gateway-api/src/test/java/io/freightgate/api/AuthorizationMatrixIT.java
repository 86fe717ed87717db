package io.freightgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.security.Role;
import io.freightgate.support.Api;
import io.freightgate.support.GatewayIT;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api} endpoint × every role × the caller's own organization / a foreign one, plus no token at all. The
 * table below is the authorization model: a cell is {@code own/foreign} (the HTTP status a caller with that single
 * role gets when the path names its own organization's object, or another organization's). Platform staff's own
 * organization is the platform; "foreign" is always another carrier. A new endpoint without a row fails
 * {@link #everyApiEndpointHasARow()}.
 */
class AuthorizationMatrixIT extends GatewayIT {

    /** Endpoints that exist only in the test classpath. */
    static final Set<String> EXEMPT_PREFIXES = Set.of("/api/v1/test-support/");

    static final List<Role> COLUMNS = List.of(Role.values());

    static final String MATRIX = """
            endpoint                                                    | none | PLATFORM_ADMIN | FINANCE_AGENT | FINANCE_SUPERVISOR | RISK_ANALYST | COMPLIANCE_OFFICER | CARRIER_ADMIN | CARRIER_FINANCE | CARRIER_DISPATCHER | CARRIER_DRIVER | SHIPPER_ADMIN | SHIPPER_PAYER
            POST /api/v1/organizations                                  | 401  | 201/201        | 403/403       | 403/403            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/organizations                                   | 401  | 200/200        | 200/200       | 200/200            | 200/200      | 200/200            | 200/200       | 200/200         | 200/200            | 200/200        | 200/200       | 200/200
            GET /api/v1/organizations/{id}                              | 401  | 200/200        | 200/200       | 200/200            | 200/200      | 200/200            | 200/404       | 200/404         | 200/404            | 200/404        | 200/404       | 200/404
            PUT /api/v1/organizations/{id}/mfa-requirement              | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            GET /api/v1/organizations/{id}/mfa-requirement              | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/api-clients                                    | 401  | 201/201        | 403/403       | 403/403            | 403/403      | 403/403            | 201/404       | 403/403         | 403/403            | 403/403        | 201/404       | 403/403
            GET /api/v1/api-clients                                     | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 200/200       | 403/403         | 403/403            | 403/403        | 200/200       | 403/403
            GET /api/v1/api-clients/{id}                                | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/api-clients/{id}/secret-rotations              | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/api-clients/{id}/disable                       | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/organizations/{organizationId}/users           | 401  | 201/201        | 403/403       | 403/403            | 403/403      | 403/403            | 201/404       | 403/403         | 403/403            | 403/403        | 201/404       | 403/403
            GET /api/v1/organizations/{organizationId}/users            | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            GET /api/v1/organizations/{organizationId}/users/{userId}   | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            PUT /api/v1/organizations/{organizationId}/users/{userId}/roles | 401 | 200/200     | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/organizations/{organizationId}/users/{userId}/disable | 401 | 200/200  | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/organizations/{organizationId}/users/{userId}/unlock | 401 | 200/200   | 403/403       | 403/403            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/invitations/{token}/acceptance                 | 200  | 200/200        | 200/200       | 200/200            | 200/200      | 200/200            | 200/200       | 200/200         | 200/200            | 200/200        | 200/200       | 200/200
            POST /api/v1/password-resets                                | 202  | 202/202        | 202/202       | 202/202            | 202/202      | 202/202            | 202/202       | 202/202         | 202/202            | 202/202        | 202/202       | 202/202
            POST /api/v1/password-resets/{token}/completion             | 404  | 404/404        | 404/404       | 404/404            | 404/404      | 404/404            | 404/404       | 404/404         | 404/404            | 404/404        | 404/404       | 404/404
            POST /api/v1/kyc/vat-validations                            | 401  | 200/200        | 200/200       | 200/200            | 200/200      | 200/200            | 200/200       | 200/200         | 200/200            | 200/200        | 200/200       | 200/200
            POST /api/v1/kyc/cases                                      | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 201/409       | 403/403         | 403/403            | 403/403        | 201/409       | 403/403
            GET /api/v1/kyc/cases                                       | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 200/200            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            # KYB cases and their documents (issue 16): real cases and documents; the organization's admins and compliance only
            GET /api/v1/kyc/cases/{organizationId}                      | 401  | 404/200        | 403/403       | 403/403            | 403/403      | 404/200            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/kyc/cases/{organizationId}/references          | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/kyc/cases/{organizationId}/submission          | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 422/404       | 403/403         | 403/403            | 403/403        | 422/404       | 403/403
            POST /api/v1/kyc/cases/{organizationId}/vat-checks          | 401  | 404/404        | 404/404       | 404/404            | 404/404      | 404/404            | 200/404       | 404/404         | 404/404            | 404/404        | 200/404       | 404/404
            POST /api/v1/kyc/cases/{organizationId}/references/{referenceId}/checks | 401 | 404/404 | 403/403  | 403/403            | 403/403      | 404/404            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/kyc/cases/{organizationId}/decisions           | 401  | 404/404        | 403/403       | 403/403            | 403/403      | 404/404            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/kyc/cases/{organizationId}/sanctions-hit-dismissals | 401 | 404/404   | 403/403       | 403/403            | 403/403      | 404/404            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/kyc/cases/{organizationId}/documents/{documentId}/content | 401 | 404/200 | 403/403   | 403/403            | 403/403      | 404/200            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/kyc/cases/{organizationId}/documents           | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/kyc/sanctions-lists                            | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 200/200            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/admin/inbox-events                              | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/admin/inbox-events/{id}                         | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/admin/inbox-events/{id}/retry                  | 401  | 200/200        | 403/403       | 403/403            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/carriers/{id}/payout-account                   | 401  | 404/201        | 404/409       | 404/409            | 403/403      | 403/403            | 201/404       | 409/404         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/carriers/{id}/payout-account                    | 401  | 404/200        | 404/200       | 404/200            | 403/403      | 403/403            | 200/404       | 200/404         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/carriers/{id}/onboarding-links                 | 401  | 404/201        | 404/201       | 404/201            | 403/403      | 403/403            | 201/404       | 201/404         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/carriers/{id}/payout-holds                      | 401  | 404/200        | 404/200       | 404/200            | 404/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            DELETE /api/v1/carriers/{id}/payout-holds/{reference}       | 401  | 403/403        | 403/403       | 403/403            | 404/404      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/carriers/{id}/payouts                           | 401  | 404/200        | 404/200       | 404/200            | 403/403      | 403/403            | 200/404       | 200/404         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/carriers/{id}/payouts                          | 401  | 404/409        | 404/409       | 404/409            | 403/403      | 403/403            | 409/404       | 409/404         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/carriers/{id}/payouts/{payoutId}                | 401  | 404/404        | 404/404       | 404/404            | 403/403      | 403/403            | 404/404       | 404/404         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/carriers/{id}/payouts/{payoutId}/remittance     | 401  | 404/404        | 404/404       | 404/404            | 403/403      | 403/403            | 404/404       | 404/404         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/carriers/{id}/payouts/{payoutId}/remittance.pdf | 401  | 404/404        | 404/404       | 404/404            | 403/403      | 403/403            | 404/404       | 404/404         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/payment-requests                               | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 201/201       | 201/201         | 201/201            | 403/403        | 403/403       | 403/403
            GET /api/v1/payment-requests                                | 401  | 200/200        | 200/200       | 200/200            | 200/200      | 200/200            | 200/200       | 200/200         | 200/200            | 403/403        | 200/200       | 200/200
            GET /api/v1/payment-requests/{id}                           | 401  | 200/200        | 200/200       | 200/200            | 200/200      | 200/200            | 200/404       | 200/404         | 200/404            | 403/403        | 200/404       | 200/404
            POST /api/v1/payment-requests/{id}/cancel                   | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 200/404         | 200/404            | 403/403        | 403/403       | 403/403
            POST /api/v1/payment-requests/{id}/payments                 | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 201/404       | 201/404
            POST /api/v1/payment-requests/{id}/capture                  | 401  | 409/409        | 409/409       | 409/409            | 403/403      | 403/403            | 409/404       | 409/404         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/payment-requests/{id}/refunds                  | 401  | 409/409        | 409/409       | 409/409            | 403/403      | 403/403            | 409/404       | 409/404         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/payment-requests/{id}/payment-links            | 401  | 201/201        | 201/201       | 201/201            | 403/403      | 403/403            | 201/404       | 201/404         | 201/404            | 403/403        | 403/403       | 403/403
            PUT /api/v1/payment-requests/{id}/rate-confirmation         | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 200/404         | 200/404            | 403/403        | 403/403       | 403/403
            GET /api/v1/payment-requests/{id}/rate-confirmation         | 401  | 404/404        | 404/404       | 404/404            | 404/404      | 404/404            | 404/404       | 404/404         | 404/404            | 403/403        | 404/404       | 404/404
            POST /api/v1/loads                                          | 401  | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 201/201 | 403/403 | 201/201 | 403/403 | 403/403 | 403/403
            GET /api/v1/loads                                           | 401  | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/200
            GET /api/v1/loads/{id}                                      | 401  | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 200/404
            PUT /api/v1/loads/{id}/driver                               | 401  | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 200/404 | 403/403 | 200/404 | 403/403 | 403/403 | 403/403
            POST /api/v1/loads/{id}/delivery-confirmations              | 401  | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 201/404 | 403/403 | 201/404 | 404/404 | 403/403 | 403/403
            GET /api/v1/loads/{id}/delivery-confirmations               | 401  | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 200/404
            GET /api/v1/loads/{id}/delivery-confirmations/{confirmationId}/file | 401  | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 200/404
            POST /api/v1/loads/{id}/shipper-confirmation                | 401  | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 200/404 | 200/404
            POST /api/v1/loads/{id}/driver-links                        | 401  | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 201/404 | 403/403 | 201/404 | 403/403 | 403/403 | 403/403
            POST /api/v1/loads/{id}/telematics-events                   | 401  | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 200/404 | 403/403 | 200/404 | 404/404 | 403/403 | 403/403
            POST /api/v1/loads/{id}/messages                            | 401  | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 201/404 | 201/404 | 201/404 | 404/404 | 201/404 | 201/404
            GET /api/v1/loads/{id}/communication-log                    | 401  | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 200/404
            GET /api/v1/loads/{id}/communication-log/verification       | 401  | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 200/404
            GET /api/v1/loads/{id}/communication-log/transcript         | 401  | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 200/404
            POST /api/v1/loads/{id}/documents                           | 401  | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 201/404 | 201/404 | 201/404 | 403/403 | 403/403 | 403/403
            GET /api/v1/loads/{id}/documents                            | 401  | 200/200 | 200/200 | 200/200 | 200/200 | 200/200 | 200/404 | 200/404 | 200/404 | 404/404 | 200/404 | 200/404
            POST /api/v1/loads/document-suggestions                     | 401  | 403/403 | 403/403 | 403/403 | 403/403 | 403/403 | 200/200 | 200/200 | 200/200 | 403/403 | 403/403 | 403/403
            # Transfers (issue 8): on an open request; holds and releases are platform finance's, reading is also the carrier's
            GET /api/v1/payment-requests/{id}/transfer                  | 401  | 200/200        | 200/200       | 200/200            | 200/200      | 403/403            | 200/404       | 200/404         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/payment-requests/{id}/transfer/holds           | 401  | 201/201        | 201/201       | 201/201            | 201/201      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/payment-requests/{id}/transfer/release         | 401  | 409/409        | 403/403       | 409/409            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/payment-requests/{id}/transfer/delivery-release | 401 | 200/200        | 403/403       | 200/200            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/payment-requests/{id}/transfer/reversal        | 401  | 409/409        | 403/403       | 409/409            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/payment-requests/{id}/transfer/restoration    | 401  | 409/409        | 403/403       | 409/409            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            # Ledger reconciliation (issue 8): platform finance reads the runs; the supervisor and admins run a day (a future day here: 422)
            GET /api/v1/reconciliations                                 | 401  | 200/200        | 200/200       | 200/200            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/reconciliations/{id}                            | 401  | 404/404        | 404/404       | 404/404            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/reconciliations                                | 401  | 422/422        | 403/403       | 422/422            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            # Integrator webhooks (io.freightgate.integrations): carrier and shipper admins manage their own endpoints only
            POST /api/v1/webhook-endpoints                              | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 201/201       | 403/403         | 403/403            | 403/403        | 201/201       | 403/403
            GET /api/v1/webhook-endpoints                               | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/200       | 403/403         | 403/403            | 403/403        | 200/200       | 403/403
            GET /api/v1/webhook-endpoints/{id}                          | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            PUT /api/v1/webhook-endpoints/{id}/event-types              | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/webhook-endpoints/{id}/disable                 | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/webhook-endpoints/{id}/enable                  | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            DELETE /api/v1/webhook-endpoints/{id}                       | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 204/404       | 403/403         | 403/403            | 403/403        | 204/404       | 403/403
            POST /api/v1/webhook-endpoints/{id}/secret-rotations        | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            GET /api/v1/webhook-endpoints/{id}/deliveries               | 401  | 403/403        | 403/403       | 403/403            | 403/403      | 403/403            | 200/404       | 403/403         | 403/403            | 403/403        | 200/404       | 403/403
            POST /api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redelivery | 401 | 403/403 | 403/403   | 403/403            | 403/403      | 403/403            | 404/404       | 403/403         | 403/403            | 403/403        | 404/404       | 403/403
            # Fee statements and ledger export (issue 8): a carrier's statements like its payouts; the ledger is platform finance's
            GET /api/v1/carriers/{id}/fee-statements/{month}            | 401  | 404/200        | 404/200       | 404/200            | 403/403      | 403/403            | 200/404       | 200/404         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/carriers/{id}/fee-statements/{month}.pdf        | 401  | 404/200        | 404/200       | 404/200            | 403/403      | 403/403            | 200/404       | 200/404         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/ledger/entries                                  | 401  | 200/200        | 200/200       | 200/200            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/ledger/entries.csv                              | 401  | 200/200        | 200/200       | 200/200            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/ledger/balances                                 | 401  | 200/200        | 200/200       | 200/200            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            # Fraud rules (issue 20): risk analysts write and switch the platform's rules; platform admins read them. A fresh draft each call: approving or disabling a draft is a conflict
            GET /api/v1/fraud/rules                                     | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/rules/{id}                                | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/attributes                                | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/rules                                    | 401  | 403/403        | 403/403       | 403/403            | 201/201      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/rules/dry-runs                           | 401  | 403/403        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            PATCH /api/v1/fraud/rules/{id}                              | 401  | 403/403        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/rules/{id}/enable                        | 401  | 403/403        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/rules/{id}/approve                       | 401  | 403/403        | 403/403       | 403/403            | 409/409      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/early-fraud-warnings                      | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/list-entries                              | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/list-entries                             | 401  | 403/403        | 403/403       | 403/403            | 201/201      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            DELETE /api/v1/fraud/list-entries/{id}                      | 401  | 403/403        | 403/403       | 403/403            | 204/204      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            # Rate-limit block list (issue 21): analysts and platform admins read it, analysts lift blocks (the path names no block: 404)
            GET /api/v1/fraud/blocks                                    | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/blocks/{id}                               | 401  | 404/404        | 403/403       | 403/403            | 404/404      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/blocks/{id}/lift                         | 401  | 403/403        | 403/403       | 403/403            | 404/404      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/rules/{id}/disable                       | 401  | 403/403        | 403/403       | 403/403            | 409/409      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            # Fraud rule operations (issue 20): analysts snooze rules (on a fresh draft, or a fresh snooze of one); analysts and platform admins read snoozes and hit rates; compliance officers also read decisions
            POST /api/v1/fraud/rules/{id}/snoozes                       | 401  | 403/403        | 403/403       | 403/403            | 201/201      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/rules/{id}/snoozes                        | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/rules/{id}/snoozes/{snoozeId}/end        | 401  | 403/403        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/rules/hit-rates                           | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/rules/{id}/hit-rates                      | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/decisions                                 | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 200/200            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/decisions/{id}                            | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 200/200            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            # Dispute cases (issue 22): finance staff work every case, a carrier's admins and finance users read their own, shippers nothing; the path names no case (404); an owner that is no finance agent is refused (422)
            GET /api/v1/disputes                                        | 401  | 403/403        | 200/200       | 200/200            | 403/403      | 403/403            | 200/200       | 200/200         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/disputes/feed                                   | 401  | 403/403        | 200/200       | 200/200            | 403/403      | 403/403            | 200/200       | 200/200         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/disputes/{id}                                   | 401  | 403/403        | 404/404       | 404/404            | 403/403      | 403/403            | 404/404       | 404/404         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/disputes/{id}/timeline                          | 401  | 403/403        | 404/404       | 404/404            | 403/403      | 403/403            | 404/404       | 404/404         | 403/403            | 403/403        | 403/403       | 403/403
            PUT /api/v1/disputes/{id}/owner                             | 401  | 403/403        | 422/422       | 422/422            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/disputes/{id}/notes                            | 401  | 403/403        | 404/404       | 404/404            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/disputes/{id}/upload-requests                  | 401  | 403/403        | 404/404       | 404/404            | 403/403      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            # Fraud reviews (issue 20): risk analysts work the queue, platform admins read it; the path names no review (404)
            GET /api/v1/fraud/reviews                                   | 401  | 200/200        | 403/403       | 403/403            | 200/200      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            GET /api/v1/fraud/reviews/{id}                              | 401  | 404/404        | 403/403       | 403/403            | 404/404      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/reviews/{id}/claim                       | 401  | 403/403        | 403/403       | 403/403            | 404/404      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/reviews/{id}/approve                     | 401  | 403/403        | 403/403       | 403/403            | 404/404      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            POST /api/v1/fraud/reviews/{id}/reject                      | 401  | 403/403        | 403/403       | 403/403            | 404/404      | 403/403            | 403/403       | 403/403         | 403/403            | 403/403        | 403/403       | 403/403
            """;

    record Row(String method, String pattern, int noToken, Map<Role, int[]> cells) {
        String endpoint() {
            return method + " " + pattern;
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TenantId carrier;
    TenantId shipper;
    TenantId foreignCarrier;
    TenantId paymentCarrier;
    TenantId paymentShipper;
    TenantId foreignPaymentCarrier;
    TenantId foreignShipper;

    @Autowired
    io.freightgate.webhooks.internal.WebhookSecrets webhookSecrets;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    io.freightgate.fraud.FraudRules fraudRules;

    /** A draft fraud rule (rules belong to no organization): what a risk analyst could change, any other role not. */
    private String draftFraudRule() {
        var change = fraudRules.propose(
                new io.freightgate.fraud.ProposeRule("matrix-" + UUID.randomUUID(), "review if :disputed:", "matrix"));
        assertThat(change).isInstanceOf(io.freightgate.fraud.RuleChange.Done.class);
        return ((io.freightgate.fraud.RuleChange.Done) change).rule().id().toString();
    }

    @Autowired
    io.freightgate.fraud.RiskLists riskLists;

    /** A watched device (list entries belong to no organization). */
    private String watchedDevice() {
        var added = riskLists.add(new io.freightgate.fraud.RiskLists.AddEntry(
                "WATCH", "DEVICE", "matrix-" + UUID.randomUUID(), "matrix", java.util.Optional.empty(), "matrix"));
        assertThat(added).isInstanceOf(io.freightgate.fraud.RiskLists.Added.Done.class);
        return ((io.freightgate.fraud.RiskLists.Added.Done) added).entry().id().toString();
    }

    @Autowired
    io.freightgate.fraud.RuleSnoozes ruleSnoozes;

    /** A fresh snooze of the rule for a device: what a risk analyst could end, any other role not. */
    private String snoozedDevice(String rule) {
        var snoozed = ruleSnoozes.snooze(new io.freightgate.fraud.RuleSnoozes.Snooze(
                UUID.fromString(rule),
                "DEVICE",
                "matrix-" + UUID.randomUUID(),
                "matrix",
                clock.instant().plus(java.time.Duration.ofDays(1)),
                "matrix"));
        assertThat(snoozed).isInstanceOf(io.freightgate.fraud.RuleSnoozes.Outcome.Done.class);
        return ((io.freightgate.fraud.RuleSnoozes.Outcome.Done) snoozed)
                .snooze()
                .id()
                .toString();
    }

    @Autowired
    io.freightgate.fraud.FraudScreening fraudScreening;

    /** A stored screening decision (decisions belong to no organization). */
    private String fraudDecision() {
        return fraudScreening
                .screenBeforeConfirmation(new io.freightgate.fraud.PaymentSignals(
                        UUID.randomUUID(),
                        java.util.Optional.empty(),
                        new TenantId(UUID.randomUUID()),
                        new TenantId(UUID.randomUUID()),
                        io.freightgate.kernel.Money.of(10_00, "EUR"),
                        "sepa_debit",
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty()))
                .decisionId()
                .toString();
    }

    /** A signed event of a type nobody handles, stored by the real intake and then parked, as a failing one would be. */
    private long parkedInboxEvent() {
        String eventId = "evt_matrix" + UUID.randomUUID().toString().replace("-", "");
        String event = """
                {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,\
                "data":{"object":{"id":"cus_matrix","object":"customer"}},"livemode":false,"pending_webhooks":1,\
                "request":{"id":null,"idempotency_key":null},"type":"customer.created"}""".formatted(eventId, clock.instant().getEpochSecond());
        byte[] body = event.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var delivered = api.call("POST", "/webhooks/stripe", event, "application/json")
                .header(
                        "Stripe-Signature",
                        io.freightgate.webhooks.internal.StripeSignature.header(
                                webhookSecrets
                                        .of(io.freightgate.platform.stripe.events.WebhookEndpoint.PLATFORM)
                                        .getFirst(),
                                clock.instant().getEpochSecond(),
                                body))
                .send();
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !jdbc.queryForList(
                                "SELECT id FROM webhook_inbox WHERE event_id = ? AND status <> 'RECEIVED'",
                                Long.class,
                                eventId)
                        .isEmpty());
        jdbc.update("UPDATE webhook_inbox SET status = 'PARKED' WHERE event_id = ?", eventId);
        return jdbc.queryForObject("SELECT id FROM webhook_inbox WHERE event_id = ?", Long.class, eventId);
    }

    @BeforeEach
    void organizations() {
        carrier = register("CARRIER");
        shipper = register("SHIPPER");
        foreignCarrier = register("CARRIER");
    }

    @Test
    void everyApiEndpointHasARow() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .filter(pattern -> EXEMPT_PREFIXES.stream().noneMatch(pattern::startsWith))
                .forEach(pattern -> info.getMethodsCondition()
                        .getMethods()
                        .forEach(method -> endpoints.add(method.name() + " " + pattern))));
        Set<String> rows = rows().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

        assertThat(endpoints).as("API endpoints").isNotEmpty();
        assertThat(rows).as("rows of the authorization matrix").containsAll(endpoints);
        assertThat(endpoints).as("rows for endpoints that no longer exist").containsAll(rows);
    }

    @Test
    void everyRoleGetsWhatTheMatrixSays() {
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows()) {
            int anonymous =
                    send(row, paymentRow(row) ? paymentCarrier : carrier, null).status();
            if (anonymous != row.noToken()) {
                mismatches.add(row.endpoint() + " without token: " + anonymous + ", expected " + row.noToken());
            }
            for (Role role : COLUMNS) {
                TenantId own = ownOrganization(row, role);
                int[] expected = row.cells().get(role);
                String token = callers.of(own, role);
                int ownStatus = send(row, own, token).status();
                int foreignStatus = send(row, foreignFor(row), token).status();
                if (ownStatus != expected[0] || foreignStatus != expected[1]) {
                    mismatches.add("%s as %s: %d/%d, expected %d/%d"
                            .formatted(row.endpoint(), role, ownStatus, foreignStatus, expected[0], expected[1]));
                }
            }
        }
        assertThat(mismatches).as("cells that differ from the matrix").isEmpty();
    }

    private Api.Response multipart(
            String path, String token, String field, String value, String fileField, String fileName, byte[] bytes) {
        String boundary = "fg" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Call call = api.call("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary)
                .idempotencyKey(UUID.randomUUID().toString());
        return token == null ? call.send() : call.token(token).send();
    }

    private Api.Response send(Row row, TenantId target, String token) {
        if (row.pattern().startsWith("/api/v1/loads")) {
            return loadsRequest(row, target, token);
        }
        String path = row.pattern();
        if (path.contains("{userId}")) {
            path = path.replace("{userId}", invite(target).get("id"));
        }
        if (path.startsWith("/api/v1/password-resets/{token}")) {
            // The mailed token is the credential: without a valid one, every caller gets the same 404.
            path = path.replace("{token}", "fgr_unknown-" + UUID.randomUUID());
        }
        if (path.contains("{token}")) {
            path = path.replace("{token}", invite(target).get("invitation_token"));
        }
        if (path.startsWith("/api/v1/admin/inbox-events/{id}")) {
            // A real parked event (inbox events belong to no organization): a leak to any other role would show.
            path = path.replace("{id}", Long.toString(parkedInboxEvent()));
        }
        if (path.startsWith("/api/v1/payment-requests/{id}")) {
            path = path.replace("{id}", paymentRequest(target));
        }
        if (row.endpoint().equals("PUT /api/v1/payment-requests/{id}/rate-confirmation")) {
            Api.Call call = api.call("PUT", path, KycApiIT.PDF, "application/pdf")
                    .idempotencyKey(UUID.randomUUID().toString());
            return token == null ? call.send() : call.token(token).send();
        }
        if (path.startsWith("/api/v1/webhook-endpoints/{id}")) {
            path = path.replace("{id}", webhookEndpoint(target, row.method().equals("DELETE")))
                    .replace("{deliveryId}", UUID.randomUUID().toString());
        }
        if (path.startsWith("/api/v1/api-clients/{id}")) {
            path = path.replace("{id}", createClient(target));
        }
        if (path.contains("{snoozeId}")) {
            String rule = draftFraudRule();
            path = path.replace("{id}", rule).replace("{snoozeId}", snoozedDevice(rule));
        }
        if (path.startsWith("/api/v1/fraud/rules/{id}")) {
            path = path.replace("{id}", draftFraudRule());
        }
        if (path.startsWith("/api/v1/fraud/decisions/{id}")) {
            path = path.replace("{id}", fraudDecision());
        }
        if (path.startsWith("/api/v1/fraud/list-entries/{id}")) {
            path = path.replace("{id}", watchedDevice());
        }
        if (kycReadRow(row)) {
            path = path.replace("{documentId}", kycDocument(target));
        }
        path = path.replace("{id}", target.toString())
                .replace("{organizationId}", target.toString())
                .replace("{documentId}", UUID.randomUUID().toString())
                .replace("{payoutId}", UUID.randomUUID().toString())
                .replace("{referenceId}", UUID.randomUUID().toString())
                .replace("{reference}", "matrix-no-such-hold")
                .replace(
                        "{month}",
                        java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString());
        if (row.endpoint().equals("POST /api/v1/fraud/rules/{id}/approve")) {
            path = path + "?version=1";
        }
        if (row.endpoint().equals("POST /api/v1/kyc/cases/{organizationId}/documents")) {
            return multipart(path, token, "kind", "REPRESENTATIVE_ID", "file", "id.pdf", KycApiIT.PDF);
        }
        if (row.endpoint().equals("POST /api/v1/kyc/sanctions-lists")) {
            return multipart(
                    path,
                    token,
                    "source",
                    "matrix",
                    "file",
                    "list.csv",
                    "reference,kind,name,aliases\nM-1,person,Matrix Invented,\n".getBytes());
        }
        String body =
                switch (row.endpoint()) {
                    case "POST /api/v1/organizations" ->
                        organizationJson("CARRIER", "Matrix " + UUID.randomUUID(), "m@matrix.test");
                    case "POST /api/v1/api-clients" ->
                        "{\"organization_id\":\"%s\",\"name\":\"M\",\"roles\":[\"%s\"]}"
                                .formatted(target, roleOfKind(target));
                    case "POST /api/v1/organizations/{organizationId}/users" ->
                        "{\"email\":\"m-%s@matrix.test\",\"display_name\":\"M\",\"roles\":[\"%s\"]}"
                                .formatted(UUID.randomUUID(), roleOfKind(target));
                    case "PUT /api/v1/organizations/{organizationId}/users/{userId}/roles" ->
                        "{\"roles\":[\"%s\"]}".formatted(roleOfKind(target));
                    case "POST /api/v1/invitations/{token}/acceptance" -> "{\"password\":\"matrix-harbour-freight-7\"}";
                    case "POST /api/v1/payment-requests" -> paymentRequestJson(paymentShipper);
                    case "POST /api/v1/payment-requests/{id}/payments" ->
                        "{\"method\":\"card\",\"payment_method\":\"pm_card_visa\"}";
                    case "POST /api/v1/payment-requests/{id}/transfer/holds",
                            "POST /api/v1/payment-requests/{id}/transfer/release" -> "{\"reason\":\"MANUAL\"}";
                    case "POST /api/v1/webhook-endpoints" -> WEBHOOK_ENDPOINT_JSON;
                    // Leaves the organization as it was: the matrix is about who may change it.
                    case "PUT /api/v1/organizations/{id}/mfa-requirement" -> "{\"required\":false}";
                    case "PUT /api/v1/webhook-endpoints/{id}/event-types" ->
                        "{\"event_types\":[\"payment_request.created\"]}";
                    case "POST /api/v1/password-resets" -> "{\"email\":\"nobody@matrix.test\"}";
                    case "POST /api/v1/carriers/{id}/payouts" -> "{\"currency\":\"EUR\"}";
                    case "POST /api/v1/reconciliations" -> "{\"day\":\"2999-01-01\"}";
                    case "POST /api/v1/password-resets/{token}/completion" ->
                        "{\"password\":\"matrix-harbour-freight-7\"}";
                    case "POST /api/v1/kyc/vat-validations" -> "{\"vat_number\":\"DE811907980\"}";
                    case "PUT /api/v1/disputes/{id}/owner" -> "{\"owner_id\":\"" + UUID.randomUUID() + "\"}";
                    case "POST /api/v1/disputes/{id}/notes" -> "{\"text\":\"matrix note\"}";
                    case "POST /api/v1/disputes/{id}/upload-requests" -> "{\"what\":\"A signed POD\"}";
                    case "POST /api/v1/fraud/rules" ->
                        "{\"name\":\"matrix-%s\",\"text\":\"review if :disputed:\"}".formatted(UUID.randomUUID());
                    case "POST /api/v1/fraud/list-entries" ->
                        "{\"list\":\"WATCH\",\"kind\":\"DEVICE\",\"value\":\"matrix-%s\",\"reason\":\"matrix\"}"
                                .formatted(UUID.randomUUID());
                    case "POST /api/v1/fraud/rules/dry-runs" -> "{\"text\":\"review if :disputed:\",\"days\":1}";
                    case "POST /api/v1/fraud/rules/{id}/snoozes" ->
                        "{\"kind\":\"DEVICE\",\"value\":\"matrix-%s\",\"reason\":\"matrix\",\"until\":\"%s\"}"
                                .formatted(UUID.randomUUID(), clock.instant().plus(java.time.Duration.ofDays(1)));
                    case "POST /api/v1/fraud/blocks/{id}/lift" -> "{\"reason\":\"matrix\"}";
                    case "POST /api/v1/fraud/reviews/{id}/approve", "POST /api/v1/fraud/reviews/{id}/reject" ->
                        "{\"note\":\"matrix\"}";
                    case "PATCH /api/v1/fraud/rules/{id}" ->
                        "{\"text\":\"review if :disputed: and :shipper_trusted:\"}";
                    case "POST /api/v1/kyc/cases" -> "{\"representative_name\":\"Matrix Person\"}";
                    case "POST /api/v1/kyc/cases/{organizationId}/references" ->
                        "{\"company\":\"Ref Co\",\"contact\":\"r@ref.test\",\"relationship\":\"customer\"}";
                    case "POST /api/v1/kyc/cases/{organizationId}/references/{referenceId}/checks" ->
                        "{\"status\":\"CONFIRMED\"}";
                    case "POST /api/v1/kyc/cases/{organizationId}/decisions" -> "{\"decision\":\"APPROVE\"}";
                    case "POST /api/v1/kyc/cases/{organizationId}/sanctions-hit-dismissals" ->
                        "{\"reason\":\"false positive\"}";
                    default -> row.method().equals("GET") ? null : "";
                };
        Api.Call call = body == null
                ? api.get(path)
                : api.call(row.method(), path, body, "application/json")
                        .idempotencyKey(UUID.randomUUID().toString());
        return token == null ? call.send() : call.token(token).send();
    }

    // ---- Loads (issue #9): the "own" load is the carrier's to the shipper, the foreign one another carrier's to
    // another shipper; every call gets a fresh load assigned to a driver no test token acts as.

    private TenantId foreignLoadShipper;

    private Api.Response loadsRequest(Row row, TenantId target, String token) {
        String path = row.pattern();
        if (path.contains("{id}")) {
            boolean foreign = target.equals(foreignCarrier);
            String load = load(foreign);
            path = path.replace("{id}", load)
                    .replace(
                            "{confirmationId}",
                            path.contains("{confirmationId}")
                                    ? proofOfDelivery(load, foreign)
                                    : UUID.randomUUID().toString());
        }
        byte[] photo = io.freightgate.loads.LoadFixtures.photo(45.764, 4.8357, java.time.Instant.now(), 1);
        byte[] pdf = io.freightgate.loads.LoadFixtures.pdf(List.of("Load number: MATRIX-1", "Rate: EUR 100.00"));
        Api.Call call =
                switch (row.endpoint()) {
                    case "POST /api/v1/loads/{id}/delivery-confirmations" ->
                        api.multipart(
                                "POST",
                                path,
                                Map.of(
                                        "signatory_name",
                                        "M",
                                        "delivered_at",
                                        java.time.Instant.now().toString()),
                                "file",
                                "pod.jpg",
                                "image/jpeg",
                                photo);
                    case "POST /api/v1/loads/{id}/documents" ->
                        api.multipart(
                                "POST",
                                path,
                                Map.of("kind", "RATE_CONFIRMATION"),
                                "file",
                                "rc.pdf",
                                "application/pdf",
                                pdf);
                    case "POST /api/v1/loads/document-suggestions" ->
                        api.multipart("POST", path, Map.of(), "file", "rc.pdf", "application/pdf", pdf);
                    case "POST /api/v1/loads" -> api.post(path, loadJson(shipper));
                    case "PUT /api/v1/loads/{id}/driver" ->
                        api.call("PUT", path, "{\"driver_user_id\":\"matrix-driver\"}", "application/json");
                    case "POST /api/v1/loads/{id}/telematics-events" ->
                        api.post(
                                path,
                                "{\"device_id\":\"M\",\"timestamp\":\"%s\",\"lat\":45.764,\"lon\":4.8357}"
                                        .formatted(java.time.Instant.now().minusSeconds(60)));
                    case "POST /api/v1/loads/{id}/messages" -> api.post(path, "{\"body\":\"Matrix message\"}");
                    default -> row.method().equals("GET") ? api.get(path) : api.call(row.method(), path, "", null);
                };
        if (!row.method().equals("GET")) {
            call.idempotencyKey(UUID.randomUUID().toString());
        }
        return token == null ? call.send() : call.token(token).send();
    }

    private String load(boolean foreign) {
        if (foreign && foreignLoadShipper == null) {
            foreignLoadShipper = register("SHIPPER");
        }
        var response = api.post("/api/v1/loads", loadJson(foreign ? foreignLoadShipper : shipper))
                .token(callers.of(foreign ? foreignCarrier : carrier, Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** A real proof of delivery of the load, uploaded by its carrier: a leak of the file would show. */
    private String proofOfDelivery(String load, boolean foreign) {
        var response = api.multipart(
                        "POST",
                        "/api/v1/loads/" + load + "/delivery-confirmations",
                        Map.of(
                                "signatory_name",
                                "M",
                                "delivered_at",
                                java.time.Instant.now().toString()),
                        "file",
                        "pod.jpg",
                        "image/jpeg",
                        io.freightgate.loads.LoadFixtures.photo(45.764, 4.8357, java.time.Instant.now(), 1))
                .token(callers.of(foreign ? foreignCarrier : carrier, Role.CARRIER_DISPATCHER))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static String loadJson(TenantId shipper) {
        var pickup = java.time.Instant.now().minusSeconds(36_000);
        return """
                {"shipper_id":"%s","load_number":"M-%s","driver_user_id":"matrix-driver",
                 "pickup":{"address":"A","lat":53.5461,"lon":9.9661,"planned_at":"%s"},
                 "delivery":{"address":"B","lat":45.764,"lon":4.8357,"planned_at":"%s"}}
                """.formatted(shipper, UUID.randomUUID(), pickup, pickup.plusSeconds(30_000));
    }

    private Map<String, String> invite(TenantId organization) {
        var response = api.post(
                        "/api/v1/organizations/" + organization + "/users",
                        "{\"email\":\"f-%s@matrix.test\",\"display_name\":\"F\",\"roles\":[\"%s\"]}"
                                .formatted(UUID.randomUUID(), roleOfKind(organization)))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return Map.of(
                "id", response.json().get("id").asString(),
                "invitation_token", response.json().get("invitation_token").asString());
    }

    private String createClient(TenantId organization) {
        var response = api.post(
                        "/api/v1/api-clients",
                        "{\"organization_id\":\"%s\",\"name\":\"F\",\"roles\":[\"%s\"]}"
                                .formatted(organization, roleOfKind(organization)))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    static final String WEBHOOK_ENDPOINT_JSON =
            "{\"url\":\"http://127.0.0.1:9/matrix\",\"event_types\":[\"payment_request.paid\"]}";

    /** Endpoints registered for the integrator-webhook rows, one per organization (a fresh one for each deletion). */
    private final Map<TenantId, String> webhookEndpoints = new java.util.HashMap<>();

    private String webhookEndpoint(TenantId organization, boolean fresh) {
        if (organization.equals(OrganizationDirectory.PLATFORM)) {
            return UUID.randomUUID().toString();
        }
        if (!fresh && webhookEndpoints.containsKey(organization)) {
            return webhookEndpoints.get(organization);
        }
        Role admin = organization.equals(shipper) ? Role.SHIPPER_ADMIN : Role.CARRIER_ADMIN;
        var response = api.post("/api/v1/webhook-endpoints", WEBHOOK_ENDPOINT_JSON)
                .token(callers.of(organization, admin))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String id = response.json().get("endpoint").get("id").asString();
        if (!fresh) {
            webhookEndpoints.put(organization, id);
        }
        return id;
    }

    /**
     * A fresh open payment request: the payment carrier's to the payment shipper (the "own" object of carrier, shipper
     * and platform callers), or, for the foreign target, another verified carrier's to another verified shipper.
     */
    private String paymentRequest(TenantId target) {
        boolean foreign = target.equals(foreignPaymentCarrier);
        var response = api.post(
                        "/api/v1/payment-requests", paymentRequestJson(foreign ? foreignShipper : paymentShipper))
                .token(callers.of(foreign ? foreignPaymentCarrier : paymentCarrier, Role.CARRIER_ADMIN))
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("payment_request").get("id").asString();
    }

    private static String paymentRequestJson(TenantId shipper) {
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return """
                {"shipper_id":"%s","amount_minor":25000,"currency":"EUR","load_reference":"MATRIX-1","origin":"A",
                 "destination":"B","pickup_date":"%s","delivery_date":"%s","due_date":"%s"}
                """.formatted(shipper, today, today, today.plusDays(30));
    }

    /**
     * Payment rows need verified organizations (only they bill and pay), while the KYC rows need organizations whose
     * case has not started: payment rows get their own four organizations, verified once.
     */
    private boolean paymentRow(Row row) {
        if (!row.pattern().startsWith("/api/v1/payment-requests")) {
            return false;
        }
        if (paymentCarrier == null) {
            paymentCarrier = register("CARRIER");
            paymentShipper = register("SHIPPER");
            foreignPaymentCarrier = register("CARRIER");
            foreignShipper = register("SHIPPER");
            verifications.verify(paymentCarrier, true);
            verifications.verify(paymentShipper, false);
            verifications.verify(foreignPaymentCarrier, true);
            verifications.verify(foreignShipper, false);
        }
        return true;
    }

    private TenantId foreignFor(Row row) {
        if (kycReadRow(row)) {
            return foreignKycCarrier();
        }
        return paymentRow(row) ? foreignPaymentCarrier : foreignCarrier;
    }

    // ---- KYB reads (issue 16): a real case with a real uploaded document, own and foreign, so a leak would show. The
    // foreign case belongs to an organization of its own: the other KYC rows expect the foreign carrier to have none.

    private TenantId foreignKycCarrier;
    private final Map<TenantId, String> kycDocuments = new java.util.HashMap<>();

    private static boolean kycReadRow(Row row) {
        return row.endpoint().equals("GET /api/v1/kyc/cases/{organizationId}")
                || row.endpoint().equals("GET /api/v1/kyc/cases/{organizationId}/documents/{documentId}/content");
    }

    private TenantId foreignKycCarrier() {
        if (foreignKycCarrier == null) {
            foreignKycCarrier = register("CARRIER");
        }
        return foreignKycCarrier;
    }

    /** The id of a document uploaded to the organization's (opened if need be) KYB case; the platform has no case. */
    private String kycDocument(TenantId organization) {
        if (organization.equals(OrganizationDirectory.PLATFORM)) {
            return UUID.randomUUID().toString();
        }
        return kycDocuments.computeIfAbsent(organization, own -> {
            String admin = callers.of(own, own.equals(shipper) ? Role.SHIPPER_ADMIN : Role.CARRIER_ADMIN);
            var opened = api.post("/api/v1/kyc/cases", "{\"representative_name\":\"Matrix Person\"}")
                    .token(admin)
                    .idempotencyKey(UUID.randomUUID().toString())
                    .send();
            assertThat(opened.status()).as(opened.body()).isIn(201, 409);
            var uploaded = multipart(
                    "/api/v1/kyc/cases/" + own + "/documents",
                    admin,
                    "kind",
                    "REPRESENTATIVE_ID",
                    "file",
                    "id.pdf",
                    KycApiIT.PDF);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
            var documents = uploaded.json().get("documents");
            return documents.get(documents.size() - 1).get("id").asString();
        });
    }

    private TenantId ownOrganization(Row row, Role role) {
        if (paymentRow(row)) {
            return switch (role.organizationType()) {
                case PLATFORM -> OrganizationDirectory.PLATFORM;
                case CARRIER -> paymentCarrier;
                case SHIPPER -> paymentShipper;
            };
        }
        return ownOrganization(role);
    }

    private TenantId ownOrganization(Role role) {
        return switch (role.organizationType()) {
            case PLATFORM -> OrganizationDirectory.PLATFORM;
            case CARRIER -> carrier;
            case SHIPPER -> shipper;
        };
    }

    private String roleOfKind(TenantId organization) {
        if (organization.equals(OrganizationDirectory.PLATFORM)) {
            return Role.RISK_ANALYST.name();
        }
        return organization.equals(shipper) ? Role.SHIPPER_PAYER.name() : Role.CARRIER_DISPATCHER.name();
    }

    private TenantId register(String type) {
        var response = api.post(
                        "/api/v1/organizations",
                        organizationJson(type, "Matrix " + type + " " + UUID.randomUUID(), "ops@matrix.test"))
                .token(callers.platformAdmin())
                .idempotencyKey(UUID.randomUUID().toString())
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return TenantId.of(response.json().get("id").asString());
    }

    static List<Row> rows() {
        List<String> lines = MATRIX.lines()
                .filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
                .toList();
        List<String> header =
                Arrays.stream(lines.getFirst().split("\\|")).map(String::strip).toList();
        List<Role> columns =
                header.subList(2, header.size()).stream().map(Role::valueOf).toList();
        assertThat(columns).as("one column per role, in the enum's order").isEqualTo(COLUMNS);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells =
                    Arrays.stream(line.split("\\|")).map(String::strip).toList();
            String[] endpoint = cells.getFirst().split(" ", 2);
            Map<Role, int[]> byRole = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String[] statuses = cells.get(i + 2).split("/");
                byRole.put(columns.get(i), new int[] {Integer.parseInt(statuses[0]), Integer.parseInt(statuses[1])});
            }
            rows.add(new Row(endpoint[0], endpoint[1].strip(), Integer.parseInt(cells.get(1)), byRole));
        }
        return rows;
    }
}
