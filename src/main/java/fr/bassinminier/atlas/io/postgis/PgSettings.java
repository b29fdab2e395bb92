package fr.bassinminier.atlas.io.postgis;

import fr.bassinminier.atlas.l10n.Localization;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL database is: what a project keeps (host, port, database, schema, user, TLS
 * mode) and never the password. The password comes, in this order, from the caller (a prompt),
 * the {@code PGPASSWORD} environment variable, or {@code ~/.pgpass} (read by the JDBC driver),
 * as with psql and QGIS.
 *
 * @param sslMode libpq's modes: disable, allow, prefer (default), require, verify-ca, verify-full
 */
public record PgSettings(String host, int port, String database, String schema, String user, String sslMode) {
    public static final int DEFAULT_PORT = 5432;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");
    private static final java.util.Set<String> SSL_MODES = java.util.Set.of("disable", "allow", "prefer", "require",
            "verify-ca", "verify-full");
    /** Seconds before an unreachable server is reported: nothing hangs. */
    static final int CONNECT_TIMEOUT_S = 10;
    /** A statement whose server went silent fails after this many seconds instead of hanging. */
    static final int SOCKET_TIMEOUT_S = 60;

    public PgSettings {
        host = host == null || host.isBlank() ? "localhost" : host.strip();
        if (port <= 0 || port > 65535) throw new IllegalArgumentException(Localization.text("io.invalidPostgresqlPort", port));
        if (database == null || database.isBlank()) throw new IllegalArgumentException(Localization.get("io.postgresqlDatabaseNameMissing"));
        database = database.strip();
        schema = schema == null || schema.isBlank() ? "public" : schema.strip();
        if (!IDENTIFIER.matcher(schema).matches()) {
            throw new IllegalArgumentException(Localization.text("io.invalidPostgresqlSchemaLower", schema));
        }
        user = user == null || user.isBlank() ? System.getProperty("user.name") : user.strip();
        sslMode = sslMode == null || sslMode.isBlank() ? "prefer" : sslMode.strip().toLowerCase(Locale.ROOT);
        if (!SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException(Localization.text("io.unknownTlsModeExpected", sslMode, SSL_MODES));
        }
    }

    /**
     * Reads {@code postgresql://user@host:port/database?schema=s&sslmode=require} (libpq's URI
     * form, "postgres://" too). A password in the URI is refused: it would end up in a project
     * file or a shell history.
     */
    public static PgSettings parse(String uri) {
        String s = uri == null ? "" : uri.strip();
        if (!s.startsWith("postgresql://") && !s.startsWith("postgres://")) {
            throw new IllegalArgumentException(Localization.text("io.postgresqlAddressExpectedPostgresql", s));
        }
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Localization.text("io.unreadablePostgresqlAddress", e.getReason()));
        }
        String user = null;
        if (u.getRawUserInfo() != null) {
            String info = u.getRawUserInfo();
            if (info.contains(":")) {
                throw new IllegalArgumentException(Localization.get("io.passwordAddressUsePgpass"));
            }
            user = decode(info);
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceFirst("^/", "");
        Map<String, String> q = query(u.getRawQuery());
        return new PgSettings(u.getHost(), u.getPort() < 0 ? DEFAULT_PORT : u.getPort(), decode(path),
                q.getOrDefault("schema", q.get("currentSchema")), q.getOrDefault("user", user), q.get("sslmode"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return m;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) m.put(decode(kv.substring(0, i)), decode(kv.substring(i + 1)));
        }
        if (m.containsKey("password")) {
            throw new IllegalArgumentException(Localization.get("io.passwordAddressUsePgpass"));
        }
        return m;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URI form, without password: what the project file and messages show. */
    public String uri() {
        return "postgresql://" + enc(user) + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                + enc(database) + "?schema=" + schema + "&sslmode=" + sslMode;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** For messages: "base atlas sur localhost:5432 (schéma cites)". */
    public String label() {
        return Localization.text("io.postgresqlDatabaseSchema", database, host, port, schema);
    }

    public PgSettings withSchema(String newSchema) {
        return new PgSettings(host, port, database, newSchema, user, sslMode);
    }

    /** Opens a connection; the password from {@code prompt}, else PGPASSWORD, else ~/.pgpass. */
    public Connection connect(Supplier<char[]> prompt) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        char[] pw = prompt == null ? null : prompt.get();
        String env = System.getenv("PGPASSWORD");
        if (pw != null) p.setProperty("password", new String(pw));
        else if (env != null && !env.isEmpty()) p.setProperty("password", env);
        p.setProperty("sslmode", sslMode);
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_S));
        p.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_S));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "Atlas du Bassin Minier");
        String h = host.contains(":") ? "[" + host + "]" : host;
        return DriverManager.getConnection("jdbc:postgresql://" + h + ":" + port + "/" + enc(database), p);
    }

    /**
     * A French message for a failure of the server or the connection, naming the database:
     * unreachable, authentication, unknown database, lost connection, read-only access.
     */
    public String explain(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail;
        if (isConnectionLost(e)) {
            detail = Localization.text("io.connectionServerImpossibleLost", firstLine(e));
        } else if (state.startsWith("28")) {
            detail = Localization.text("io.authenticationRefusedUserPassword", user);
        } else if (state.equals("3D000")) {
            detail = Localization.text("io.databaseDoesExistServer", database);
        } else if (state.equals("42501") || state.equals("25006")) {
            detail = Localization.text("io.userOnlyReadAccess", user);
        } else {
            detail = firstLine(e);
        }
        return Localization.text("io.impossible", label(), what, detail);
    }

    /** The connection is gone or never came (SQLSTATE class 08, server shut down, I/O error). */
    public static boolean isConnectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String st = s.getSQLState() == null ? "" : s.getSQLState();
                if (st.startsWith("08") || st.equals("57P01") || st.equals("57P02") || st.equals("57P03")) return true;
            }
            if (t instanceof java.io.IOException) return true;
        }
        return false;
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Double-quotes an identifier for SQL. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
