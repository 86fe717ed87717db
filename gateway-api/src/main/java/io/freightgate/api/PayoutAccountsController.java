package io.freightgate.api;

import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.payouts.OnboardingLink;
import io.freightgate.payouts.OpenPayoutAccount;
import io.freightgate.payouts.PayoutAccountStatus;
import io.freightgate.payouts.PayoutAccountView;
import io.freightgate.payouts.PayoutAccounts;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.StepUp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/carriers/{id}/payout-account} and {@code .../onboarding-links}: a carrier's admins and finance staff
 * open and follow their Stripe payout account; platform admins and finance staff reach every carrier's (audited).
 * Anyone else, or a carrier asking for another's, gets 404.
 */
@RestController
@RequestMapping("/api/v1/carriers/{id}")
@Tag(name = "Payout accounts", description = "Carriers' Stripe Connect accounts: opening, onboarding, requirements")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('CARRIER_ADMIN', 'CARRIER_FINANCE', 'PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR')")
class PayoutAccountsController {

    private final PayoutAccounts payoutAccounts;
    private final OrganizationDirectory directory;
    private final String defaultRefreshUrl;
    private final String defaultReturnUrl;
    private final StepUp stepUp;

    PayoutAccountsController(
            PayoutAccounts payoutAccounts,
            OrganizationDirectory directory,
            StepUp stepUp,
            @Value("${freightgate.payments.onboarding.refresh-url}") String defaultRefreshUrl,
            @Value("${freightgate.payments.onboarding.return-url}") String defaultReturnUrl) {
        this.payoutAccounts = payoutAccounts;
        this.directory = directory;
        this.defaultRefreshUrl = defaultRefreshUrl;
        this.defaultReturnUrl = defaultReturnUrl;
        this.stepUp = stepUp;
    }

    record OpenPayoutAccountRequest(
            @Pattern(regexp = "[A-Z]{2}") @Nullable String country,
            @Email @Size(max = 320) @Nullable String email,

            @Pattern(regexp = "daily|weekly|monthly|manual") @Nullable
            String payoutInterval) {}

    record OnboardingLinkRequest(
            @Size(max = 2000) @Nullable String refreshUrl,
            @Size(max = 2000) @Nullable String returnUrl) {}

    record OnboardingLinkResponse(URI url, Instant expiresAt) {
        static OnboardingLinkResponse of(OnboardingLink link) {
            return new OnboardingLinkResponse(link.url(), link.expiresAt());
        }
    }

    record RequirementsResponse(
            List<String> currentlyDue,
            List<String> eventuallyDue,
            List<String> pastDue,
            @Nullable String disabledReason,
            @Nullable Instant currentDeadline) {}

    record PayoutAccountResponse(
            UUID carrierId,
            @Nullable String stripeAccountId,
            PayoutAccountStatus status,
            boolean transfersAllowed,
            String country,
            String payoutInterval,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean detailsSubmitted,
            @Nullable String cardPaymentsCapability,
            @Nullable String transfersCapability,
            RequirementsResponse requirements,
            @Nullable String lastError,
            @Nullable Instant syncedAt,
            Instant createdAt,
            Instant updatedAt) {

        static PayoutAccountResponse of(PayoutAccountView view) {
            var requirements = view.requirements();
            return new PayoutAccountResponse(
                    view.carrier().value(),
                    view.stripeAccountId().orElse(null),
                    view.status(),
                    view.transfersAllowed(),
                    view.country(),
                    view.payoutInterval(),
                    view.chargesEnabled(),
                    view.payoutsEnabled(),
                    view.detailsSubmitted(),
                    view.cardPaymentsCapability().orElse(null),
                    view.transfersCapability().orElse(null),
                    new RequirementsResponse(
                            requirements.currentlyDue(),
                            requirements.eventuallyDue(),
                            requirements.pastDue(),
                            requirements.disabledReason().orElse(null),
                            requirements.currentDeadline().orElse(null)),
                    view.lastError().orElse(null),
                    view.syncedAt().orElse(null),
                    view.createdAt(),
                    view.updatedAt());
        }
    }

