package fr.bassinminier.atlas.io;

import fr.bassinminier.atlas.l10n.Localization;
import java.net.URI;

/**
 * A network service (WFS, API Carto) or tile source failed. The message is French and meant for
 * the user: it names the source (a tile source's name, a service's host) and the problem, never a
 * Java class. The {@link Problem} lets callers tell an unreachable service (worth saying "non
 * consulté") from a refusal.
 */
public class ServiceException extends Exception {
    public enum Problem {
        UNREACHABLE, TIMEOUT, HTTP_ERROR, SERVICE_ERROR, BAD_RESPONSE, TOO_LARGE, NOT_FOUND, OFFLINE, CORRUPT,
        UNSUPPORTED, IO
    }

    private final transient URI service;
    private final Problem problem;

    /** A source known by its name ("Fond de plan « Plan IGN »"). */
    public ServiceException(String source, Problem problem, String detail) {
        this(source, problem, detail, null);
    }

    public ServiceException(String source, Problem problem, String detail, Throwable cause) {
        super(source + " : " + detail, cause);
        this.service = null;
        this.problem = problem;
    }

    /** A service known by its address: the message names its host. */
    public ServiceException(URI service, Problem problem, String detail) {
        this(service, problem, detail, null);
    }

    public ServiceException(URI service, Problem problem, String detail, Throwable cause) {
        super(format(service, detail), cause);
        this.service = service;
        this.problem = problem;
    }

    private static String format(URI service, String detail) {
        String host = service == null ? "?" : service.getHost() != null ? service.getHost()
                + (service.getPort() > 0 ? ":" + service.getPort() : "") : service.toString();
        return Localization.text("io.service", host, detail);
    }

    /** The service's address; null for a source known by its name. */
    public URI service() {
        return service;
    }

    public Problem problem() {
        return problem;
    }
}
