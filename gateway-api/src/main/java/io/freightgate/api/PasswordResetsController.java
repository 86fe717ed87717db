package io.freightgate.api;

import io.freightgate.security.PasswordResets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forgotten passwords, without an access token. {@code POST /api/v1/password-resets} answers 202 whatever the email
 * (an active user's address gets a mail with a single-use link valid 30 minutes; any other address gets nothing), so
 * it tells nobody which addresses have accounts. {@code POST /api/v1/password-resets/{token}/completion} sets the new
 * password ({@code /problems/password-rejected} if it breaks the policy, {@code /problems/not-found} for a token that
 * is unknown, used, superseded or expired) and ends the user's web sessions and web refresh tokens.
 */
@RestController
@Tag(name = "Users")
class PasswordResetsController {

    private final PasswordResets passwordResets;

    PasswordResetsController(PasswordResets passwordResets) {
        this.passwordResets = passwordResets;
    }

    record PasswordResetRequest(@Nullable String email) {

        @Override
        public String toString() {
            return "PasswordResetRequest[email=***]";
        }
    }

    record PasswordResetCompletion(@NotNull String password) {

        @Override
        public String toString() {
            return "PasswordResetCompletion[password=***]";
        }
    }

    @PostMapping("/api/v1/password-resets")
    @Operation(summary = "Ask for a password-reset mail (always 202; no access token needed)")
    ResponseEntity<Void> request(@RequestBody PasswordResetRequest request) {
        if (request.email() != null) {
            passwordResets.request(request.email());
        } // without an address there is nobody to mail: the same 202, as for any address without a user
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/password-resets/{token}/completion")
    @Operation(summary = "Set a new password with the token from the mail (no access token needed)")
    ResponseEntity<Void> complete(@PathVariable String token, @Valid @RequestBody PasswordResetCompletion request) {
        passwordResets.complete(token, request.password());
        return ResponseEntity.noContent().build();
    }
}
