package fr.bassinminier.atlas.io;

/**
 * A network service or tile source failed. The message is French and meant for the user: it
 * names the source and the problem ("Fond de plan « Plan IGN » : le serveur ne répond pas").
 */
public class ServiceException extends Exception {
    public enum Problem { UNREACHABLE, TIMEOUT, HTTP_ERROR, NOT_FOUND, CORRUPT, UNSUPPORTED, IO }

    private final Problem problem;

    public ServiceException(String source, Problem problem, String detail) {
        this(source, problem, detail, null);
    }

    public ServiceException(String source, Problem problem, String detail, Throwable cause) {
        super(source + " : " + detail, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
