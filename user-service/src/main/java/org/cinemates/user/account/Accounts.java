package org.cinemates.user.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** All accounts, looked up the ways members find each other. */
interface Accounts extends ListCrudRepository<Account, Long> {

    /**
     * One statement needs no transaction of its own (the repository's default is a read-only one,
     * which costs a COMMIT round trip on every {@code /api/users/me}); inside a caller's
     * transaction it joins that one.
     */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<Account> findById(Long id);

    /** As {@link #findById}: one statement, no transaction of its own. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    boolean existsById(Long id);

    Optional<Account> findByUsername(String username);

    Optional<Account> findByEmail(String email);

    boolean existsByUsername(String username);

    boolean existsByEmail(String email);

    /**
     * As {@link #findById}: one statement, no transaction of its own. Written out, where a derived
     * query would build its statement again on every call: other services ask for their members'
     * profiles and visibilities on every page that names one.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    @Query("select * from accounts where id in (:ids)")
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
