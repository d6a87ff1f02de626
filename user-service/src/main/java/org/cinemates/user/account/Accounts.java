package org.cinemates.user.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All accounts, looked up the ways members find each other. */
interface Accounts extends ListCrudRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    Optional<Account> findByEmail(String email);

    boolean existsByUsername(String username);

    boolean existsByEmail(String email);

    List<Account> findByIdIn(Collection<Long> ids);

    /**
     * Exact username first, then usernames starting with the query, then any other username or
     * display name containing it.
     */
    @Query("""
            select * from accounts
            where username like :contains escape '\\' or lower(display_name) like :contains escape '\\'
            order by case when username = :exact then 0 when username like :prefix escape '\\' then 1 else 2 end,
                     username
            limit :limit
            """)
    List<Account> search(String exact, String prefix, String contains, int limit);
}
