package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload body byte for byte as the JDK's HTTP client sends it (the end-to-end test has the server read it). */
class MultipartTest {

    @TempDir
    Path dir;

    @Test
    void fieldsThenTheFileStreamedBetweenItsHeadersAndTheClosingBoundary() throws Exception {
        Path file = dir.resolve("day \"one\".csv");
        Files.writeString(file, "user_id,tracked_at,latitude,longitude\nu,2026-03-02T06:00:00Z,47.1,8.5\n");
        Multipart body = new Multipart("b0undary").field("format", "CSV").field("user_id", null).file("file", file);

        assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=b0undary");
        assertThat(sent(body.publisher())).isEqualTo("--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"format\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "CSV\r\n"
                + "--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"day %22one%22.csv\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "user_id,tracked_at,latitude,longitude\nu,2026-03-02T06:00:00Z,47.1,8.5\n\r\n"
                + "--b0undary--\r\n");
    }

    @Test
    void severalFilesFollowOneAnotherUnderTheNamesGiven() throws Exception {
        Path first = Files.writeString(dir.resolve("a.plt"), "one\n");
        Path second = Files.writeString(dir.resolve("b.csv"), "two\n");
        Multipart body = new Multipart("b").file("file", first, "153/Trajectory/a.plt").file("file", second);

        assertThat(sent(body.publisher())).isEqualTo("--b\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"153/Trajectory/a.plt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "one\n\r\n"
                + "--b\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"b.csv\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + "two\n\r\n"
                + "--b--\r\n");
    }

    @Test
    void randomBoundariesDiffer() {
        assertThat(Multipart.withRandomBoundary().contentType())
                .startsWith("multipart/form-data; boundary=tracks-")
                .isNotEqualTo(Multipart.withRandomBoundary().contentType());
    }

    @Test
    void aMissingFileIsReportedBeforeAnythingIsSent() {
        Multipart body = new Multipart("b").file("file", dir.resolve("absent.gpx"));
        assertThatThrownBy(body::publisher).isInstanceOf(IOException.class);
    }

    /** What the publisher emits to a subscriber, as the HTTP client would write it to the socket. */
    private static String sent(HttpRequest.BodyPublisher publisher) throws Exception {
        StringBuilder bytes = new StringBuilder();
        CompletableFuture<String> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                bytes.append(StandardCharsets.UTF_8.decode(item));
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(bytes.toString());
            }
        });
        String body = done.get(10, TimeUnit.SECONDS);
        assertThat(publisher.contentLength()).as("a known length: no chunked upload").isEqualTo(
                body.getBytes(StandardCharsets.UTF_8).length);
        return body;
    }
}
