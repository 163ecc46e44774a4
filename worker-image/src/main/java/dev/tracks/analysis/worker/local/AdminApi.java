package dev.tracks.analysis.worker.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The admin API of the local API service, as a client sees it: the same calls the printed curl examples make. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/admin/analysis";
    /** How soon a stop request aborts an upload. */
    private static final Duration STOP_POLL = Duration.ofMillis(100);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI root;
    private final String token;

    AdminApi(URI root, String token) {
        this.root = root;
        this.token = token;
    }

    /** GET /q/health/ready answers 200: migrated, connected, serving. */
    boolean ready() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(root.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /**
     * POST /imports: stores the files and creates the one data_import task over all of them; the answer holds the
     * task. Each file's format is told by its name, its user by {@code userId} or by its name. A large upload takes
     * a while: a stop request returns at once and aborts the upload ({@link StoppableBody}); only one that was
     * wholly sent already goes on in the service.
     *
     * @return the answer, or empty if a stop was requested before it came
     */
    Optional<JsonNode> upload(List<Upload> files, String userId, StopSignals stop)
            throws IOException, InterruptedException {
        Multipart body = Multipart.withRandomBoundary().field("user_id", userId);
        for (Upload file : files) {
            body.file("file", file.file(), file.uploadName());
        }
        HttpRequest request = authorized(BASE + "/imports").header("Content-Type", body.contentType())
                .POST(new StoppableBody(body.publisher(), stop)).build();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        while (!answer.isDone()) {
            if (stop.await(STOP_POLL)) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(answerOf(request, answer.get()));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io
                    : new IOException(request.method() + " " + request.uri().getPath() + ": " + e.getCause(), e);
        }
    }

    JsonNode task(long id) throws IOException, InterruptedException {
        return send(authorized(BASE + "/tasks/" + id).GET().build());
    }

    /** POST /trigger-chain for the default chain in the given mode. */
    JsonNode triggerChain(String taskType) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("task_type", taskType));
        return send(authorized(BASE + "/trigger-chain").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    JsonNode chain(String id) throws IOException, InterruptedException {
        return send(authorized(BASE + "/chains/" + id).GET().build());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** The answer's JSON; any status but 2xx is an error with the API's problem text. */
    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        return answerOf(request, http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonNode answerOf(HttpRequest request, HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri().getPath() + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
