package dev.tracks.analysis.worker.run;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:plans:postgresql:...} URLs that hands out real pgjdbc connections and, before a
 * prepared statement runs, asks PostgreSQL for its plans with the same parameters on the same connection (so the
 * session's temporary staging tables and the open transaction are seen as the statement sees them): the custom plan
 * for these values and the generic plan that a server-prepared statement may switch to. Only statements that bind a
 * value the test picks (a user id) are explained, each text at most {@link #PLANS_PER_STATEMENT} times.
 *
 * <p>Plans are taken with {@code enable_seqscan} off for the moment of the EXPLAIN: the test's result tables are
 * small, and a sequential scan of one page is the planner's right choice there; with it off, a sequential scan in the
 * plan means that no index can serve the statement.
 */
final class PlanRecorder implements Driver {

    static final String PREFIX = "jdbc:plans:";
    /** What a plan starts with when its EXPLAIN failed. */
    static final String FAILED = "EXPLAIN failed: ";
    private static final int PLANS_PER_STATEMENT = 3;

    /** One statement as a worker ran it, with its two plans (EXPLAIN FORMAT JSON). */
    record Explained(String sql, String customPlan, String genericPlan) {
    }

    private final Predicate<Object> explainIfBound;
    private final List<Explained> explained = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> timesExplained = new HashMap<>();

    private PlanRecorder(Predicate<Object> explainIfBound) {
        this.explainIfBound = explainIfBound;
    }

    /** Registers a recorder; connections to {@code PREFIX + "postgresql:..."} go through it. */
    static PlanRecorder register(Predicate<Object> explainIfBound) throws SQLException {
        PlanRecorder recorder = new PlanRecorder(explainIfBound);
        DriverManager.registerDriver(recorder);
        return recorder;
    }

    void deregister() throws SQLException {
        DriverManager.deregisterDriver(this);
    }

    List<Explained> explained() {
        synchronized (explained) {
            return List.copyOf(explained);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("prepareStatement") && args.length >= 1) {
                        return recording(real, (PreparedStatement) result, (String) args[0]);
                    }
                    return result;
                });
    }

    private PreparedStatement recording(Connection real, PreparedStatement statement, String sql) {
        List<Object[]> setters = new ArrayList<>();
        List<Method> setterMethods = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                setterMethods.add(method);
                setters.add(args.clone());
            } else if (name.startsWith("execute") || name.equals("addBatch")) {
                if (setters.stream().anyMatch(args1 -> explainIfBound.test(args1[1])) && due(sql)) {
                    explained.add(new Explained(sql, customPlan(real, sql, setterMethods, setters),
                            genericPlan(real, sql)));
                }
            } else if (name.equals("clearParameters")) {
                setters.clear();
                setterMethods.clear();
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private synchronized boolean due(String sql) {
        return timesExplained.merge(sql, 1, Integer::sum) <= PLANS_PER_STATEMENT;
    }

    private static String customPlan(Connection db, String sql, List<Method> methods, List<Object[]> setters)
            throws SQLException {
        return withoutSeqScans(db, () -> {
            try (PreparedStatement explain = db.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
                for (int i = 0; i < setters.size(); i++) {
                    invoke(explain, methods.get(i), setters.get(i));
                }
                return firstValue(explain.executeQuery());
            }
        });
    }

    /**
     * The plan a server-prepared statement gets once PostgreSQL stops planning it per execution: the text, with its
     * {@code ?} numbered as {@code $n}, prepared by name and explained with {@code plan_cache_mode} forcing the generic
     * plan (the values passed, all null, play no part in it).
     */
    private static String genericPlan(Connection db, String sql) throws SQLException {
        String numbered = numbered(sql);
        long parameters = numbered.chars().filter(c -> c == '$').count();
        return withoutSeqScans(db, () -> {
            try (Statement explain = db.createStatement()) {
                explain.execute("PREPARE plan_probe AS " + numbered);
                try {
                    explain.execute("SELECT set_config('plan_cache_mode', 'force_generic_plan', true)");
                    String values = parameters == 0 ? "" : "(" + String.join(", ",
                            Collections.nCopies((int) parameters, "NULL")) + ")";
                    return firstValue(explain.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE plan_probe" + values));
                } finally {
                    explain.execute("SELECT set_config('plan_cache_mode', 'auto', true)");
                    explain.execute("DEALLOCATE plan_probe");
                }
            }
        });
    }

    @FunctionalInterface
    private interface Explain {
        String run() throws Throwable;
    }

    /**
     * Runs an EXPLAIN inside a savepoint, so that one that fails leaves the worker's transaction as it was; its
     * error is returned in place of the plan, for the test to report.
     */
    private static String withoutSeqScans(Connection db, Explain explain) throws SQLException {
        Savepoint before = db.getAutoCommit() ? null : db.setSavepoint();
        setting(db, "off");
        try {
            String plan = explain.run();
            setting(db, "on");
            return plan;
        } catch (Throwable e) {
            if (before != null) {
                db.rollback(before);
            }
            return FAILED + e;
        } finally {
            if (before != null) {
                db.releaseSavepoint(before);
            }
        }
    }

    /** Transaction-local, so it never outlives the statement's transaction whatever happens. */
    private static void setting(Connection db, String value) throws SQLException {
        try (Statement set = db.createStatement()) {
            set.execute("SELECT set_config('enable_seqscan', '" + value + "', true)");
        }
    }

    private static String firstValue(ResultSet rows) throws SQLException {
        try (rows) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** {@code ?} outside quotes becomes {@code $1}, {@code $2}, ... */
    static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        boolean quoted = false;
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                out.append('$').append(++parameter);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
