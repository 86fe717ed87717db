package io.freightgate.api;

import io.freightgate.security.Invitations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/invitations/{token}/acceptance}: an invited user sets the first password. No access token: the
 * single-use invitation token is the credential. The password must have 12 to 128 characters, not be a common one and
 * not contain the email's local part ({@code /problems/password-rejected}).
 */
@RestController
@Tag(name = "Users")
class InvitationsController {

    private final Invitations invitations;

    InvitationsController(Invitations invitations) {
        this.invitations = invitations;
    }

    record AcceptInvitationRequest(@NotNull String password) {

        @Override
        public String toString() {
            return "AcceptInvitationRequest[password=***]";
        }
    }

    record AcceptedInvitation(UUID userId, String status) {}

    @PostMapping("/api/v1/invitations/{token}/acceptance")
    @Operation(summary = "Accept an invitation by setting a password (no access token needed)")
    AcceptedInvitation accept(@PathVariable String token, @Valid @RequestBody AcceptInvitationRequest request) {
        var user = invitations.accept(token, request.password());
        return new AcceptedInvitation(user.id(), user.status());
    }
}
