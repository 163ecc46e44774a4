package dev.tracks.analysis.api.reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceLoad;
import dev.tracks.analysis.reference.ReferenceOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reference load as the admin API shows it: one file loaded as one version of its kind. Its options are keyed by the
 * form fields of the upload that take them ({@code code_property}, {@code lat_column}, ...), resolved to the values
 * used (defaults included).
 */
public record ReferenceLoadView(
        long id,
        String kind,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer to an upload:"
                + " loaded (parsed and written now), unchanged (the same file with the same options is the active"
                + " load already), reactivated (loaded before and replaced since: active again, nothing parsed).")
        String status,
        @Schema(description = "The uploaded file's name.") String sourceFile,
        @Schema(description = "SHA-256 of the file, lower-case hex.") String checksum,
        @Schema(description = "Licence and attribution given with the data; empty when none was.") String attribution,
        Map<String, Object> options,
        int rowCount,
        OffsetDateTime loadedAt,
        @Schema(description = "Whether this is the load the skills read now; at most one per kind.") boolean active,
        @Schema(nullable = true, description = "When another load replaced it as active.")
        OffsetDateTime deactivatedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The loads, newest first. */
    public record Listing(List<ReferenceLoadView> loads) {
    }

    public static ReferenceLoadView of(ReferenceLoad load) {
        return of(load, null);
    }

    public static ReferenceLoadView of(LoadOutcome outcome) {
        return of(outcome.load(), status(outcome.status()));
    }

    /** A status as the API writes it. */
    public static String status(LoadOutcome.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static ReferenceLoadView of(ReferenceLoad load, String status) {
        return new ReferenceLoadView(load.id(), load.kind().id(), status, load.sourceFile(), load.checksum(),
                load.attribution(), options(load), load.rowCount(), load.loadedAt().atOffset(ZoneOffset.UTC),
                load.active(), load.deactivatedAt() == null ? null : load.deactivatedAt().atOffset(ZoneOffset.UTC));
    }

    /** The stored options under the names the upload takes them by. */
    private static Map<String, Object> options(ReferenceLoad load) {
        Map<String, Object> stored;
        try {
            stored = JSON.readValue(load.options(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        stored.forEach((key, value) -> options.put(ReferenceOption.ofStoredKey(load.kind(), key)
                .map(ReferenceOption::apiName).orElse(key), value));
        return options;
    }
}
