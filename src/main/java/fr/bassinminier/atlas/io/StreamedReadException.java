package fr.bassinminier.atlas.io;

/**
 * A file that failed while being read as it is drawn (a layer streamed from its file): unchecked
 * because it surfaces inside a render, carrying the French message of the {@link DataException}.
 */
public final class StreamedReadException extends RuntimeException {
    private final DataException problem;

    public StreamedReadException(DataException problem) {
        super(problem.getMessage(), problem);
        this.problem = problem;
    }

    public DataException problem() {
        return problem;
    }
}
