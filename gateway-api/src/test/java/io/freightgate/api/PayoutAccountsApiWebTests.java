package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.OTHER_CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.CountryCode;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.payouts.OnboardingLink;
import io.freightgate.payouts.OpenPayoutAccount;
import io.freightgate.payouts.PayoutAccountStatus;
import io.freightgate.payouts.PayoutAccountView;
import io.freightgate.payouts.PayoutAccounts;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link PayoutAccountsController} alone: opening a carrier's Stripe account, reading it, onboarding links. */
@ApiSlice(PayoutAccountsController.class)
class PayoutAccountsApiWebTests {

    private static final String ACCOUNT = "/api/v1/carriers/{id}/payout-account";
    private static final String LINKS = "/api/v1/carriers/{id}/onboarding-links";

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    PayoutAccounts payoutAccounts;

    @MockitoBean
    OrganizationDirectory directory;

    @BeforeEach
    void theCarrierExists() {
        when(directory.find(eq(CARRIER), any()))
                .thenReturn(Optional.of(new OrganizationView(
                        CARRIER,
                        OrganizationType.CARRIER,
                        "Nordfracht GmbH",
                        CountryCode.of("AT"),
                        Optional.empty(),
                        Optional.of("finance@nordfracht.example"),
                        ApiSliceConfiguration.NOW)));
    }

    @Test
    void withoutABodyTheAccountOpensWithTheCarriersCountryContactAndWeeklyPayouts() throws Exception {
        when(payoutAccounts.open(any(), any(), any())).thenReturn(account());
        mvc.perform(post(ACCOUNT, CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/carriers/" + CARRIER.value() + "/payout-account"))
                .andExpect(jsonPath("$.carrier_id").value(CARRIER.value().toString()))
                .andExpect(jsonPath("$.status").value("ONBOARDING"))
                .andExpect(jsonPath("$.transfers_allowed").value(false))
                .andExpect(jsonPath("$.requirements.currently_due[0]").value("external_account"))
                .andExpect(jsonPath("$.requirements.disabled_reason").doesNotExist())
                .andExpect(OpenApiShapes.matches("PayoutAccountsPayoutAccountResponse"));
        verify(payoutAccounts)
                .open(
                        CARRIER,
                        new OpenPayoutAccount(
                                CountryCode.of("AT"),
                                Optional.of("finance@nordfracht.example"),
                                OpenPayoutAccount.PayoutInterval.WEEKLY),
                        Reach.OWN_TENANT);
    }

    @Test
    void theGivenCountryEmailAndIntervalWinAndPlatformFinanceOpensAcrossTenants() throws Exception {
        when(payoutAccounts.open(any(), any(), any())).thenReturn(account());
        mvc.perform(
                        post(ACCOUNT, CARRIER.value())
                                .with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"country\": \"DE\", \"email\": \"pay@nord.example\", \"payout_interval\": \"monthly\"}"))
                .andExpect(status().isCreated());
        verify(payoutAccounts)
                .open(
                        CARRIER,
                        new OpenPayoutAccount(
                                CountryCode.of("DE"),
                                Optional.of("pay@nord.example"),
                                OpenPayoutAccount.PayoutInterval.MONTHLY),
                        Reach.acrossTenants("platform staff"));
    }

    @Test
    void anInvalidCountryEmailOrIntervalChangesNothing() throws Exception {
        for (String body : List.of(
                "{\"country\": \"de\"}", "{\"email\": \"not-an-address\"}", "{\"payout_interval\": \"hourly\"}")) {
            mvc.perform(post(ACCOUNT, CARRIER.value())
                            .with(callers.as(CARRIER, Role.CARRIER_FINANCE))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED));
        }
        mvc.perform(post(ACCOUNT, CARRIER.value())
                        .with(callers.as(CARRIER, Role.CARRIER_FINANCE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"country\": "))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        verifyNoInteractions(payoutAccounts);
    }

    @Test
    void anotherCarrierGets404ADispatcher403AndNobody401() throws Exception {
        mvc.perform(post(ACCOUNT, OTHER_CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get(ACCOUNT, OTHER_CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(post(LINKS, CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_DISPATCHER)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get(ACCOUNT, CARRIER.value())).andExpect(problem(ProblemType.UNAUTHENTICATED));
        verifyNoInteractions(payoutAccounts);
    }

    @Test
    void readingTheAccountAnd404BeforeItIsOpened() throws Exception {
        when(payoutAccounts.find(CARRIER, Reach.OWN_TENANT)).thenReturn(Optional.of(account()), Optional.empty());
        mvc.perform(get(ACCOUNT, CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stripe_account_id").value("acct_1"))
                .andExpect(OpenApiShapes.matches("PayoutAccountsPayoutAccountResponse"));
        mvc.perform(get(ACCOUNT, CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(problem(ProblemType.NOT_FOUND));
    }

    @Test
    void anOnboardingLinkReturnsToTheConfiguredPagesOfTheCarrierUnlessGivenOthers() throws Exception {
        var link = new OnboardingLink(
                URI.create("https://connect.stripe.com/setup/x"), Instant.parse("2026-12-07T10:05:00Z"));
        when(payoutAccounts.createOnboardingLink(any(), any(), any(), any())).thenReturn(link);
        mvc.perform(post(LINKS, CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value("https://connect.stripe.com/setup/x"))
                .andExpect(jsonPath("$.expires_at").value("2026-12-07T10:05:00Z"))
                .andExpect(OpenApiShapes.matches("PayoutAccountsOnboardingLinkResponse"));
        String base = "http://localhost:8080/carriers/" + CARRIER.value() + "/onboarding/";
        verify(payoutAccounts)
                .createOnboardingLink(
                        CARRIER, URI.create(base + "refresh"), URI.create(base + "complete"), Reach.OWN_TENANT);

        mvc.perform(
                        post(LINKS, CARRIER.value())
                                .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"refresh_url\": \"https://app.example/r\", \"return_url\": \"https://app.example/d\"}"))
                .andExpect(status().isCreated());
        verify(payoutAccounts)
                .createOnboardingLink(
                        CARRIER,
                        URI.create("https://app.example/r"),
                        URI.create("https://app.example/d"),
                        Reach.OWN_TENANT);
    }

    @Test
    void aRelativeOrNonHttpReturnUrlIsRefused() throws Exception {
        for (String url : List.of("/relative", "javascript:alert(1)")) {
            mvc.perform(post(LINKS, CARRIER.value())
                            .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"return_url\": \"" + url + "\"}"))
                    .andExpect(problem(ProblemType.UNPROCESSABLE));
        }
        verifyNoInteractions(payoutAccounts);
    }

    private static PayoutAccountView account() {
        return new PayoutAccountView(
                CARRIER,
                Optional.of("acct_1"),
                PayoutAccountStatus.ONBOARDING,
                "AT",
                "weekly",
                false,
                false,
                false,
                false,
                Optional.of("inactive"),
                Optional.of("inactive"),
                new PayoutAccountView.Requirements(
                        List.of("external_account"), List.of(), List.of(), Optional.empty(), Optional.empty()),
                Optional.empty(),
                Optional.empty(),
                ApiSliceConfiguration.NOW,
                ApiSliceConfiguration.NOW);
    }
}
