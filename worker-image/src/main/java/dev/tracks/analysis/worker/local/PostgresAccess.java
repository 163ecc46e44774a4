package dev.tracks.analysis.worker.local;

import java.util.Locale;
import java.util.Set;

/**
 * Who may connect to the local run's PostgreSQL ({@code pg_hba.conf}): only who knows the password, over the Unix
 * socket and the loopback addresses alike. zonky's {@code initdb -A trust} let every local process in as the
 * superuser, which is what a data directory of an earlier version still says.
 */
final class PostgresAccess {

    /** The rules {@code initdb --auth=scram-sha-256} writes. */
    static final String PASSWORD_ONLY = """
            # Written by tracks-worker local: every connection needs the password it keeps in postgres-password.
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private static final Set<String> PASSWORD_METHODS = Set.of("scram-sha-256", "md5");

    private PostgresAccess() {
    }

    /**
     * Whether a {@code pg_hba.conf} has rules and every one asks for a password. A rule whose method is not where
     * expected (an address with a separate mask) counts as not asking: the file is then rewritten, never trusted.
     */
    static boolean passwordRequired(String pgHba) {
        boolean anyRule = false;
        for (String line : pgHba.lines().toList()) {
            int comment = line.indexOf('#');
            String[] fields = (comment >= 0 ? line.substring(0, comment) : line).trim().split("\\s+");
            if (fields.length < 4) {
                continue;
            }
            anyRule = true;
            // TYPE DATABASE USER [ADDRESS] METHOD: a local rule has no address
            int method = fields[0].equalsIgnoreCase("local") ? 3 : 4;
            if (method >= fields.length || !PASSWORD_METHODS.contains(fields[method].toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return anyRule;
    }
}
