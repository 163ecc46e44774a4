package dev.tracks.analysis.worker.standby;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * System.out and System.err of a standby worker: one stream, installed once before anything can keep a reference to
 * the originals (java.util.logging's console handler does), whose target is the current attempt's log, and the
 * process's own stderr between attempts.
 */
final class AttemptOutput extends OutputStream {

    private final OutputStream between;
    private OutputStream target;

    private AttemptOutput(OutputStream between) {
        this.between = between;
        this.target = between;
    }

    /** Makes System.out and System.err write to the returned output. */
    static AttemptOutput install() {
        AttemptOutput output = new AttemptOutput(new FileOutputStream(FileDescriptor.err));
        PrintStream stream = new PrintStream(output, true, Charset.defaultCharset());
        System.setOut(stream);
        System.setErr(stream);
        return output;
    }

    /** From now on, appends to {@code log}. */
    synchronized void startAttempt(Path log) throws IOException {
        target = new FileOutputStream(log.toFile(), true);
    }

    /** Closes the attempt's log; output goes to the process's stderr again. */
    synchronized void endAttempt() throws IOException {
        System.out.flush();
        OutputStream log = target;
        target = between;
        if (log != between) {
            log.close();
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        target.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }
}
