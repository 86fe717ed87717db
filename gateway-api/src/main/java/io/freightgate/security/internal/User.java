package io.freightgate.security.internal;

import io.freightgate.kernel.TenantId;
import io.freightgate.security.internal.domain.Lockout;
import io.freightgate.security.internal.domain.RecoveryCodes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/**
 * A person who logs in: platform staff, or a user of a carrier or shipper. Email, display name and TOTP secret are
 * ciphertexts under the user's own data key; the password is a password hash and the recovery codes salted hashes
 * ({@link RecoveryCodes}). The audit history ({@code users_aud}, Envers) records every change of the other fields but
 * never a secret: the password hash, the recovery codes, the TOTP secret and the invitation token's hash are not
 * audited.
 *
 * <p>Lifecycle: INVITED (an invitation token, single use, expiring) → ACTIVE (password set by accepting the
 * invitation) → DISABLED (for good: no login, no token refresh). While ACTIVE, {@value Lockout#MAX_FAILURES} failed
 * logins lock the account for {@link Lockout#LOCK_DURATION}. TOTP is off until an enrolment is confirmed with a valid
 * code; each accepted TOTP step is remembered so a code cannot be used twice.
 *
 * <p>Failed logins are counted by {@link LoginAttempts} in SQL, not through this entity, so that parallel attempts do
 * not collide on {@code version}; the entity writes only the columns it changed ({@code @DynamicUpdate}), so an
 * admin's change does not write back a count read before.
 */
@Entity
@Table(name = "users")
@Audited
@DynamicUpdate
public class User {

    public enum Status {
        INVITED,
        ACTIVE,
        DISABLED
    }

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "email_ciphertext", nullable = false)
    private byte[] emailCiphertext;

    @Column(name = "email_hash", nullable = false)
    private byte[] emailHash;

    @Column(name = "display_name_ciphertext", nullable = false)
    private byte[] displayNameCiphertext;

    @NotAudited
    @Column(name = "password_hash")
    private @Nullable String passwordHash;

    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private String status;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private @Nullable Instant lockedUntil;

    @NotAudited
    @Column(name = "totp_secret_ciphertext")
    private byte @Nullable [] totpSecretCiphertext;

    @Column(name = "totp_enabled", nullable = false)
    private boolean totpEnabled;

    @Column(name = "totp_last_step")
    private @Nullable Long totpLastStep;

    @NotAudited
    @Column(name = "recovery_codes")
    private @Nullable String recoveryCodes;

    @NotAudited
    @Column(name = "invitation_token_hash")
    private byte @Nullable [] invitationTokenHash;

    @Column(name = "invitation_expires_at")
    private @Nullable Instant invitationExpiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected User() {}

    public static User invite(
            UUID id,
            TenantId tenant,
            byte[] emailCiphertext,
            byte[] emailHash,
            byte[] displayNameCiphertext,
            List<String> roles,
            byte @Nullable [] invitationTokenHash,
            Instant invitationExpiresAt,
            Instant now) {
        var user = new User();
        user.id = id;
        user.tenantId = tenant.value();
        user.emailCiphertext = emailCiphertext;
        user.emailHash = emailHash;
        user.displayNameCiphertext = displayNameCiphertext;
        user.roles = String.join(",", roles);
        user.status = Status.INVITED.name();
        user.invitationTokenHash = invitationTokenHash;
        user.invitationExpiresAt = invitationExpiresAt;
        user.createdAt = now;
        return user;
    }

    /** Sets the first password; the invitation token is spent. */
    public void acceptInvitation(String passwordHash, Instant now) {
        if (status() != Status.INVITED) {
            throw new IllegalStateException("The invitation was already used");
        }
        if (!now.isBefore(invitationExpiresAt)) {
            throw new IllegalStateException("The invitation has expired");
        }
        this.passwordHash = passwordHash;
        this.status = Status.ACTIVE.name();
        this.invitationTokenHash = null;
        this.invitationExpiresAt = null;
    }

    /** Sets a new password (a completed password reset); an active user only. */
    public void changePassword(String passwordHash) {
        if (status() != Status.ACTIVE) {
            throw new IllegalStateException("Only an active user can change the password");
        }
        this.passwordHash = passwordHash;
    }

    /** Active at once with a password, without an invitation (how tests put users in place). */
    public void activate(String passwordHash) {
        this.passwordHash = passwordHash;
        this.status = Status.ACTIVE.name();
        this.invitationTokenHash = null;
        this.invitationExpiresAt = null;
    }

    public void changeRoles(List<String> newRoles) {
        requireNotDisabled();
        this.roles = String.join(",", newRoles);
    }

    public void disable() {
        requireNotDisabled();
        this.status = Status.DISABLED.name();
        this.invitationTokenHash = null;
    }

    public void loginSucceeded() {
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    /** Lifts a lock (an admin's decision); answers whether there was one. */
    public boolean unlock(Instant now) {
        boolean locked = isLocked(now);
        this.failedAttempts = 0;
        this.lockedUntil = null;
        return locked;
    }

    public boolean isLocked(Instant now) {
        return lockout().isLocked(now);
    }

    private Lockout.State lockout() {
        return new Lockout.State(failedAttempts, Optional.ofNullable(lockedUntil));
    }

    /** Starts (or restarts) an enrolment: the new secret is pending until confirmed. */
    public void beginTotpEnrolment(byte[] secretCiphertext, List<String> recoveryCodeHashes) {
        requireActive();
        if (totpEnabled) {
            throw new IllegalStateException("TOTP is already enabled");
        }
        this.totpSecretCiphertext = secretCiphertext;
        this.recoveryCodes = String.join(",", recoveryCodeHashes);
        this.totpLastStep = null;
    }

    public void confirmTotpEnrolment(long step) {
        if (totpSecretCiphertext == null) {
            throw new IllegalStateException("No TOTP enrolment was started");
        }
        this.totpEnabled = true;
        this.totpLastStep = step;
    }

    public void totpStepUsed(long step) {
        this.totpLastStep = step;
    }

    /** Spends a recovery code: answers whether it was one of the user's unused codes, which it no longer is. */
    public boolean useRecoveryCode(String code) {
        List<String> stored = recoveryCodeHashes();
        OptionalInt match = RecoveryCodes.match(stored, code);
        if (match.isEmpty()) {
            return false;
        }
        List<String> remaining = new ArrayList<>(stored);
        remaining.remove(match.getAsInt());
        this.recoveryCodes = String.join(",", remaining);
        return true;
    }

    private void requireActive() {
        if (status() != Status.ACTIVE) {
            throw new IllegalStateException("The user is not active");
        }
    }

    private void requireNotDisabled() {
        if (status() == Status.DISABLED) {
            throw new IllegalStateException("The user is disabled");
        }
    }

    public UUID id() {
        return id;
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    public byte[] emailCiphertext() {
        return emailCiphertext;
    }

    public byte[] displayNameCiphertext() {
        return displayNameCiphertext;
    }

    public Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public List<String> roles() {
        return Arrays.asList(roles.split(","));
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public Optional<byte[]> totpSecretCiphertext() {
        return Optional.ofNullable(totpSecretCiphertext);
    }

    public boolean totpEnabled() {
        return totpEnabled;
    }

    public OptionalLong totpLastStep() {
        return totpLastStep == null ? OptionalLong.empty() : OptionalLong.of(totpLastStep);
    }

    private List<String> recoveryCodeHashes() {
        return recoveryCodes == null || recoveryCodes.isEmpty() ? List.of() : Arrays.asList(recoveryCodes.split(","));
    }

    public Instant createdAt() {
        return createdAt;
    }
}
