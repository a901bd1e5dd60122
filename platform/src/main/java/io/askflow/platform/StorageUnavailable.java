package io.askflow.platform;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached (down, restarting, or no connection free within the pool's timeout): nothing
 * was stored, neither a state change nor its events, and the same request may succeed a little later. The
 * services answer such a request with 503 and {@code Retry-After}, and their forms keep what was typed.
 */
public final class StorageUnavailable {

    /** A user is told to try again after this long; a database restart takes seconds. */
    public static final int RETRY_AFTER_SECONDS = 60;

    /**
     * Whether the failure means the database could not be reached before anything was committed, not that the
     * request was wrong. A connection that broke mid-work fails the work and then its rollback too; a failed
     * commit is not one of these, since the commit may have reached the database.
     */
    public static boolean is(Throwable failure) {
        if (failure instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
            return is(rollback.getApplicationException());
        }
        return failure instanceof CannotCreateTransactionException
                || failure instanceof DataAccessResourceFailureException;
    }

    private StorageUnavailable() {
    }
}
