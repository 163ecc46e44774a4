package dev.tracks.analysis.worker.local;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A multipart/form-data body (RFC 7578) of text fields and files. The files are streamed from disk, not loaded:
 * uploads may be hundreds of megabytes.
 */
final class Multipart {

    private final String boundary;
    private final StringBuilder fields = new StringBuilder();
    private final List<FilePart> files = new ArrayList<>();

    /** A file part: its field, its content, and the file name the server is told (a relative path may be one). */
    private record FilePart(String field, Path path, String fileName) {
    }

    Multipart(String boundary) {
        this.boundary = boundary;
    }

    /** With a random boundary, so that no file's content can contain it by chance. */
    static Multipart withRandomBoundary() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return new Multipart("tracks-" + HexFormat.of().formatHex(random));
    }

    /** A text field; a null value is left out (the API treats a missing field as not given). */
    Multipart field(String name, String value) {
        if (value != null) {
            fields.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(name)).append("\"\r\n")
                    .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                    .append(value).append("\r\n");
        }
        return this;
    }

    /** A file part named as the file is. */
    Multipart file(String name, Path path) {
        return file(name, path, path.getFileName().toString());
    }

    /** A file part; parts of the same field name are sent in the order added. */
    Multipart file(String name, Path path, String fileName) {
        files.add(new FilePart(name, path, fileName));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() throws FileNotFoundException {
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        StringBuilder head = new StringBuilder(fields);
        for (FilePart file : files) {
            head.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(quoted(file.field()))
                    .append("\"; filename=\"").append(quoted(file.fileName())).append("\"\r\n")
                    .append("Content-Type: application/octet-stream\r\n\r\n");
            parts.add(HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8));
            parts.add(HttpRequest.BodyPublishers.ofFile(file.path()));
            head = new StringBuilder("\r\n");
        }
        parts.add(HttpRequest.BodyPublishers.ofString(head + "--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /** RFC 7578 4.2: quotes, CR and LF in a name are percent-encoded, as browsers do. */
    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