    @PostMapping("/payout-account")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(
            summary = "Open the carrier's Stripe payout account",
            description = "Creates the Connect account (platform pays fees and bears losses, Express dashboard,"
                    + " card_payments and transfers requested, payout schedule). 409 if it exists; 503 if Stripe's"
                    + " answer was lost: repeat the request with a new Idempotency-Key to complete it. A person (not an"
                    + " API client) needs a second factor from the last 15 minutes: 401 second-factor-required"
                    + " otherwise.")
    ResponseEntity<PayoutAccountResponse> open(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable OpenPayoutAccountRequest request,
            Authentication caller) {
        Reach reach = access(id, caller);
        OrganizationView carrier = carrier(id, reach);
        stepUp.require(caller);
        var body = request == null ? new OpenPayoutAccountRequest(null, null, null) : request;
        var view = payoutAccounts.open(
                carrier.id(),
                new OpenPayoutAccount(
                        body.country() == null ? carrier.country() : CountryCode.of(body.country()),
                        Optional.ofNullable(body.email()).or(carrier::contactEmail),
                        body.payoutInterval() == null
                                ? OpenPayoutAccount.PayoutInterval.WEEKLY
                                : OpenPayoutAccount.PayoutInterval.valueOf(
                                        body.payoutInterval().toUpperCase())),
                reach);
        return ResponseEntity.created(URI.create("/api/v1/carriers/" + id + "/payout-account"))
                .body(PayoutAccountResponse.of(view));
    }

    @GetMapping("/payout-account")
    @Operation(summary = "Read the carrier's payout account: status, whether it may receive transfers, requirements")
    PayoutAccountResponse get(@PathVariable UUID id, Authentication caller) {
        Reach reach = access(id, caller);
        carrier(id, reach);
        return payoutAccounts
                .find(new TenantId(id), reach)
                .map(PayoutAccountResponse::of)
                .orElseThrow(() -> new NotFound("Payout account of carrier " + id));
    }

    @PostMapping("/onboarding-links")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(
            summary = "Create a new single-use link to Stripe's hosted onboarding",
            description = "Links expire after about five minutes; Stripe then sends the carrier to refresh_url, where"
                    + " the front end asks for a new one. Reaching return_url does not mean onboarding is complete:"
                    + " read the payout account. The link leads to where the bank account is entered: a person (not an"
                    + " API client) needs a second factor from the last 15 minutes, 401 second-factor-required"
                    + " otherwise.")
    ResponseEntity<OnboardingLinkResponse> onboardingLink(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) @Nullable OnboardingLinkRequest request,
            Authentication caller) {
        Reach reach = access(id, caller);
        carrier(id, reach);
        stepUp.require(caller);
        var body = request == null ? new OnboardingLinkRequest(null, null) : request;
        var link = payoutAccounts.createOnboardingLink(
                new TenantId(id),
                url(body.refreshUrl(), defaultRefreshUrl, id),
                url(body.returnUrl(), defaultReturnUrl, id),
                reach);
        return ResponseEntity.status(HttpStatus.CREATED).body(OnboardingLinkResponse.of(link));
    }

    private static Reach access(UUID carrierId, Authentication authentication) {
        return CarrierAccess.reach(carrierId, authentication);
    }

    private OrganizationView carrier(UUID id, Reach reach) {
        return CarrierAccess.carrier(directory, id, reach);
    }

    private static URI url(@Nullable String given, String fallback, UUID carrier) {
        URI url = URI.create(given == null ? fallback.replace("{carrier}", carrier.toString()) : given);
        if (!url.isAbsolute() || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException("refresh_url and return_url must be absolute http(s) URLs");
        }
        return url;
    }
}
