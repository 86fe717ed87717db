package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceCallers.SHIPPER;
import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Invitations;
import io.freightgate.security.Role;
import io.freightgate.security.UserDirectory;
import io.freightgate.security.UserView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link UsersController} alone: an organization's admins invite, list, re-role and disable; platform admins unlock. */
@ApiSlice(UsersController.class)
class UsersApiWebTests {

    private static final UUID USER = UUID.fromString("5a1e0000-0000-4000-8000-0000000000e1");
    private static final String USERS = "/api/v1/organizations/{organization}/users";

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    UserDirectory users;

    @MockitoBean
    Invitations invitations;

    @Test
    void anAdminInvitesAUserOfItsOrganizationAndTheTokenStaysOutOfTheAnswer() throws Exception {
        when(invitations.invite(any(), any(), any(), any(), any())).thenReturn(user(CARRIER));
        mvc.perform(post(USERS, CARRIER.value())
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "dispo@nord.example", "display_name": "Dispo", "roles": ["CARRIER_DISPATCHER"]}
                                """))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/organizations/" + CARRIER.value() + "/users/" + USER))
                .andExpect(jsonPath("$.id").value(USER.toString()))
                .andExpect(jsonPath("$.organization_id").value(CARRIER.value().toString()))
                .andExpect(jsonPath("$.roles[0]").value("CARRIER_DISPATCHER"))
                .andExpect(jsonPath("$.status").value("INVITED"))
                .andExpect(jsonPath("$.invitation_token").doesNotExist())
                .andExpect(OpenApiShapes.matches("UsersUserResponse"));
        verify(invitations)
                .invite(CARRIER, "dispo@nord.example", "Dispo", Set.of(Role.CARRIER_DISPATCHER), Reach.OWN_TENANT);
    }

    @Test
    void anInvitationWithoutRolesWithAnUnknownRoleOrABadAddressChangesNothing() throws Exception {
        for (String body : List.of(
                "{\"email\": \"a@b.example\", \"display_name\": \"A\", \"roles\": []}",
                "{\"email\": \"not-an-address\", \"display_name\": \"A\", \"roles\": [\"CARRIER_ADMIN\"]}",
                "{\"email\": \"a@b.example\", \"display_name\": \" \", \"roles\": [\"CARRIER_ADMIN\"]}")) {
            mvc.perform(post(USERS, CARRIER.value())
                            .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(problem(ProblemType.VALIDATION_FAILED));
        }
        mvc.perform(post(USERS, CARRIER.value())
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"a@b.example\", \"display_name\": \"A\", \"roles\": [\"GOD\"]}"))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        verifyNoInteractions(invitations, users);
    }

    @Test
    void anotherOrganizationsUsersAre404AndNonAdminsGet403() throws Exception {
        mvc.perform(get(USERS, SHIPPER.value()).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        // Platform staff other than admins do not reach across organizations here.
        mvc.perform(get(USERS, CARRIER.value()).with(callers.as(PLATFORM, Role.FINANCE_SUPERVISOR)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(get(USERS, CARRIER.value()).with(callers.as(CARRIER, Role.CARRIER_FINANCE)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        mvc.perform(
                        post(USERS, SHIPPER.value())
                                .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"email\": \"a@b.example\", \"display_name\": \"A\", \"roles\": [\"SHIPPER_ADMIN\"]}"))
                .andExpect(problem(ProblemType.NOT_FOUND));
        verifyNoInteractions(invitations, users);
    }

    @Test
    void platformAdminsReachAnyOrganization() throws Exception {
        when(users.list(CARRIER, Reach.acrossTenants("platform staff"))).thenReturn(List.of(user(CARRIER)));
        mvc.perform(get(USERS, CARRIER.value()).with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].email").value("dispo@nord.example"))
                .andExpect(OpenApiShapes.matches("UsersUserResponse"));
        verify(users).list(CARRIER, Reach.acrossTenants("platform staff"));
    }

    @Test
    void changingRolesDisablingAndReading() throws Exception {
        when(users.changeRoles(any(), any(), any(), any())).thenReturn(Optional.of(user(CARRIER)));
        when(users.disable(CARRIER, USER, Reach.OWN_TENANT)).thenReturn(Optional.empty());
        when(users.find(CARRIER, USER, Reach.OWN_TENANT)).thenReturn(Optional.of(user(CARRIER)));
        mvc.perform(put(USERS + "/{user}/roles", CARRIER.value(), USER)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"CARRIER_FINANCE\", \"CARRIER_ADMIN\"]}"))
                .andExpect(status().isOk());
        verify(users).changeRoles(CARRIER, USER, Set.of(Role.CARRIER_FINANCE, Role.CARRIER_ADMIN), Reach.OWN_TENANT);
        mvc.perform(put(USERS + "/{user}/roles", CARRIER.value(), USER)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": []}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        mvc.perform(post(USERS + "/{user}/disable", CARRIER.value(), USER)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(get(USERS + "/{user}", CARRIER.value(), USER).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totp_enabled").value(false));
        mvc.perform(get(USERS + "/{user}", CARRIER.value(), "me").with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
    }

    @Test
    void onlyPlatformAdminsUnlock() throws Exception {
        when(users.unlock(CARRIER, USER)).thenReturn(Optional.of(user(CARRIER)));
        mvc.perform(post(USERS + "/{user}/unlock", CARRIER.value(), USER).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        // The role alone is not enough: a carrier's token claiming PLATFORM_ADMIN unlocks nothing.
        mvc.perform(post(USERS + "/{user}/unlock", CARRIER.value(), USER)
                        .with(callers.as(CARRIER, Role.PLATFORM_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        verifyNoInteractions(users);
        mvc.perform(post(USERS + "/{user}/unlock", CARRIER.value(), USER)
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN)))
                .andExpect(status().isOk());
        verify(users).unlock(CARRIER, USER);
    }

    private static UserView user(TenantId organization) {
        return new UserView(
                USER,
                organization,
                "dispo@nord.example",
                "Dispo",
                List.of(Role.CARRIER_DISPATCHER),
                "INVITED",
                false,
                Optional.empty(),
                ApiSliceConfiguration.NOW,
                Optional.of("secret-invitation-token"));
    }
}
