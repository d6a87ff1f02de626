package org.cinemates.preference.diary;

import org.cinemates.preference.account.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A deleted member's diary and liked movies go with the account. */
@Component
class DeletedAccountDiary {

    private final DiaryEntries entries;
    private final JdbcClient jdbc;

    DeletedAccountDiary(DiaryEntries entries, JdbcClient jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        entries.deleteAll(deleted.userId());
        jdbc.sql("delete from liked_movies where user_id = :userId")
                .param("userId", deleted.userId())
                .update();
    }
}
