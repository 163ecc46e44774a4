package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's client of the admin API against a real HTTP server on the loopback interface. */
class AdminApiTest {

    /** Larger than what the loopback sockets buffer, so that the upload is still being sent when the stop comes. */
    private static final int LARGE_FILE_BYTES = 64 << 20;

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(String path, com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, handler);
        server.start();
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @Test
    void anUploadAnswersWithTheTask() throws Exception {
        URI root = serve("/api/admin/analysis/imports", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"task\":{\"id\":7}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        Path file = Files.writeString(dir.resolve("walk.csv"), "user_id,time,lat,lon\n");

        Optional<JsonNode> answer = new AdminApi(root, "token").upload(List.of(new Upload(file, "CSV", null)), null,
                new StopSignals());

        assertThat(answer).hasValueSatisfying(task -> assertThat(task.path("task").path("id").asLong()).isEqualTo(7));
    }

    @Test
    void aStopAbortsAnUploadInFlightInsteadOfWaitingForIt() throws Exception {
        CountDownLatch receiving = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        CompletableFuture<Void> readToTheEnd = new CompletableFuture<>();
        URI root = serve("/api/admin/analysis/imports", exchange -> {
            receiving.countDown();
            try (InputStream body = exchange.getRequestBody()) {
                // a server busy with the upload: it reads on only once the client was told to stop
                stopped.await();
                byte[] buffer = new byte[1 << 16];
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    received.addAndGet(read);
                }
            } catch (IOException | InterruptedException cutOff) {
                // the client closed the connection
            }
            readToTheEnd.complete(null);
            exchange.close();
        });
        Path file = dir.resolve("large.csv");
        Files.write(file, new byte[LARGE_FILE_BYTES]);
        StopSignals stop = new StopSignals();

        CompletableFuture<Optional<JsonNode>> upload = CompletableFuture.supplyAsync(() -> {
            try {
                return new AdminApi(root, "token").upload(List.of(new Upload(file, "CSV", null)), null, stop);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // the request's headers are in, its body on its way
        assertThat(receiving.await(30, TimeUnit.SECONDS)).isTrue();
        stop.request();
        stopped.countDown();

        // without the stop, the upload would wait for the server's answer, which never comes
        assertThat(upload.get(30, TimeUnit.SECONDS)).isEmpty();
        readToTheEnd.get(30, TimeUnit.SECONDS);
        assertThat(received.get()).as("the connection was closed before the whole body was sent")
                .isLessThan(LARGE_FILE_BYTES);
    }
}
