package io.freightgate.fraud;

import io.freightgate.fraud.internal.ListEntries;
import io.freightgate.fraud.internal.ListEntries.Kind;
import io.freightgate.fraud.internal.ListEntries.ListName;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The block, watch and trust lists rules read ({@code :card_on_block_list:}, {@code :ip_on_watch_list:},
 * {@code :shipper_trusted:}, ...; docs/fraud.md). Risk analysts add and remove entries; each change is logged on the
 * audited system path with who made it and why.
 */
@Service
public class RiskLists {

    private static final Reach ANALYSTS = Reach.acrossTenants("risk analysts manage the fraud lists");
    private static final int SHOWN = 1_000;

    private final ListEntries entries;
    private final SystemAccess systemAccess;
    private final Clock clock;

    RiskLists(ListEntries entries, SystemAccess systemAccess, Clock clock) {
        this.entries = entries;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /** Puts a value on a list. */
    public record AddEntry(
            String list, String kind, String value, String reason, Optional<Instant> expiresAt, String actor) {}

    /** The entry made, or why not. */
    public sealed interface Added {
        record Done(ListEntryView entry) implements Added {}

        /** The value is on that list already (nothing changed). */
        record AlreadyListed(String detail) implements Added {}

        /** The list, kind, value or expiry is not one that can be listed. */
        record Invalid(String detail) implements Added {}
    }

    /** The newest 1,000 entries of every list. */
    public List<ListEntryView> entries() {
        return systemAccess.transaction(ANALYSTS, "read the fraud lists", () -> entries.all(SHOWN).stream()
                .map(RiskLists::view)
                .toList());
    }

    public Added add(AddEntry command) {
        Instant now = clock.instant();
        ListName list;
        Kind kind;
        try {
            list = ListName.valueOf(command.list());
            kind = Kind.valueOf(command.kind());
        } catch (IllegalArgumentException unknown) {
            return new Added.Invalid("list is BLOCK, WATCH or TRUST; kind is CARD, IP, DEVICE, PAY_LINK or SHIPPER.");
        }
        if ((list == ListName.TRUST) != (kind == Kind.SHIPPER)) {
            return new Added.Invalid(
                    "Only shippers are trusted, and shippers are only trusted (not blocked or watched).");
        }
        Optional<String> invalidValue = invalid(kind, command.value());
        if (invalidValue.isPresent()) {
            return new Added.Invalid(invalidValue.get());
        }
        if (command.expiresAt().filter(expiry -> !expiry.isAfter(now)).isPresent()) {
            return new Added.Invalid("expires_at is in the past.");
        }
        ListEntries.Entry entry = new ListEntries.Entry(
                UUID.randomUUID(),
                list,
                kind,
                kind.canonical(command.value()),
                command.reason(),
                command.actor(),
                now,
                command.expiresAt());
        boolean added = systemAccess.transaction(
                ANALYSTS,
                "put a " + kind + " on the " + list + " list (entry " + entry.id() + ")",
                () -> entries.add(entry));
        return added
                ? new Added.Done(view(entry))
                : new Added.AlreadyListed("That " + kind + " is on the " + list + " list already.");
    }

    /** Takes an entry off its list; empty when there is no such entry. */
    public Optional<ListEntryView> remove(UUID id, String actor) {
        return systemAccess.transaction(
                ANALYSTS, "take entry " + id + " off its fraud list (" + actor + ")", () -> entries.remove(id)
                        .map(RiskLists::view));
    }

    static Optional<String> invalid(Kind kind, String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 200) {
            return Optional.of("value is 1 to 200 characters.");
        }
        return switch (kind) {
            case IP -> {
                try {
                    InetAddress.ofLiteral(v);
                    yield Optional.empty();
                } catch (IllegalArgumentException notAnAddress) {
                    yield Optional.of("An IP entry is an IPv4 or IPv6 address written as numbers.");
                }
            }
            case SHIPPER -> {
                try {
                    UUID.fromString(v);
                    yield Optional.empty();
                } catch (IllegalArgumentException notAnId) {
                    yield Optional.of("A shipper entry is the shipper organization's id.");
                }
            }
            case CARD, DEVICE, PAY_LINK -> Optional.empty();
        };
    }

    private static ListEntryView view(ListEntries.Entry entry) {
        return new ListEntryView(
                entry.id(),
                entry.list().name(),
                entry.kind().name(),
                entry.value(),
                entry.reason(),
                entry.createdBy(),
                entry.createdAt(),
                entry.expiresAt());
    }
}
