package fr.bassinminier.atlas.io;

import java.net.URI;

/**
 * An online service (WFS, API Carto) could not answer. The message is French and meant for the
 * user: it names the service (its host) and the problem, never a Java class. The {@link Problem}
 * lets callers tell an unreachable service (worth saying "non consulté") from a refusal.
 */
public class ServiceException extends Exception {
    public enum Problem {
        UNREACHABLE, TIMEOUT, HTTP_ERROR, SERVICE_ERROR, BAD_RESPONSE, TOO_LARGE, NOT_FOUND, OFFLINE
    }

    private final transient URI service;
    private final Problem problem;

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
        return "Service « " + host + " » : " + detail;
    }

    public URI service() {
        return service;
    }

    public Problem problem() {
        return problem;
    }
}
