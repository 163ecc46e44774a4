package dev.tracks.analysis.api.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The console's live updates: a stream of server-sent events {@value TaskChangeFeed#TASKS}, one each time the status
 * mirror committed changed rows of {@code analysis_tasks} ({@link TaskChangeFeed}), so that an open page reloads what
 * it shows of them (htmx's {@code hx-trigger="sse:tasks"}); the browser never polls. A stream that breaks is opened
 * again by the browser's EventSource.
 */
@Path(ConsoleSession.PATH + "/events")
@RolesAllowed("${tracks.api.admin-role}")
public class TaskEvents {

    private final TaskChangeFeed feed;

    TaskEvents(TaskChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink console) {
        feed.register(console);
    }
}
