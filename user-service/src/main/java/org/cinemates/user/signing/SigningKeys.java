package org.cinemates.user.signing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored signing keys, newest first. */
@Repository
class SigningKeys {

    private final JdbcClient jdbc;

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SigningKey> all() {
        return jdbc.sql("""
                        select kid, private_key, public_key, encrypted, created_at, retired_at
                        from signing_keys order by created_at desc, kid
                        """)
                .query((rs, row) -> {
                    Timestamp retired = rs.getTimestamp("retired_at");
                    return new SigningKey(
                            rs.getString("kid"),
                            rs.getString("private_key"),
                            rs.getString("public_key"),
                            rs.getBoolean("encrypted"),
                            rs.getTimestamp("created_at").toInstant(),
                            retired != null ? retired.toInstant() : null);
                })
                .list();
    }

    void add(SigningKey key) {
        jdbc.sql("""
                        insert into signing_keys (kid, private_key, public_key, encrypted, created_at)
                        values (:kid, :privateKey, :publicKey, :encrypted, :createdAt)
                        """)
                .param("kid", key.kid())
                .param("privateKey", key.privateKey())
                .param("publicKey", key.publicKey())
                .param("encrypted", key.encrypted())
                .param("createdAt", Timestamp.from(key.createdAt()))
                .update();
    }

    /** Marks every other still-signing key as retired. */
    void retireAllBut(String kid, Instant at) {
        jdbc.sql("update signing_keys set retired_at = :at where kid <> :kid and retired_at is null")
                .param("at", Timestamp.from(at))
                .param("kid", kid)
                .update();
    }

    void deleteRetiredBefore(Instant cutoff) {
        jdbc.sql("delete from signing_keys where retired_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
