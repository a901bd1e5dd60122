package io.askflow.question.archive;

import io.askflow.question.Question;
import io.askflow.question.ratelimit.RateLimiter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive's search, counted per client ({@code askflow.rate-limit.search-per-minute}): a search reads more of
 * the database than any other public page, so one client cannot keep it busy. Throws
 * {@link io.askflow.question.ratelimit.RateLimited} past the limit, before searching.
 */
@Service
class ArchiveSearch {

    private final ArchiveRepository archive;
    private final RateLimiter rateLimiter;

    ArchiveSearch(ArchiveRepository archive, RateLimiter rateLimiter) {
        this.archive = archive;
        this.rateLimiter = rateLimiter;
    }

    @Transactional
    List<Question> search(String words, int limit, String client) {
        rateLimiter.count(RateLimiter.Action.SEARCH, client);
        return archive.search(words, limit);
    }
}
