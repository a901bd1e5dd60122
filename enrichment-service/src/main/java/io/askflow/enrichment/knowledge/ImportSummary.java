package io.askflow.enrichment.knowledge;

import java.util.List;

/**
 * What an import did.
 *
 * @param skippedLines the first skipped lines, each as {@code line N: reason}
 */
public record ImportSummary(long read, long imported, long updated, long unchanged, long skipped,
                            List<String> skippedLines, double seconds) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "read %d, imported %d, updated %d, unchanged %d, skipped %d, %.1f seconds", read, imported,
                updated, unchanged, skipped, seconds);
    }
}
