package io.freightgate.platform.queue;

import java.util.regex.Pattern;

/**
 * Where a queue's items live, as the {@link WorkQueue} needs them: the table and its key; {@code due}, the time an
 * item is next due (a claim moves it to the end of the lease, so an item claimed by an instance that died is claimed
 * again then); {@code attempts}, the counter a claim increments and every outcome is fenced by (a claim that was taken
 * over or superseded changes nothing); {@code ready}, the condition of items waiting or in flight (parked and finished
 * items are not); {@code onClaim}, further assignments of a claim ({@code ""} for none); {@code returning}, the columns
 * the claim returns. The fragments are constants of the owning module, never input.
 *
 * @param acrossTenants the table has row-level security and the queue holds every tenant's items: claims and depth
 *     are read in the system scope for exactly those statements (ids and times only; each item is then handled in its
 *     own tenant's scope)
 */
public record QueueTable(
        String table,
        String key,
        String due,
        String attempts,
        String ready,
        String onClaim,
        String returning,
        boolean acrossTenants) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public QueueTable {
        for (String identifier : new String[] {table, key, due, attempts}) {
            if (!IDENTIFIER.matcher(identifier).matches()) {
                throw new IllegalArgumentException("Not a plain identifier: " + identifier);
            }
        }
        if (ready.isBlank() || returning.isBlank()) {
            throw new IllegalArgumentException("A queue table needs a ready condition and returned columns");
        }
    }
}
