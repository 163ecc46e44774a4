package dev.tracks.analysis.worker.local;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request body that fails at its next piece once a stop is requested: the HTTP client then ends the exchange and
 * closes the connection, so the service never gets the whole request and acts on none of it. (Cancelling the
 * response's future only stops sending in Java 17, and leaves the connection open.) The length stays known.
 */
final class StoppableBody implements HttpRequest.BodyPublisher {

    private final HttpRequest.BodyPublisher body;
    private final StopSignals stop;

    StoppableBody(HttpRequest.BodyPublisher body, StopSignals stop) {
        this.body = body;
        this.stop = stop;
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> client) {
        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            private Flow.Subscription subscription;
            private boolean stopped;

            @Override
            public void onSubscribe(Flow.Subscription upstream) {
                subscription = upstream;
                client.onSubscribe(upstream);
            }

            @Override
            public void onNext(ByteBuffer piece) {
                if (stopped) {
                    return;
                }
                if (stop.requested()) {
                    stopped = true;
                    subscription.cancel();
                    client.onError(new IOException("the upload was stopped"));
                    return;
                }
                client.onNext(piece);
            }

            @Override
            public void onError(Throwable failure) {
                if (!stopped) {
                    client.onError(failure);
                }
            }

            @Override
            public void onComplete() {
                if (!stopped) {
                    client.onComplete();
                }
            }
        });
    }
}
