package org.cinemates.activity.log;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a reader of a page of activities works out for each of them in the page's own statement
 * ({@link Activities#page(java.util.Collection, Position, int, Beside)}), so that a page costs one
 * round trip to the database however much is shown with it.
 *
 * @param <T> what each activity gets
 */
public interface Beside<T> {

    /**
     * The columns to add, as a select list over the page's rows (alias {@code page}, with the
     * columns of {@code activities}); {@code ?} marks in it are bound by {@link #bind}.
     */
    String columns();

    /**
     * Binds the {@code ?} marks of {@link #columns()}, numbered from 1.
     *
     * @return how many there are
     */
    int bind(PreparedStatement statement) throws SQLException;

    /** Reads the added columns of the current row. */
    T read(ResultSet row) throws SQLException;

    /** An activity of the page and what it got. */
    record Row<T>(Activity activity, T beside) {}
}
