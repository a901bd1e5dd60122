package io.askflow.platform;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * The logging context key under which every service logs the question a line is about, so that one question can be
 * followed through all logs by {@code questionId=…} (the services' log patterns print {@code %X{questionId}}).
 */
public final class QuestionLog {

    public static final String KEY = "questionId";

    private QuestionLog() {
    }

    /** Names the question in every line logged on this thread until the returned handle is closed. */
    public static MDC.MDCCloseable about(UUID questionId) {
        return MDC.putCloseable(KEY, questionId.toString());
    }
}
