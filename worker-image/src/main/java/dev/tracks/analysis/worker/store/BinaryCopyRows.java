package dev.tracks.analysis.worker.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A result table's rows of values, each encoded by its column's PostgreSQL type in the binary COPY format
 * ({@link BinaryCopyFormat}). Covers the column types of the result tables; a table with another type is written as
 * text by {@link ResultSink}.
 */
final class BinaryCopyRows {

    /** The type OIDs this encoder writes (pg_type.oid). */
    static final int BOOL = 16;
    static final int INT8 = 20;
    static final int INT2 = 21;
    static final int INT4 = 23;
    static final int TEXT = 25;
    static final int FLOAT4 = 700;
    static final int FLOAT8 = 701;
    static final int INT8_ARRAY = 1016;
    static final int VARCHAR = 1043;
    static final int DATE = 1082;
    static final int TIMESTAMP = 1114;
    static final int TIMESTAMPTZ = 1184;
    static final int UUID_TYPE = 2950;
    private static final Set<Integer> SUPPORTED = Set.of(BOOL, INT8, INT2, INT4, TEXT, FLOAT4, FLOAT8, INT8_ARRAY,
            VARCHAR, DATE, TIMESTAMP, TIMESTAMPTZ, UUID_TYPE);

    private final String table;
    private final List<String> columns;
    private final int[] types;
    private final BinaryCopyFormat out = new BinaryCopyFormat();

    BinaryCopyRows(String table, List<String> columns, int[] types) {
        this.table = table;
        this.columns = columns;
        this.types = types.clone();
    }

    static boolean supports(int[] types) {
        for (int type : types) {
            if (!SUPPORTED.contains(type)) {
                return false;
            }
        }
        return true;
    }

    void row(Object[] values) {
        out.row(values.length);
        for (int i = 0; i < values.length; i++) {
            value(i, values[i]);
        }
    }

    /** The rows with the format's trailer. */
    byte[] finish() {
        return out.finish();
    }

    private void value(int column, Object value) {
        if (value == null || (value instanceof Double d && d.isNaN()) || (value instanceof Float f && f.isNaN())) {
            out.nullValue();
            return;
        }
        switch (types[column]) {
            case BOOL -> out.bool((Boolean) cast(column, value, Boolean.class));
            case INT8 -> out.int8(integral(column, value));
            case INT4 -> out.int4(Math.toIntExact(integral(column, value)));
            case INT2 -> {
                long number = integral(column, value);
                if (number != (short) number) {
                    throw new IllegalArgumentException(where(column) + ": " + number + " does not fit a smallint");
                }
                out.int2((short) number);
            }
            case FLOAT8 -> out.float8(((Number) cast(column, value, Number.class)).doubleValue());
            case FLOAT4 -> out.float4(((Number) cast(column, value, Number.class)).floatValue());
            case TEXT, VARCHAR -> out.text(value.toString());
            case TIMESTAMP, TIMESTAMPTZ -> out.timestamp((Instant) cast(column, value, Instant.class));
            case DATE -> out.date(((LocalDate) cast(column, value, LocalDate.class)).toEpochDay());
            case UUID_TYPE -> out.uuid((UUID) cast(column, value, UUID.class));
            case INT8_ARRAY -> out.int8Array(int8Elements(column, (List<?>) cast(column, value, List.class)));
            default -> throw new IllegalStateException("unsupported type " + types[column] + " at " + where(column));
        }
    }

    private Long[] int8Elements(int column, List<?> elements) {
        Long[] values = new Long[elements.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = elements.get(i) == null ? null : integral(column, elements.get(i));
        }
        return values;
    }

    private long integral(int column, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException(where(column) + ": expected an integer, got "
                + value.getClass().getSimpleName() + " " + value);
    }

    private Object cast(int column, Object value, Class<?> expected) {
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException(where(column) + ": expected " + expected.getSimpleName() + ", got "
                    + value.getClass().getSimpleName() + " " + value);
        }
        return value;
    }

    private String where(int column) {
        return table + "." + columns.get(column);
    }
}
