package dev.tracks.analysis.api.reference;

import dev.tracks.analysis.api.problem.ApiException;
import dev.tracks.analysis.reference.BadReferenceFile;
import dev.tracks.analysis.reference.BadReferenceOption;
import dev.tracks.analysis.reference.LoadOutcome;
import dev.tracks.analysis.reference.ReferenceKind;
import dev.tracks.analysis.reference.ReferenceLoad;
import dev.tracks.analysis.reference.ReferenceLoadOptions;
import dev.tracks.analysis.reference.ReferenceLoads;
import dev.tracks.analysis.reference.ReferenceOption;
import dev.tracks.analysis.reference.ReferenceOptionHelp;
import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Reference data (admin areas, places, OSM networks) loaded from an upload, as {@code tracks-worker reference load} loads a file:
 * the same options ({@link ReferenceLoadOptions}) and the same loaders, in one transaction on the service's database;
 * and the loads, as {@code reference list} shows them.
 */
@Path("/api/admin/analysis/reference")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    private final AgroalDataSource dataSource;
    private final long maxBytes;

    ReferenceResource(AgroalDataSource dataSource,
                      @ConfigProperty(name = "tracks.api.max-upload-bytes") long maxBytes) {
        this.dataSource = dataSource;
        this.maxBytes = maxBytes;
    }

    @POST
    @Path("/{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Load a reference file", description = "Multipart: the file as the part named file (admin: a"
            + " GeoJSON FeatureCollection; places: a CSV or JSON gazetteer; osm: an OpenStreetMap .osm.pbf extract), and optionally the options of its kind as"
            + " form fields, the same as `tracks-worker reference load` takes (README, \"Reference data\"); an option"
            + " left out takes its default, which fits the worldwide files the README names. The file becomes the"
            + " active load of its kind in one transaction (the skills read it from their next run); the same file"
            + " with the same options again changes nothing (200, status unchanged).")
    @APIResponse(responseCode = "201", description = "The file, loaded now as the active load of its kind.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceLoadView.class)),
            headers = @Header(name = "Location", description = "The load's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "200", description = "The same file with the same options was loaded before: that"
            + " load, active (status unchanged, or reactivated when another had replaced it).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceLoadView.class)),
            headers = @Header(name = "Content-Location", description = "The load's URL.", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "A malformed multipart body.")
    @APIResponse(responseCode = "404", description = "An unknown kind.")
    @APIResponse(responseCode = "413", description = "The file is larger than tracks.api.max-upload-bytes.")
    @APIResponse(responseCode = "415", description = "Not multipart/form-data.")
    @APIResponse(responseCode = "422", description = "No file; a bad file (the detail names the feature or line;"
            + " nothing was loaded); an option refused (field names it).")
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached; nothing was loaded.")
    public Response load(@PathParam("kind") @Parameter(schema = @Schema(enumeration = {"admin", "places", "osm"}))
                         String kind,
                         @RestForm("file") FileUpload file,
                         @RestForm("attribution") @Schema(description = ReferenceOptionHelp.ATTRIBUTION) String attribution,
                         @RestForm("code_property") @Schema(description = ReferenceOptionHelp.CODE_PROPERTY) String codeProperty,
                         @RestForm("name_property") @Schema(description = ReferenceOptionHelp.NAME_PROPERTY) String nameProperty,
                         @RestForm("country_property") @Schema(description = ReferenceOptionHelp.COUNTRY_PROPERTY)
                         String countryProperty,
                         @RestForm("level") @Schema(description = ReferenceOptionHelp.LEVEL)
                         String level,
                         @RestForm("level_property") @Schema(description = ReferenceOptionHelp.LEVEL_PROPERTY) String levelProperty,
                         @RestForm("format") @Schema(description = ReferenceOptionHelp.FORMAT) String format,
                         @RestForm("name_column") @Schema(description = ReferenceOptionHelp.NAME_COLUMN) String nameColumn,
                         @RestForm("lat_column") @Schema(description = ReferenceOptionHelp.LAT_COLUMN)
                         String latColumn,
                         @RestForm("lon_column") @Schema(description = ReferenceOptionHelp.LON_COLUMN) String lonColumn,
                         @RestForm("country_column") @Schema(description = ReferenceOptionHelp.COUNTRY_COLUMN) String countryColumn,
                         @RestForm("admin1_column") @Schema(description = ReferenceOptionHelp.ADMIN1_COLUMN) String admin1Column,
                         @RestForm("admin2_column") @Schema(description = ReferenceOptionHelp.ADMIN2_COLUMN) String admin2Column,
                         @RestForm("population_column") @Schema(description = ReferenceOptionHelp.POPULATION_COLUMN)
                         String populationColumn,
                         @RestForm("road_classes") @Schema(description = ReferenceOptionHelp.ROAD_CLASSES)
                         String roadClasses,
                         @RestForm("rail_classes") @Schema(description = ReferenceOptionHelp.RAIL_CLASSES) String railClasses,
                         UriInfo uri) {
        ReferenceKind chosen = kind(kind);
        Map<ReferenceOption, String> given = new EnumMap<>(ReferenceOption.class);
        given.put(ReferenceOption.ATTRIBUTION, attribution);
        given.put(ReferenceOption.CODE_PROPERTY, codeProperty);
        given.put(ReferenceOption.NAME_PROPERTY, nameProperty);
        given.put(ReferenceOption.COUNTRY_PROPERTY, countryProperty);
        given.put(ReferenceOption.LEVEL, level);
        given.put(ReferenceOption.LEVEL_PROPERTY, levelProperty);
        given.put(ReferenceOption.FORMAT, format);
        given.put(ReferenceOption.NAME_COLUMN, nameColumn);
        given.put(ReferenceOption.LAT_COLUMN, latColumn);
        given.put(ReferenceOption.LON_COLUMN, lonColumn);
        given.put(ReferenceOption.COUNTRY_COLUMN, countryColumn);
        given.put(ReferenceOption.ADMIN1_COLUMN, admin1Column);
        given.put(ReferenceOption.ADMIN2_COLUMN, admin2Column);
        given.put(ReferenceOption.POPULATION_COLUMN, populationColumn);
        given.put(ReferenceOption.ROAD_CLASSES, roadClasses);
        given.put(ReferenceOption.RAIL_CLASSES, railClasses);
        if (file == null) {
            throw ApiException.invalid("file", "required: the reference file as the multipart part named file");
        }
        if (file.size() > maxBytes) {
            throw ApiException.tooLarge("file", "the file has " + file.size() + " bytes; at most " + maxBytes
                    + " are accepted (tracks.api.max-upload-bytes)");
        }
        try (UploadedFile named = UploadedFile.of(file)) {
            ReferenceLoadOptions.FileLoad load = new ReferenceLoadOptions(given).loaderFor(chosen, named.name());
            LoadOutcome outcome = load(load, named);
            URI location = uri.getBaseUriBuilder().path("api/admin/analysis/reference")
                    .path(outcome.load().kind().id()).path(String.valueOf(outcome.load().id())).build();
            // Created only when written now; an unchanged or reactivated load is one that existed already.
            return (outcome.status() == LoadOutcome.Status.LOADED ? Response.created(location)
                    : Response.ok().contentLocation(location)).entity(ReferenceLoadView.of(outcome)).build();
        } catch (BadReferenceOption e) {
            throw ApiException.invalid(e.option().map(ReferenceOption::apiName).orElse("kind"), e.problem());
        }
    }

    private LoadOutcome load(ReferenceLoadOptions.FileLoad load, UploadedFile file) {
        try (Connection db = dataSource.getConnection()) {
            return load.load(db, file.path());
        } catch (BadReferenceFile e) {
            throw ApiException.invalid("file", e.getMessage() + " (nothing was loaded)");
        } catch (SQLException e) {
            throw ApiException.database("the reference file could not be loaded; nothing was loaded", e);
        } catch (IOException e) {
            throw ApiException.unavailable("the uploaded file could not be read; nothing was loaded", e);
        }
    }

    @GET
    @Operation(summary = "List reference loads", description = "Every load of every kind, newest first, with whether"
            + " it is the active one of its kind (as `tracks-worker reference list`).")
    @APIResponse(responseCode = "200", description = "The loads.")
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached.")
    public ReferenceLoadView.Listing list() {
        return new ReferenceLoadView.Listing(loads().stream().map(ReferenceLoadView::of).toList());
    }

    @GET
    @Path("/{kind}")
    @Operation(summary = "List the reference loads of a kind", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "The loads of the kind.")
    @APIResponse(responseCode = "404", description = "An unknown kind.")
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached.")
    public ReferenceLoadView.Listing listOfKind(@PathParam("kind")
                                                @Parameter(schema = @Schema(enumeration = {"admin", "places", "osm"}))
                                                String kind) {
        ReferenceKind chosen = kind(kind);
        return new ReferenceLoadView.Listing(loads().stream().filter(load -> load.kind() == chosen)
                .map(ReferenceLoadView::of).toList());
    }

    @GET
    @Path("/{kind}/{id}")
    @Operation(summary = "A reference load")
    @APIResponse(responseCode = "200", description = "The load.")
    @APIResponse(responseCode = "404", description = "No load of this kind with this id.")
    @APIResponse(responseCode = "503", description = "PostgreSQL cannot be reached.")
    public ReferenceLoadView get(@PathParam("kind")
                                 @Parameter(schema = @Schema(enumeration = {"admin", "places", "osm"})) String kind,
                                 @PathParam("id") String id) {
        ReferenceKind chosen = kind(kind);
        return loads().stream().filter(load -> load.kind() == chosen && String.valueOf(load.id()).equals(id))
                .findFirst().map(ReferenceLoadView::of)
                .orElseThrow(() -> ApiException.notFound("no " + chosen.id() + " load with id " + id));
    }

    /** Every load, newest first: a handful of rows per kind, kept until pruned. */
    private List<ReferenceLoad> loads() {
        try (Connection db = dataSource.getConnection()) {
            return ReferenceLoads.list(db);
        } catch (SQLException e) {
            throw ApiException.database("the database cannot be reached", e);
        }
    }

    /**
     * A kind in the path: an unknown one is no resource (404). The path parameter's documented values are checked
     * against ReferenceKind by ReferenceApiTest.
     */
    private static ReferenceKind kind(String id) {
        try {
            return ReferenceLoadOptions.kind(id);
        } catch (BadReferenceOption e) {
            throw ApiException.notFound("no reference kind '" + id + "': one of "
                    + Arrays.stream(ReferenceKind.values()).map(ReferenceKind::id).toList());
        }
    }
}
