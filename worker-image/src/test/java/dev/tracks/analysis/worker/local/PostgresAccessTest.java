package dev.tracks.analysis.worker.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresAccessTest {

    @Test
    void onlyRulesThatAllAskForAPasswordRequireIt() {
        assertThat(PostgresAccess.passwordRequired(PostgresAccess.PASSWORD_ONLY)).isTrue();
        assertThat(PostgresAccess.passwordRequired("local all all md5\nhost all all ::1/128 scram-sha-256 # ok\n"))
                .isTrue();
        // what zonky's initdb -A trust wrote
        assertThat(PostgresAccess.passwordRequired("""
                # TYPE  DATABASE        USER            ADDRESS                 METHOD
                local   all             all                                     trust
                host    all             all             127.0.0.1/32            trust
                """)).isFalse();
        assertThat(PostgresAccess.passwordRequired("local all all scram-sha-256\nhost all all 0.0.0.0/0 trust"))
                .isFalse();
        assertThat(PostgresAccess.passwordRequired("host all all 127.0.0.1 255.255.255.255 md5"))
                .as("a rule not understood is not trusted").isFalse();
        assertThat(PostgresAccess.passwordRequired("# nothing but comments\n\n")).isFalse();
    }
}
