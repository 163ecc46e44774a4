package dev.tracks.analysis.operator.task;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Leader election for several operator replicas: the Java Operator SDK starts reconciling only in the replica that
 * holds the Lease. The quarkus-operator-sdk uses this bean in the profiles listed by
 * {@code quarkus.operator-sdk.activate-leader-election-for-profiles} (prod).
 */
public class LeaderElection {

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(OperatorSettings settings) {
        OperatorSettings.Election election = settings.leaderElection();
        String identity = election.identity().or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                .orElseGet(() -> "tracks-operator-" + UUID.randomUUID());
        LeaderElectionConfigurationBuilder builder = LeaderElectionConfigurationBuilder
                .aLeaderElectionConfiguration(election.leaseName())
                .withIdentity(identity);
        election.leaseNamespace().ifPresent(builder::withLeaseNamespace);
        return builder.build();
    }
}
