package dev.tracks.analysis.api.upload;

import dev.tracks.analysis.api.mirror.MirroredTask;
import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.api.task.TaskRequest;
import dev.tracks.analysis.api.task.TaskService;
import dev.tracks.analysis.api.task.TaskView;
import dev.tracks.analysis.skill.Skill;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** POST /imports: a GPX, PLT, CSV or GeoJSON file into PostgreSQL, and the data_import task that imports it. */
@Path("/api/admin/analysis/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final List<String> FORMATS = List.of("GPX", "PLT", "CSV", "GEOJSON");

    /** The stored upload and the task importing it. */
    public record ImportView(long importId, String fileName, String format, TaskView task) {
    }

    private final UploadStore uploads;
    private final TaskService tasks;
    private final SecurityIdentity caller;
    private final long maxBytes;

    ImportResource(UploadStore uploads, TaskService tasks, SecurityIdentity caller,
                   @ConfigProperty(name = "tracks.api.max-upload-bytes") long maxBytes) {
        this.uploads = uploads;
        this.tasks = tasks;
        this.caller = caller;
        this.maxBytes = maxBytes;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a track file", description = "Multipart: file (GPX, PLT, CSV or GeoJSON), and"
            + " optionally user_id and format (else from the file name). Stores it and creates the data_import task;"
            + " the response links to that task.")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("user_id") String userId,
                           @RestForm("format") String format, UriInfo uri) {
        if (file == null) {
            throw ApiException.invalid("file", "required: the track file as a multipart part named file");
        }
        if (file.size() > maxBytes) {
            throw ApiException.tooLarge("file", "the file has " + file.size() + " bytes; at most " + maxBytes
                    + " are accepted (tracks.api.max-upload-bytes)");
        }
        String chosenFormat = format(format, file.fileName());
        String user = userId == null || userId.isBlank() ? null : userId.trim();
        if (user != null && user.length() > 128) {
            throw ApiException.invalid("user_id", "at most 128 characters");
        }
        long id = uploads.store(file.uploadedFile(), file.fileName(), chosenFormat, user,
                caller.getPrincipal().getName());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("source", "upload:" + id);
        params.put("format", chosenFormat);
        if (user != null) {
            params.put("userId", user);
        }
        MirroredTask task;
        try {
            task = tasks.create(new TaskRequest(Skill.DATA_IMPORT.id(), null, params, null, null, null, null, null, null,
                    null, null, null), caller.getPrincipal().getName());
        } catch (RuntimeException e) {
            uploads.delete(id);
            throw e;
        }
        return Response.created(uri.getBaseUriBuilder().path("api/admin/analysis/tasks")
                        .path(String.valueOf(task.id)).build())
                .entity(new ImportView(id, file.fileName(), chosenFormat, TaskView.of(task))).build();
    }

    private static String format(String given, String fileName) {
        if (given != null && !given.isBlank()) {
            String upper = given.trim().toUpperCase(Locale.ROOT);
            if (!FORMATS.contains(upper)) {
                throw ApiException.invalid("format", "must be one of " + FORMATS + ", got '" + given + "'");
            }
            return upper;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gpx")) {
            return "GPX";
        }
        if (name.endsWith(".plt")) {
            return "PLT";
        }
        if (name.endsWith(".csv")) {
            return "CSV";
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return "GEOJSON";
        }
        throw ApiException.invalid("format", "cannot tell the format of '" + fileName + "' from its name; give"
                + " format (one of " + FORMATS + ")");
    }
}
