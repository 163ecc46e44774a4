package dev.tracks.analysis.worker.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format (the "Binary Format" of the COPY documentation): each value sent as the
 * server stores it, so neither side prints or parses numbers and times as text (in Java 17 printing a double costs
 * more than the rest of a row). Covers the column types of the result tables; a table with another type is written
 * as text by {@link ResultSink}.
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

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL counts times and dates from 2000-01-01 UTC. */
    private static final long EPOCH_2000_SECONDS = 946_684_800L;
    private static final long EPOCH_2000_DAYS = 10_957L;

    private final String table;
    private final List<String> columns;
    private final int[] types;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final DataOutputStream out = new DataOutputStream(bytes);

    BinaryCopyRows(String table, List<String> columns, int[] types) {
        this.table = table;
        this.columns = columns;
        this.types = types.clone();
        write(() -> {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        });
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
        write(() -> {
            out.writeShort(values.length);
            for (int i = 0; i < values.length; i++) {
                value(i, values[i]);
            }
        });
    }

    /** The rows with the format's trailer. */
    byte[] finish() {
        write(() -> out.writeShort(-1));
        return bytes.toByteArray();
    }

    private void value(int column, Object value) throws IOException {
        if (value == null || (value instanceof Double d && d.isNaN()) || (value instanceof Float f && f.isNaN())) {
            out.writeInt(-1);
            return;
        }
        switch (types[column]) {
            case BOOL -> {
                out.writeInt(1);
                out.writeByte(((Boolean) cast(column, value, Boolean.class)) ? 1 : 0);
            }
            case INT8 -> {
                out.writeInt(8);
                out.writeLong(integral(column, value));
            }
            case INT4 -> {
                out.writeInt(4);
                out.writeInt(Math.toIntExact(integral(column, value)));
            }
            case INT2 -> {
                out.writeInt(2);
                long number = integral(column, value);
                if (number != (short) number) {
                    throw new IllegalArgumentException(where(column) + ": " + number + " does not fit a smallint");
                }
                out.writeShort((int) number);
            }
            case FLOAT8 -> {
                out.writeInt(8);
                out.writeDouble(((Number) cast(column, value, Number.class)).doubleValue());
            }
            case FLOAT4 -> {
                out.writeInt(4);
                out.writeFloat(((Number) cast(column, value, Number.class)).floatValue());
            }
            case TEXT, VARCHAR -> {
                byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
            }
            case TIMESTAMP, TIMESTAMPTZ -> {
                Instant time = (Instant) cast(column, value, Instant.class);
                out.writeInt(8);
                out.writeLong(Math.addExact(Math.multiplyExact(time.getEpochSecond() - EPOCH_2000_SECONDS,
                        1_000_000L), time.getNano() / 1_000));
            }
            case DATE -> {
                out.writeInt(4);
                out.writeInt(Math.toIntExact(((LocalDate) cast(column, value, LocalDate.class)).toEpochDay()
                        - EPOCH_2000_DAYS));
            }
            case UUID_TYPE -> {
                UUID uuid = (UUID) cast(column, value, UUID.class);
                out.writeInt(16);
                out.writeLong(uuid.getMostSignificantBits());
                out.writeLong(uuid.getLeastSignificantBits());
            }
            case INT8_ARRAY -> int8Array(column, (List<?>) cast(column, value, List.class));
            default -> throw new IllegalStateException("unsupported type " + types[column] + " at " + where(column));
        }
    }

    /** One-dimensional, lower bound 1, elements may be null. */
    private void int8Array(int column, List<?> elements) throws IOException {
        int nulls = (int) elements.stream().filter(element -> element == null).count();
        out.writeInt(20 + elements.size() * 4 + (elements.size() - nulls) * 8);
        out.writeInt(1);
        out.writeInt(nulls > 0 ? 1 : 0);
        out.writeInt(INT8);
        out.writeInt(elements.size());
        out.writeInt(1);
        for (Object element : elements) {
            if (element == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(8);
                out.writeLong(integral(column, element));
            }
        }
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

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    /** A ByteArrayOutputStream never fails; the checked exception is the stream API's. */
    private static void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
