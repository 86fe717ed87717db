package io.freightgate.kyc.internal.sanctions;

import io.freightgate.kyc.SanctionsScreening;
import io.freightgate.kyc.internal.domain.sanctions.NameMatcher;
import io.freightgate.kyc.internal.domain.sanctions.NameMatcher.ListedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Screens names against the active imported lists. The lists are held in memory and reloaded when the set of active
 * lists changes (an import on any instance), so screening costs one small query plus the matching.
 */
public class ListSanctionsScreening implements SanctionsScreening {

    private final SanctionsLists lists;
    private final NameMatcher matcher;
    private final TransactionOperations transactions;

    private volatile Snapshot snapshot = new Snapshot(Set.of(), Map.of());

    public ListSanctionsScreening(SanctionsLists lists, NameMatcher matcher, TransactionOperations transactions) {
        this.lists = lists;
        this.matcher = matcher;
        this.transactions = transactions;
    }

    private record Snapshot(Set<UUID> listIds, Map<ListedName, String> sources) {}

    @Override
    public Result screen(List<ScreenedName> names) {
        Snapshot current = current();
        if (current.listIds().isEmpty()) {
            return new Unavailable("No sanctions list has been imported.");
        }
        List<Match> matches = new ArrayList<>();
        for (ScreenedName name : names) {
            Optional<NameMatcher.Match> best =
                    matcher.bestMatch(name.name(), current.sources().keySet());
            best.ifPresent(m -> matches.add(new Match(
                    name.role(),
                    m.listed().name(),
                    m.listed().entryReference(),
                    Objects.requireNonNull(current.sources().get(m.listed()), "a match is one of the sources' keys"),
                    m.score())));
        }
        return matches.isEmpty() ? new Clear() : new Hit(matches);
    }

    private Snapshot current() {
        Set<UUID> active = transactions.execute(status -> lists.activeListIds());
        Snapshot known = snapshot;
        if (known.listIds().equals(active)) {
            return known;
        }
        synchronized (this) {
            Map<ListedName, String> sources = transactions.execute(status -> lists.activeNames()).stream()
                    .collect(Collectors.toMap(
                            SanctionsLists.SourcedName::name, SanctionsLists.SourcedName::source, (a, b) -> a));
            snapshot = new Snapshot(active, sources);
            return snapshot;
        }
    }
}
