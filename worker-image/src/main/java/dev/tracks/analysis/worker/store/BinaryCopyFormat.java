package dev.tracks.analysis.worker.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format (the "Binary Format" section of the COPY documentation), value by value:
 * each value is sent as the server stores it, so neither side prints or parses numbers and times as text (in Java 17
 * printing a double costs more than the rest of a row). The one encoder of the project's binary COPYs; the bytes go
 * to {@code COPY ... FROM STDIN (FORMAT binary)}.
 */
public final class BinaryCopyFormat {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL counts times and dates from 2000-01-01 UTC. */
    private static final long EPOCH_2000_SECONDS = 946_684_800L;
    private static final long EPOCH_2000_DAYS = 10_957L;
    private static final int INT8_OID = 20;

    private byte[] buffer = new byte[1 << 16];
    private int size;

    public BinaryCopyFormat() {
        reset();
    }

    /** Starts over with no rows. */
    public void reset() {
        size = 0;
        bytes(SIGNATURE);
        putInt(0);
        putInt(0);
    }

    public BinaryCopyFormat row(int columns) {
        putShort(columns);
        return this;
    }

    public BinaryCopyFormat nullValue() {
        putInt(-1);
        return this;
    }

    /** A text (or varchar) value; null is SQL NULL. */
    public BinaryCopyFormat text(String value) {
        if (value == null) {
            return nullValue();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        putInt(utf8.length);
        bytes(utf8);
        return this;
    }

    /** A double precision value; NaN (unknown) is SQL NULL. */
    public BinaryCopyFormat float8(double value) {
        if (Double.isNaN(value)) {
            return nullValue();
        }
        putInt(8);
        putLong(Double.doubleToRawLongBits(value));
        return this;
    }

    /** A real value; NaN is SQL NULL. */
    public BinaryCopyFormat float4(float value) {
        if (Float.isNaN(value)) {
            return nullValue();
        }
        putInt(4);
        putInt(Float.floatToRawIntBits(value));
        return this;
    }

    public BinaryCopyFormat int8(long value) {
        putInt(8);
        putLong(value);
        return this;
    }

    public BinaryCopyFormat int4(int value) {
        putInt(4);
        putInt(value);
        return this;
    }

    public BinaryCopyFormat int2(short value) {
        putInt(2);
        putShort(value);
        return this;
    }

    public BinaryCopyFormat bool(boolean value) {
        putInt(1);
        ensure(1);
        buffer[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A timestamp or timestamptz at a millisecond since 1970 (UTC). */
    public BinaryCopyFormat timestamp(long epochMillis) {
        putInt(8);
        putLong(Math.subtractExact(Math.multiplyExact(epochMillis, 1_000L), EPOCH_2000_SECONDS * 1_000_000L));
        return this;
    }

    /** A timestamp or timestamptz, to the microsecond PostgreSQL keeps. */
    public BinaryCopyFormat timestamp(Instant time) {
        putInt(8);
        putLong(Math.addExact(Math.multiplyExact(time.getEpochSecond() - EPOCH_2000_SECONDS, 1_000_000L),
                time.getNano() / 1_000));
        return this;
    }

    /** A date, given as days since 1970-01-01. */
    public BinaryCopyFormat date(long epochDay) {
        return int4(Math.toIntExact(epochDay - EPOCH_2000_DAYS));
    }

    public BinaryCopyFormat uuid(UUID value) {
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    /** A one-dimensional bigint[] with lower bound 1; an element may be null. */
    public BinaryCopyFormat int8Array(Long[] elements) {
        int nulls = 0;
        for (Long element : elements) {
            nulls += element == null ? 1 : 0;
        }
        putInt(20 + elements.length * 4 + (elements.length - nulls) * 8);
        putInt(1);
        putInt(nulls > 0 ? 1 : 0);
        putInt(INT8_OID);
        putInt(elements.length);
        putInt(1);
        for (Long element : elements) {
            if (element == null) {
                putInt(-1);
            } else {
                int8(element);
            }
        }
        return this;
    }

    /** The rows with the format's trailer. */
    public byte[] finish() {
        putShort(-1);
        return Arrays.copyOf(buffer, size);
    }

    private void bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
    }

    private void putShort(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    private void putLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
