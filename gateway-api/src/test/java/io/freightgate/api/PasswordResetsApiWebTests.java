package io.freightgate.api;

import static io.freightgate.api.SliceProblems.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.PasswordRejected;
import io.freightgate.security.PasswordResets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link PasswordResetsController} alone: asking for a reset mail and completing it, both without a token. */
@ApiSlice(PasswordResetsController.class)
class PasswordResetsApiWebTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PasswordResets passwordResets;

    @Test
    void askingForAResetIsAlways202WithNoBody() throws Exception {
        mvc.perform(post("/api/v1/password-resets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"someone@nord.example\"}"))
                .andExpect(status().isAccepted())
                .andExpect(content().string(""));
        verify(passwordResets).request("someone@nord.example");
    }

    @Test
    void askingWithoutAnAddressIsThe202OfAnyAddressWithoutAUser() throws Exception {
        for (String body : new String[] {"{}", "{\"email\": null}"}) {
            mvc.perform(post("/api/v1/password-resets")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isAccepted())
                    .andExpect(content().string(""));
        }
        verifyNoInteractions(passwordResets);
    }

    @Test
    void completingSetsThePasswordAndAnswers204() throws Exception {
        mvc.perform(post("/api/v1/password-resets/{token}/completion", "tok-9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"correct horse battery staple\"}"))
                .andExpect(status().isNoContent());
        verify(passwordResets).complete("tok-9", "correct horse battery staple");
    }

    @Test
    void anUnknownTokenIs404AndAPasswordAgainstThePolicy422() throws Exception {
        doThrow(SliceExceptions.create(PasswordResets.PasswordResetNotFound.class))
                .when(passwordResets)
                .complete(org.mockito.ArgumentMatchers.eq("gone"), any());
        doThrow(SliceExceptions.create(PasswordRejected.class, "The password is on the list of breached passwords"))
                .when(passwordResets)
                .complete(org.mockito.ArgumentMatchers.eq("tok-9"), any());
        mvc.perform(post("/api/v1/password-resets/{token}/completion", "gone")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"whatever it is\"}"))
                .andExpect(problem(ProblemType.NOT_FOUND))
                .andExpect(jsonPath("$.detail").value("Password reset not found, already used or expired."));
        mvc.perform(post("/api/v1/password-resets/{token}/completion", "tok-9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"password1\"}"))
                .andExpect(problem(ProblemType.PASSWORD_REJECTED));
    }

    @Test
    void aCompletionWithoutAPasswordOrAMalformedRequestChangesNothing() throws Exception {
        mvc.perform(post("/api/v1/password-resets/{token}/completion", "tok-9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pass\": \"x\"}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        mvc.perform(post("/api/v1/password-resets")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[1,"))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        // Only the two anonymous changes are open: everything else under /api needs a token.
        mvc.perform(post("/api/v1/password-resets/{token}", "tok-9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\": \"x\"}"))
                .andExpect(problem(ProblemType.UNAUTHENTICATED));
        verifyNoInteractions(passwordResets);
    }
}
