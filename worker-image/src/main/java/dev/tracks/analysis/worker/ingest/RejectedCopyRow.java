package dev.tracks.analysis.worker.ingest;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Which row of a COPY PostgreSQL rejected: its error context says {@code COPY track_points, line 3, column ...}. */
final class RejectedCopyRow {

    private static final Pattern COPY_LINE = Pattern.compile("^COPY \\S+, line (\\d+)");

    private RejectedCopyRow() {
    }

    /** The 0-based index of the rejected row among those copied, or -1 if the error names none. */
    static int index(SQLException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof PSQLException)) {
            cause = cause.getCause();
        }
        ServerErrorMessage server = cause == null ? null : ((PSQLException) cause).getServerErrorMessage();
        String where = server == null ? null : server.getWhere();
        Matcher line = where == null ? null : COPY_LINE.matcher(where);
        return line != null && line.find() ? Integer.parseInt(line.group(1)) - 1 : -1;
    }
}
