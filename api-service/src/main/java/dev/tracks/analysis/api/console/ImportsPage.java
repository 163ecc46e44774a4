package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.mirror.MirroredTask;
import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.api.task.TaskResource;
import dev.tracks.analysis.api.task.TaskView;
import dev.tracks.analysis.api.upload.ImportResource;
import dev.tracks.analysis.api.upload.UploadFormats;
import dev.tracks.analysis.skill.Skill;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Imports: upload track files through the admin API's import operation (POST /imports, called in process: the same
 * checks, limits and data_import task), then the import's page with the task's live state and its report (the
 * result summary: per file rows, rejected rows and fixes inserted; each rejected file with its first reasons and
 * line numbers). The page's script sends the form with upload progress; without script the form posts as it is.
 */
@Path(ConsoleSession.PATH + "/imports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("${tracks.api.admin-role}")
public class ImportsPage {

    private static final int RECENT_IMPORTS = 20;

    private final ImportResource imports;
    private final TaskResource tasks;

    ImportsPage(ImportResource imports, TaskResource tasks) {
        this.imports = imports;
        this.tasks = tasks;
    }

    @GET
    public TemplateInstance page() {
        return page("");
    }

    /** Stores the files and creates their data_import task; the browser goes to the import's page. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") List<FileUpload> files, @RestForm("user_id") String userId,
                           @RestForm("format") String format, UriInfo uri) {
        try {
            ImportResource.ImportView stored = (ImportResource.ImportView) imports.upload(files, userId,
                    format == null || format.isEmpty() ? null : format, uri).getEntity();
            return Response.seeOther(uri.getBaseUriBuilder().path("console/imports")
                    .path(String.valueOf(stored.task().id())).build()).build();
        } catch (ApiException e) {
            return Response.status(e.problem().status()).entity(page(e.problem().fieldAndDetail())).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance importPage(@PathParam("id") String id) {
        TaskView task = tasks.get(id);
        return Pages.importTask(TaskRow.of(task), task);
    }

    /** The report as far as the task wrote it: reloaded by the page on each change of the tasks. */
    @GET
    @Path("/{id}/report")
    public TemplateInstance report(@PathParam("id") String id) {
        TaskView task = tasks.get(id);
        return Pages.importReport(TaskRow.of(task), ImportReport.of(task.resultSummary()));
    }

    private static TemplateInstance page(String error) {
        List<TaskRow> recent = MirroredTask.<MirroredTask>find("skillName = ?1 order by id desc",
                Skill.DATA_IMPORT.id()).page(0, RECENT_IMPORTS).list().stream().map(TaskView::of).map(TaskRow::of)
                .toList();
        return Pages.imports(UploadFormats.FORMATS, recent, error);
    }
}
