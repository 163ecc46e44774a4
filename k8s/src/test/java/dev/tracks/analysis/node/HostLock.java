package dev.tracks.analysis.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One real node per host at a time: the bridge, the node's name and the iptables chains are the host's, so a second
 * test run (another checkout's build) waits here until the first has removed its node.
 */
final class HostLock implements AutoCloseable {

    private static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "tracks-real-node.lock");

    private final FileChannel channel;
    private final FileLock lock;

    private HostLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static HostLock acquire() {
        try {
            FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                RealNode.log("another test run has a real node on this host; waiting for it to end (" + FILE + ")");
                lock = channel.lock();
            }
            return new HostLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + FILE, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
