package io.askflow.enrichment.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeRecordTest {

    @Test
    void keepsAWebAddress() {
        assertThat(withUrl(" https://medlineplus.gov/ency/article/000715.htm ").url())
                .isEqualTo("https://medlineplus.gov/ency/article/000715.htm");
        assertThat(withUrl("HTTP://www.cdc.gov/flu/").url()).isEqualTo("HTTP://www.cdc.gov/flu/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(document.cookie)", "JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "ftp://files.example.org/a",
            "//evil.example.org/page", "/relative/page", "https:/no-host", "not a url", " "})
    void dropsAnythingThatIsNotAnHttpAddress(String url) {
        assertThat(withUrl(url).url()).isNull();
    }

    private static KnowledgeRecord withUrl(String url) {
        return new KnowledgeRecord("CDC_0001_Sec1", "CDC", url, "Flu", List.of(), null, null, List.of(), "information",
                "What is the flu?", "Influenza is a contagious respiratory illness.");
    }
}
