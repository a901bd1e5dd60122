package io.askflow.devstack.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The base URLs of the running instances of one service. Calls go to them in turn; a call whose connection is
 * refused (the instance is gone, e.g. killed mid-bench) goes to the next, since it never reached the service.
 */
final class Instances {

    /** A request to one instance. */
    @FunctionalInterface
    interface Call<T> {
        T on(URI base) throws IOException, InterruptedException;
    }

    private final List<URI> bases;
    private final AtomicInteger next = new AtomicInteger();

    Instances(List<URI> bases) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no instance");
        }
        this.bases = List.copyOf(bases);
    }

    int size() {
        return bases.size();
    }

    /** The {@code i}-th instance, counting round: to give a doctor's desk an instance of its own. */
    URI get(int i) {
        return bases.get(Math.floorMod(i, bases.size()));
    }

    /** The next instance in turn. */
    URI next() {
        return get(next.getAndIncrement());
    }

    /** The call on the next instance, and on the ones after it while connections are refused. */
    <T> T call(Call<T> call) throws IOException, InterruptedException {
        IOException refused = null;
        for (int tried = 0; tried < bases.size(); tried++) {
            try {
                return call.on(next());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                refused = e;
            }
        }
        throw refused;
    }

    /** Whether the request cannot have reached the service: no connection was made. */
    static boolean notDelivered(IOException e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
    }

    @Override
    public String toString() {
        return bases.toString();
    }
}
