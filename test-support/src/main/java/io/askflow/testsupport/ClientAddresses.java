package io.askflow.testsupport;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Client addresses for tests of what is counted per address (the rate limits, the login throttle): each test is a
 * client of its own, so counts of one never reach another, and none is 127.0.0.1, where the other tests come from.
 */
public final class ClientAddresses {

    /** A random private address (10.x.y.z): two tests drawing the same one is a chance of one in 16 million. */
    public static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** A MockMvc request sent from this address. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private ClientAddresses() {
    }
}
