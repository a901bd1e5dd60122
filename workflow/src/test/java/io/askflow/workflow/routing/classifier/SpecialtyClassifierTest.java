package io.askflow.workflow.routing.classifier;

import io.askflow.events.Specialty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecialtyClassifierTest {

    private static final double THRESHOLD = SpecialtyClassifierEvaluationTest.THRESHOLD;

    private final SpecialtyClassifier classifier = SpecialtyClassifier.fromClasspath();

    @Test
    void suddenFacialDroopGoesToNeurologyWithConfidence() {
        Suggestion suggestion = classifier.suggest("Sudden facial droop",
                "My mother's face started drooping on the right side an hour ago and she can't lift her arm.");

        assertThat(suggestion.specialty()).isEqualTo(Specialty.NEUROLOGY);
        assertThat(suggestion.passes(THRESHOLD)).isTrue();
    }

    @Test
    void questionAboutAMedicineOnlyGoesToPharmacy() {
        Suggestion suggestion = classifier.suggest("Ibuprofen with my blood pressure pills?",
                "Can I take ibuprofen 400 mg while on amlodipine, or should I wait a few hours?");

        assertThat(suggestion.specialty()).isEqualTo(Specialty.PHARMACY);
        assertThat(suggestion.passes(THRESHOLD)).isTrue();
    }

    @Test
    void aDiseaseQuestionThatNamesItsMedicineStaysWithTheDisease() {
        Suggestion suggestion = classifier.suggest("Blood pressure high at night",
                "My blood pressure goes up at night although I take amlodipine, why?");

        assertThat(suggestion.specialty()).isEqualTo(Specialty.CARDIOLOGY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "asdf qwer zxcv", "hello, I have a question", "!!! ??? 123"})
    void emptyOrMeaninglessTextGoesToTriageWithNoConfidence(String text) {
        Suggestion suggestion = classifier.suggest(text, text);

        assertThat(suggestion.specialty()).isEqualTo(Specialty.GENERAL_MEDICINE);
        assertThat(suggestion.confidence()).isZero();
        assertThat(suggestion.passes(THRESHOLD)).isFalse();
    }

    @Test
    void nullTitleAndBodyAreTreatedAsEmpty() {
        assertThat(classifier.suggest(null, null)).isEqualTo(new Suggestion(Specialty.GENERAL_MEDICINE, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"🤒🤒🤒", "😀 help 🙏", "مرحبا دكتور", "Здравствуйте, доктор", "\u0000\uFFFF\uD83D", "ｆｕｌｌ　ｗｉｄｔｈ"})
    void anyScriptIsReadWithoutFailing(String text) {
        Suggestion suggestion = classifier.suggest(text, text + " " + text);

        assertThat(suggestion.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void chineseTermsMatchInsideChineseText() {
        Suggestion suggestion = classifier.suggest("牙齒痛", "我的牙齒很痛，晚上睡不著 😭");

        assertThat(suggestion.specialty()).isEqualTo(Specialty.DENTISTRY);
    }

    @Test
    void accentsAndFullWidthLettersAreFolded() {
        assertThat(classifier.suggest("Dolor de ESTÓMAGO", "").specialty())
                .isEqualTo(Specialty.GASTROENTEROLOGY_HEPATOLOGY);
        assertThat(classifier.suggest("ｇｌａｕｃｏｍａ", "").specialty()).isEqualTo(Specialty.OPHTHALMOLOGY);
    }

    @Test
    void pluralsAndVerbFormsMeetTheirTerm() {
        SpecialtyClassifier small = classifier("[Dermatology]\nrash 3\n[Dentistry]\ngums bleed 3\n");

        assertThat(small.suggest("", "Rashes on both arms").specialty()).isEqualTo(Specialty.DERMATOLOGY);
        assertThat(small.suggest("", "gums bleeding every morning").specialty()).isEqualTo(Specialty.DENTISTRY);
        assertThat(small.suggest("", "bleeding gums").specialty()).isEqualTo(Specialty.GENERAL_MEDICINE);
    }

    @Test
    void theTitleCountsMoreThanTheBody() {
        SpecialtyClassifier small = classifier("[Dermatology]\nrash 2\n[Chest Medicine]\ncough 2\n");

        assertThat(small.suggest("Rash", "and a cough").specialty()).isEqualTo(Specialty.DERMATOLOGY);
        assertThat(small.suggest("Cough", "and a rash").specialty()).isEqualTo(Specialty.CHEST_MEDICINE);
    }

    @Test
    void negationDoesNotChangeTheScore() {
        SpecialtyClassifier small = classifier("[Internal Medicine]\nfever 2\n");

        assertThat(small.suggest("", "no fever")).isEqualTo(small.suggest("", "fever"));
    }

    @Test
    void moreAgreeingEvidenceRaisesConfidenceAndASplitVoteLowersIt() {
        SpecialtyClassifier small = classifier("[Neurology]\nstroke 3\nslurred speech 3\n[Cardiology]\nheart 3\n");

        double one = small.suggest("", "stroke").confidence();
        double two = small.suggest("", "stroke with slurred speech").confidence();
        double split = small.suggest("", "stroke and heart").confidence();

        assertThat(two).isGreaterThan(one).isLessThan(1);
        assertThat(split).isLessThan(one);
    }

    @Test
    void prefixTermsMatchWordsThatBeginSo() {
        SpecialtyClassifier small = classifier("[Cardiology]\ncardio* 3\n");

        assertThat(small.suggest("", "Should I see a cardiologist?").specialty()).isEqualTo(Specialty.CARDIOLOGY);
        assertThat(small.suggest("", "card games").specialty()).isEqualTo(Specialty.GENERAL_MEDICINE);
    }

    @Test
    void specialtiesAreNamedAsCliniciansWriteThem() {
        SpecialtyClassifier small = classifier("""
                # comment
                [Gastroenterology & Hepatology]   # display name
                liver 3
                [obstetrics-gynecology]            # slug
                pregnant 3
                """);

        assertThat(small.suggest("", "my liver").specialty()).isEqualTo(Specialty.GASTROENTEROLOGY_HEPATOLOGY);
        assertThat(small.suggest("", "I am pregnant").specialty()).isEqualTo(Specialty.OBSTETRICS_GYNECOLOGY);
    }

    @Test
    void aBrokenKeywordFileIsRefusedWithItsLine() {
        assertThatThrownBy(() -> classifier("[Cardiology]\nheart 2\n[Cardiologgy]\nvalve 2\n"))
                .hasMessageContaining("line 3").hasMessageContaining("unknown specialty");
        assertThatThrownBy(() -> classifier("heart 2\n"))
                .hasMessageContaining("line 1").hasMessageContaining("before the first [Specialty]");
        assertThatThrownBy(() -> classifier("[Cardiology]\nheart\n"))
                .hasMessageContaining("line 2").hasMessageContaining("term weight");
        assertThatThrownBy(() -> classifier("[Cardiology]\nheart 0\n"))
                .hasMessageContaining("line 2").hasMessageContaining("positive");
        assertThatThrownBy(() -> classifier("[Chest Medicine]\nlung 2\nlungs 3\n"))
                .hasMessageContaining("line 3").hasMessageContaining("repeats");
        assertThatThrownBy(() -> classifier("[Cardiology]\nca* 2\n"))
                .hasMessageContaining("line 2").hasMessageContaining("3 or more letters");
        assertThatThrownBy(() -> classifier("# only a comment\n"))
                .hasMessageContaining("no terms");
    }

    private static SpecialtyClassifier classifier(String keywords) {
        return SpecialtyClassifier.read(new StringReader(keywords), "test");
    }
}
