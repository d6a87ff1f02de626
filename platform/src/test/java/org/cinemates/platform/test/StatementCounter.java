package org.cinemates.platform.test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A data source that counts the statements prepared on its connections: how many round trips to
 * the database a piece of code makes, which no timing can tell reliably.
 */
public final class StatementCounter {

    private final AtomicInteger statements = new AtomicInteger();
    private final DataSource dataSource;

    public StatementCounter(DataSource target) {
        this.dataSource = (DataSource) Proxy.newProxyInstance(
                StatementCounter.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object answer = invoke(method, target, args);
                    return answer instanceof Connection connection ? counting(connection) : answer;
                });
    }

    /** Connections from here count their statements. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The statements prepared since the last call, and starts counting again. */
    public int take() {
        return statements.getAndSet(0);
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("prepare") || name.equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    return invoke(method, connection, args);
                });
    }

    private static @Nullable Object invoke(Method method, Object target, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
