package io.freightgate.ledger.internal;

import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.ledger.JournalKind;
import io.freightgate.ledger.LedgerAccountKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One balanced ledger journal: its business identity ({@code reference}, posting the same reference twice is a no-op),
 * what caused it, and its lines (a debit positive, a credit negative, in minor units of one currency). Built with
 * {@link #builder}; {@link Builder#build} refuses a journal that does not balance.
 *
 * @param tenant the organization the journal concerns (the carrier), empty for the platform's own movements
 */
public record Journal(
        String reference,
        JournalKind kind,
        Currency currency,
        Instant occurredAt,
        Optional<UUID> tenant,
        Optional<UUID> paymentRequestId,
        String description,
        List<Line> lines) {

    /**
     * One entry: an account (kind, organization), the amount, and for Stripe balance accounts the Stripe account
     * (empty: the platform) and the Stripe object whose balance transactions the entry mirrors.
     */
    public record Line(
            LedgerAccountKind account,
            Optional<UUID> organization,
            long amountMinor,
            Optional<String> stripeAccount,
            Optional<String> stripeSource) {

        public Line {
            if (account.platformOnly() != organization.isEmpty()) {
                throw new IllegalArgumentException(account
                        + (account.platformOnly()
                                ? " belongs to the platform, not to an organization"
                                : " belongs to an organization"));
            }
            if (account.stripeBalance() != stripeSource.isPresent()) {
                throw new IllegalArgumentException(account
                        + (account.stripeBalance()
                                ? " entries name the Stripe object they mirror"
                                : " entries do not mirror a Stripe balance"));
            }
        }
    }

    public Journal {
        lines = List.copyOf(lines);
        long sum = 0;
        for (Line line : lines) {
            sum = Math.addExact(sum, line.amountMinor());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("Journal " + reference + " does not balance: " + sum);
        }
        if (lines.size() < 2) {
            throw new IllegalArgumentException("Journal " + reference + " needs at least two non-zero entries");
        }
    }

    public static Builder builder(String reference, JournalKind kind, Currency currency, Instant occurredAt) {
        return new Builder(reference, kind, currency, occurredAt);
    }

    /** Collects lines; zero amounts are left out (a fee of zero is no entry). */
    public static final class Builder {
        private final String reference;
        private final JournalKind kind;
        private final Currency currency;
        private final Instant occurredAt;
        private @Nullable UUID tenant;
        private @Nullable UUID paymentRequestId;
        private String description = "";
        private final List<Line> lines = new ArrayList<>();

        private Builder(String reference, JournalKind kind, Currency currency, Instant occurredAt) {
            this.reference = Objects.requireNonNull(reference);
            this.kind = Objects.requireNonNull(kind);
            this.currency = Objects.requireNonNull(currency);
            this.occurredAt = Objects.requireNonNull(occurredAt);
        }

        public Builder tenant(UUID organization) {
            this.tenant = organization;
            return this;
        }

        public Builder paymentRequest(PaymentRequestId id) {
            this.paymentRequestId = id.value();
            return this;
        }

        public Builder description(String text) {
            this.description = Objects.requireNonNull(text);
            return this;
        }

        /** A platform account line (debit positive, credit negative). */
        public Builder platform(LedgerAccountKind account, long amountMinor) {
            return line(new Line(account, Optional.empty(), amountMinor, Optional.empty(), Optional.empty()));
        }

        /** An organization's account line. */
        public Builder of(UUID organization, LedgerAccountKind account, long amountMinor) {
            return line(new Line(account, Optional.of(organization), amountMinor, Optional.empty(), Optional.empty()));
        }

        /** The platform's Stripe balance, moved by Stripe object {@code source}. */
        public Builder platformBalance(long amountMinor, String source) {
            return line(new Line(
                    LedgerAccountKind.PLATFORM_STRIPE_BALANCE,
                    Optional.empty(),
                    amountMinor,
                    Optional.empty(),
                    Optional.of(source)));
        }

        /** A carrier's Stripe balance on connected account {@code stripeAccount}, moved by Stripe object {@code source}. */
        public Builder carrierBalance(UUID carrier, String stripeAccount, long amountMinor, String source) {
            return line(new Line(
                    LedgerAccountKind.CARRIER_STRIPE_BALANCE,
                    Optional.of(carrier),
                    amountMinor,
                    Optional.of(stripeAccount),
                    Optional.of(source)));
        }

        private Builder line(Line line) {
            if (line.amountMinor() != 0) {
                lines.add(line);
            }
            return this;
        }

        public Journal build() {
            return new Journal(
                    reference,
                    kind,
                    currency,
                    occurredAt,
                    Optional.ofNullable(tenant),
                    Optional.ofNullable(paymentRequestId),
                    description,
                    lines);
        }
    }
}
