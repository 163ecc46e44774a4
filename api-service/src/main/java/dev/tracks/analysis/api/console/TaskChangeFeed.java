package dev.tracks.analysis.api.console;

import dev.tracks.analysis.api.mirror.TasksChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The mirror's committed changes sent to every open console (registered by {@link TaskEvents}) as one server-sent
 * event {@value #TASKS} each, its data the number of tasks a write changed. The broadcaster drops a console whose
 * connection closed. Apart from the secured resource, so that the mirror's events reach it without a caller.
 */
@ApplicationScoped
public class TaskChangeFeed {

    static final String TASKS = "tasks";

    private final Sse sse;
    private final SseBroadcaster consoles;

    TaskChangeFeed(Sse sse) {
        this.sse = sse;
        this.consoles = sse.newBroadcaster();
    }

    void register(SseEventSink console) {
        consoles.register(console);
    }

    /** After the writing transaction committed: the rows are readable by the pages' reloads. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TasksChanged changed) {
        consoles.broadcast(sse.newEventBuilder().name(TASKS).data(String.valueOf(changed.uids().size())).build());
    }
}
