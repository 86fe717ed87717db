package io.freightgate.api;

import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Invitations;
import io.freightgate.security.PasswordRejected;
import io.freightgate.security.Role;
import io.freightgate.security.UserView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link InvitationsController} alone: accepting an invitation needs no token and no Idempotency-Key. */
@ApiSlice(InvitationsController.class)
class InvitationsApiWebTests {

    private static final String ACCEPT = "/api/v1/invitations/{token}/acceptance";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Invitations invitations;

    @Test
    void anInviteeSetsAPasswordWithoutAnAccessToken() throws Exception {
        var id = UUID.randomUUID();
        when(invitations.accept("tok-1", "correct horse battery staple"))
                .thenReturn(new UserView(
                        id,
                        SliceCallers.CARRIER,
                        "dispo@nord.example",
                        "Dispo",
                        List.of(Role.CARRIER_DISPATCHER),
                        "ACTIVE",
                        false,
                        Optional.empty(),
                        ApiSliceConfiguration.NOW,
                        Optional.empty()));
        mvc.perform(post(ACCEPT, "tok-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"correct horse battery staple\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user_id").value(id.toString()))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(OpenApiShapes.matches("InvitationsAcceptedInvitation"));
        verify(invitations).accept("tok-1", "correct horse battery staple");
    }

    @Test
    void anUnknownTokenIs404AndAWeakPassword422() throws Exception {
        when(invitations.accept(any(), any()))
                .thenThrow(SliceExceptions.create(Invitations.InvitationNotFound.class))
                .thenThrow(SliceExceptions.create(PasswordRejected.class, "The password is too short"));
        mvc.perform(post(ACCEPT, "gone").contentType(MediaType.APPLICATION_JSON).content("{\"password\": \"x\"}"))
                .andExpect(problem(ProblemType.NOT_FOUND))
                .andExpect(jsonPath("$.detail").value("Invitation not found, already used or expired."));
        mvc.perform(post(ACCEPT, "tok-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"x\"}"))
                .andExpect(problem(ProblemType.PASSWORD_REJECTED))
                .andExpect(jsonPath("$.detail").value("The password is too short"));
    }

    @Test
    void withoutAPasswordOrWithUnreadableJsonNothingIsAccepted() throws Exception {
        mvc.perform(post(ACCEPT, "tok-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post(ACCEPT, "tok-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\""))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        mvc.perform(post(ACCEPT, "tok-1")).andExpect(problem(ProblemType.MALFORMED_REQUEST));
        mvc.perform(post(ACCEPT, "tok-1").contentType(MediaType.APPLICATION_XML).content("<password/>"))
                .andExpect(problem(ProblemType.UNSUPPORTED_MEDIA_TYPE));
        verifyNoInteractions(invitations);
    }
}
