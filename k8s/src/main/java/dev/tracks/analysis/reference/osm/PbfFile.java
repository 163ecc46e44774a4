package dev.tracks.analysis.reference.osm;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import crosby.binary.Fileformat.Blob;
import crosby.binary.Fileformat.BlobHeader;
import crosby.binary.Osmformat.HeaderBlock;
import crosby.binary.Osmformat.PrimitiveBlock;
import dev.tracks.analysis.reference.BadReferenceFile;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The blocks of an {@code .osm.pbf} file, read in order: a length-prefixed BlobHeader, then a Blob holding a
 * HeaderBlock (the first block) or a PrimitiveBlock (the OSMData blocks), raw or zlib-compressed. The messages are
 * osmpbf's protobuf classes; the framing is done here rather than with osmpbf's BlockInputStream, which prints stack
 * traces and throws {@link Error} on corrupt data and hands on no data at all for a compression it does not know: here
 * each of those is a {@link BadReferenceFile} naming the block and its byte offset.
 */
final class PbfFile {

    /** The limits of the format (wiki "PBF Format"): a BlobHeader up to 64 KiB, a Blob up to 32 MiB. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BLOB_BYTES = 32 * 1024 * 1024;
    /** What this reader understands of a HeaderBlock's required_features; a file requiring more is refused. */
    private static final Set<String> SUPPORTED_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");

    /** Receives each OSMData block. */
    @FunctionalInterface
    interface BlockVisitor {
        /** {@code where} names the block for errors, e.g. "block 3 (byte 120345)". */
        void block(String where, PrimitiveBlock block);
    }

    private PbfFile() {
    }

    /** Reads the whole file, checking its header, and hands each data block to {@code visitor}. */
    static void read(Path file, BlockVisitor visitor) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            long offset = 0;
            for (int index = 0; ; index++) {
                long blockOffset = offset;
                String where = "block " + index + " (byte " + blockOffset + ")";
                int first = in.read();
                if (first < 0) {
                    // The file may end between blocks only (readFully below catches an end inside one).
                    if (index == 0) {
                        throw new BadReferenceFile("file", "empty: not an .osm.pbf file");
                    }
                    return;
                }
                byte[] rest = readFully(in, 3, where);
                int headerBytes = first << 24 | (rest[0] & 0xff) << 16 | (rest[1] & 0xff) << 8 | rest[2] & 0xff;
                if (headerBytes <= 0 || headerBytes > MAX_HEADER_BYTES) {
                    throw new BadReferenceFile(where, "BlobHeader length " + headerBytes + " is not between 1 and "
                            + MAX_HEADER_BYTES + ": not an .osm.pbf file, or a corrupt one");
                }
                BlobHeader header = parse(where, "BlobHeader", () -> BlobHeader.parseFrom(
                        readFully(in, headerBytes, where)));
                if (header.getDatasize() <= 0 || header.getDatasize() > MAX_BLOB_BYTES) {
                    throw new BadReferenceFile(where, "Blob size " + header.getDatasize() + " is not between 1 and "
                            + MAX_BLOB_BYTES);
                }
                Blob blob = parse(where, "Blob", () -> Blob.parseFrom(readFully(in, header.getDatasize(), where)));
                offset += 4L + headerBytes + header.getDatasize();
                String type = header.getType();
                String named = "block " + index + " (" + type + ", byte " + blockOffset + ")";
                if (index == 0) {
                    if (!"OSMHeader".equals(type)) {
                        throw new BadReferenceFile(named, "the first block must be OSMHeader, got '" + type
                                + "': not an .osm.pbf file");
                    }
                    HeaderBlock osmHeader = parse(named, "HeaderBlock", () -> HeaderBlock.parseFrom(
                            data(blob, named)));
                    for (String feature : osmHeader.getRequiredFeaturesList()) {
                        if (!SUPPORTED_FEATURES.contains(feature)) {
                            throw new BadReferenceFile(named, "requires the feature '" + feature + "', which this"
                                    + " reader does not support (it reads " + String.join(" and ",
                                    SUPPORTED_FEATURES.stream().sorted().toList()) + ")");
                        }
                    }
                } else if ("OSMData".equals(type)) {
                    visitor.block(named, parse(named, "PrimitiveBlock", () -> PrimitiveBlock.parseFrom(
                            data(blob, named))));
                }
                // Other block types are skipped, as the format asks of readers that do not know them.
            }
        }
    }

    private static byte[] readFully(DataInputStream in, int length, String where) throws IOException {
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new BadReferenceFile(where, "the file ends inside the block (it needs " + length
                    + " more bytes): truncated");
        }
        return bytes;
    }

    /** The uncompressed bytes of a blob: raw, or zlib inflated to exactly raw_size bytes. */
    private static ByteString data(Blob blob, String where) {
        return switch (blob.getDataCase()) {
            case RAW -> blob.getRaw();
            case ZLIB_DATA -> inflate(blob, where);
            case DATA_NOT_SET -> throw new BadReferenceFile(where, "the Blob holds no data");
            default -> throw new BadReferenceFile(where, "compressed as " + blob.getDataCase().name()
                    .toLowerCase(Locale.ROOT) + ", which this reader does not support (raw and zlib_data"
                    + " are: re-encode the file, e.g. with osmium cat -f pbf,pbf_compression=zlib)");
        };
    }

    private static ByteString inflate(Blob blob, String where) {
        int size = blob.getRawSize();
        if (size <= 0 || size > MAX_BLOB_BYTES) {
            throw new BadReferenceFile(where, "raw_size " + size + " of the zlib data is not between 1 and "
                    + MAX_BLOB_BYTES);
        }
        byte[] bytes = new byte[size];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().asReadOnlyByteBuffer());
            int inflated = 0;
            while (inflated < size && !inflater.finished() && !inflater.needsInput()) {
                inflated += inflater.inflate(bytes, inflated, size - inflated);
            }
            if (inflated != size || !inflater.finished()) {
                throw new BadReferenceFile(where, "the zlib data inflates to " + (inflater.finished() ? inflated
                        : "more or less") + " bytes, not the " + size + " its raw_size says: corrupt");
            }
        } catch (DataFormatException e) {
            throw new BadReferenceFile(where, "the zlib data is corrupt: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return UnsafeByteOperations.unsafeWrap(bytes);
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse() throws IOException;
    }

    private static <T> T parse(String where, String message, Parser<T> parser) throws IOException {
        try {
            return parser.parse();
        } catch (InvalidProtocolBufferException e) {
            throw new BadReferenceFile(where, message + " is not a valid protobuf message: " + e.getMessage());
        }
    }
}
