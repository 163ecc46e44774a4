package dev.tracks.analysis.worker.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A range of recorded times; either end may be open (null) and each is inclusive or exclusive.
 */
public record TimeRange(Instant from, boolean fromInclusive, Instant to, boolean toInclusive) {

    public static final TimeRange ALL = new TimeRange(null, true, null, false);

    public TimeRange startingAt(Instant start) {
        return new TimeRange(start, true, to, toInclusive);
    }

    public TimeRange after(Instant start) {
        return new TimeRange(start, false, to, toInclusive);
    }

    /** The narrower of this range's end and an exclusive {@code end} (an open end takes it). */
    public TimeRange endingBefore(Instant end) {
        if (end == null || (to != null && !to.isAfter(end) && !(to.equals(end) && toInclusive))) {
            return this;
        }
        return new TimeRange(from, fromInclusive, end, false);
    }

    /** The narrower of this range's end and an inclusive {@code end}. */
    public TimeRange endingAt(Instant end) {
        if (end == null || (to != null && to.isBefore(end)) || (to != null && to.equals(end))) {
            return this;
        }
        return new TimeRange(from, fromInclusive, end, true);
    }

    public boolean contains(Instant time) {
        boolean afterStart = from == null || (fromInclusive ? !time.isBefore(from) : time.isAfter(from));
        boolean beforeEnd = to == null || (toInclusive ? !time.isAfter(to) : time.isBefore(to));
        return afterStart && beforeEnd;
    }

    /** The SQL condition on {@code column} with one placeholder per bound, in order from, to. */
    String condition(String column) {
        StringBuilder sql = new StringBuilder("true");
        if (from != null) {
            sql.append(" AND ").append(column).append(fromInclusive ? " >= ?" : " > ?");
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(toInclusive ? " <= ?" : " < ?");
        }
        return sql.toString();
    }

    /** Binds the placeholders of {@link #condition} from {@code index} on; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
        int next = index;
        if (from != null) {
            statement.setObject(next++, Sql.timestamp(from));
        }
        if (to != null) {
            statement.setObject(next++, Sql.timestamp(to));
        }
        return next;
    }
}
