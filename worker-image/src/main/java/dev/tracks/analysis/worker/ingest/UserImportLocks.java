package dev.tracks.analysis.worker.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One transaction-level advisory lock per user whose fixes an import writes, taken before it looks for the user's
 * stored fixes and held until the commit: a second import of overlapping data waits, then sees the first one's fixes
 * and skips them, so two imports never both insert the same fix. Locks are taken in user order within a chunk, so
 * imports of the same files wait for each other instead of deadlocking; if imports of different orders still do,
 * PostgreSQL aborts one (a transient failure: its retry adds only what is missing).
 */
final class UserImportLocks {

    private final Connection db;
    private final Set<String> held = new HashSet<>();

    UserImportLocks(Connection db) {
        this.db = db;
    }

    /** Waits for the locks of the users not locked yet in this transaction. */
    void lock(Collection<String> users) throws SQLException {
        Set<String> missing = new TreeSet<>(users);
        missing.removeAll(held);
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = db.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtext('tracks-import'), hashtext(?))")) {
            for (String user : missing) {
                lock.setString(1, user);
                lock.execute();
                held.add(user);
            }
        }
    }

    /**
     * After a commit, or a roll back to a savepoint (which releases the locks taken since): the next chunk locks its
     * users again (taking a lock this transaction holds already is harmless).
     */
    void forget() {
        held.clear();
    }
}
