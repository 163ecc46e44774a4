package dev.tracks.analysis.api;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A local port where nothing listens, for real clients that cannot reach their server: connecting is refused at
 * once, as when PostgreSQL or the API server is down (the shared ones cannot be stopped under the other tests).
 */
public final class ClosedPort {

    private ClosedPort() {
    }

    /** A port that was free a moment ago and is closed again. */
    public static int port() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real Agroal pool with the PostgreSQL driver, pointed at a closed port. */
    public static AgroalDataSource database() {
        try {
            return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(
                    pool -> pool.maxSize(1).acquisitionTimeout(Duration.ofSeconds(2)).connectionFactoryConfiguration(
                            factory -> factory.jdbcUrl("jdbc:postgresql://127.0.0.1:" + port() + "/tracks"))));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot configure the pool", e);
        }
    }
}
