package org.cinemates.preference.history;

import org.cinemates.preference.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted member's imports (and the files' rows they keep) go with the account. */
@Component
class DeletedAccountImports {

    private final JdbcClient jdbc;

    DeletedAccountImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        jdbc.sql("delete from history_imports where user_id = :userId")
                .param("userId", deleted.userId())
                .update();
    }
}
