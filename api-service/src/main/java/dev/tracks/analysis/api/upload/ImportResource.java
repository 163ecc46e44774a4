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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * POST /imports: GPX, PLT, CSV or GeoJSON files (also gzip-compressed, or in zip archives) into PostgreSQL, and the
 * one data_import task that imports all of them.
 */
@Path("/api/admin/analysis/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    /** The longest file name import_sources keeps (a path inside a folder upload counts). */
    private static final int MAX_NAME = 255;

    /** One stored file of the upload. */
    public record StoredFile(long importId, String fileName, String format) {
    }

    /**
     * The stored upload and the task importing it.
     *
     * @param importId the first file's import id (all of them are in files)
     * @param fileName the first file's name
     * @param format the first file's format
     */
    public record ImportView(long importId, String fileName, String format, List<StoredFile> files, TaskView task) {
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
    @Operation(summary = "Upload track files", description = "Multipart: one or more parts named file (GPX, PLT, CSV"
            + " or GeoJSON, each also as .gz; or .zip archives of them; a file name may be a path such as"
            + " 153/Trajectory/20081023025304.plt, whose GeoLife user folder names the user), and optionally user_id"
            + " (the user of every file) and format (of every file, else told by each name; for an archive, the"
            + " format of the entries to read). Without user_id a GPX or PLT file is the user its name (without"
            + " extension) says. Stores the files and creates ONE data_import task over all of them, which reports"
            + " per file; the response links to that task.")
    @APIResponse(responseCode = "201", description = "The stored files and the import task.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportView.class)),
            headers = @Header(name = "Location", description = "The import task's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "A malformed multipart body.")
    @APIResponse(responseCode = "413", description = "The files are larger than tracks.api.max-upload-bytes.")
    @APIResponse(responseCode = "415", description = "Not multipart/form-data.")
    @APIResponse(responseCode = "422", description = "No file, an unknown format, a name or user id too long.")
    @APIResponse(responseCode = "503", description = "Kubernetes or PostgreSQL cannot be reached; nothing was"
            + " stored.")
    public Response upload(@RestForm("file") List<FileUpload> files, @RestForm("user_id") String userId,
                           @RestForm("format") String format, UriInfo uri) {
        if (files == null || files.isEmpty()) {
            throw ApiException.invalid("file", "required: the track files as multipart parts named file");
        }
        long total = files.stream().mapToLong(FileUpload::size).sum();
        if (total > maxBytes) {
            throw ApiException.tooLarge("file", (files.size() == 1 ? "the file has " : "the files have ") + total
                    + " bytes; at most " + maxBytes + " are accepted (tracks.api.max-upload-bytes)");
        }
        String givenFormat = UploadFormats.given(format);
        List<UploadStore.Incoming> incoming = new ArrayList<>();
        for (FileUpload file : files) {
            String name = file.fileName() == null || file.fileName().isBlank() ? "upload" : file.fileName();
            if (name.length() > MAX_NAME) {
                throw ApiException.invalid("file", "the file name '" + name.substring(0, 40) + "...' has "
                        + name.length() + " characters; at most " + MAX_NAME);
            }
            incoming.add(new UploadStore.Incoming(file.uploadedFile(), name, UploadFormats.of(name, givenFormat)));
        }
        String user = userId == null || userId.isBlank() ? null : userId.trim();
        if (user != null && user.length() > 128) {
            throw ApiException.invalid("user_id", "at most 128 characters");
        }
        List<Long> ids = uploads.store(incoming, user, caller.getPrincipal().getName());
        MirroredTask task;
        try {
            task = tasks.create(new TaskRequest(Skill.DATA_IMPORT.id(), null, params(ids, incoming, givenFormat, user),
                    null, null, null, null, null, null, null, null, null), caller.getPrincipal().getName());
        } catch (RuntimeException e) {
            uploads.delete(ids);
            throw e;
        }
        List<StoredFile> stored = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            stored.add(new StoredFile(ids.get(i), incoming.get(i).fileName(), incoming.get(i).format()));
        }
        return Response.created(uri.getBaseUriBuilder().path("api/admin/analysis/tasks")
                        .path(String.valueOf(task.id)).build())
                .entity(new ImportView(stored.get(0).importId(), stored.get(0).fileName(), stored.get(0).format(),
                        stored, TaskView.of(task))).build();
    }

    /**
     * The task's parameters: {@code upload:<id>,<id>,...}; the format when given, or the one file's own (data_import
     * otherwise takes each upload's stored format).
     */
    private static Map<String, Object> params(List<Long> ids, List<UploadStore.Incoming> files, String givenFormat,
                                              String user) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("source", "upload:" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        String onlyFormat = files.size() == 1 && !UploadFormats.ARCHIVE.equals(files.get(0).format())
                ? files.get(0).format() : null;
        params.put("format", givenFormat != null ? givenFormat : onlyFormat != null ? onlyFormat : "AUTO");
        if (user != null) {
            params.put("userId", user);
        }
        return params;
    }
}
