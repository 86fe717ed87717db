package io.freightgate.transfers.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.transfers.TransferHoldReason;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransferHoldTests {

    static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3_600);

    static Transfer transfer() {
        return TransferTests.transferOf(TransferTests.request());
    }

    @Test
    void aHoldIsPlacedOnATransferOfItsTenantAndIsActiveUntilReleased() {
        UUID id = UUID.randomUUID();
        Transfer transfer = transfer();

        TransferHold hold = TransferHold.place(
                id, transfer, TransferHoldReason.MANUAL, Optional.of("carrier asked to wait"), "finance@fg", NOW);

        assertThat(hold.id()).isEqualTo(id);
        assertThat(hold.transferId()).isEqualTo(transfer.id());
        assertThat(hold.reason()).isEqualTo(TransferHoldReason.MANUAL);
        assertThat(hold.note()).contains("carrier asked to wait");
        assertThat(hold.placedBy()).isEqualTo("finance@fg");
        assertThat(hold.placedAt()).isEqualTo(NOW);
        assertThat(hold.active()).isTrue();
        assertThat(hold.releasedBy()).isEmpty();
        assertThat(hold.releasedAt()).isEmpty();
    }

    @Test
    void anAutomaticHoldNeedsNoNote() {
        TransferHold hold = TransferHold.place(
                UUID.randomUUID(), transfer(), TransferHoldReason.DISPUTE, Optional.empty(), "system", NOW);

        assertThat(hold.note()).isEmpty();
        assertThat(hold.active()).isTrue();
    }

    @Test
    void aReleasedHoldRecordsWhoReleasedItAndWhenAndIsNoLongerActive() {
        TransferHold hold = TransferHold.place(
                UUID.randomUUID(), transfer(), TransferHoldReason.FRAUD_REVIEW, Optional.empty(), "system", NOW);

        hold.release("risk@fg", LATER);

        assertThat(hold.active()).isFalse();
        assertThat(hold.releasedBy()).contains("risk@fg");
        assertThat(hold.releasedAt()).contains(LATER);
    }

    @Test
    void aHoldIsReleasedOnlyOnceAndTheFirstReleaseStands() {
        TransferHold hold = TransferHold.place(
                UUID.randomUUID(), transfer(), TransferHoldReason.KYC_REVOKED, Optional.empty(), "system", NOW);
        hold.release("risk@fg", LATER);

        assertThatThrownBy(() -> hold.release("finance@fg", LATER.plusSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Hold " + hold.id() + " was released already");
        assertThat(hold.releasedBy()).contains("risk@fg");
        assertThat(hold.releasedAt()).contains(LATER);
    }
}
