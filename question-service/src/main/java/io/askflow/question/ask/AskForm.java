package io.askflow.question.ask;

import io.askflow.events.AgeRange;
import io.askflow.events.Gender;
import io.askflow.events.Specialty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What a patient sends, from the HTML form or as JSON ({@code POST /api/questions}); the field names are the
 * JSON API's. Both bind their values the same way (the formatters in {@code config.WebConfiguration} read an age
 * range, a gender and a specialty as the page writes them; a value they cannot read is an error of its field), and
 * the constraints below hold for both. Text is kept as typed, so a refused form shows it again unchanged.
 */
public class AskForm {

    /** The fields a patient may send; anything else is ignored. */
    static final String[] FIELDS =
            {"nickname", "email", "ageRange", "gender", "specialty", "title", "body", "consentToPublish", "website"};
    static final int NICKNAME_MAX = 40;
    static final int TITLE_MIN = 5;
    static final int TITLE_MAX = 150;
    static final int BODY_MIN = 20;
    static final int BODY_MAX = 5000;

    @Text(min = 1, max = NICKNAME_MAX)
    private String nickname;

    @MailAddress
    private String email;

    @NotNull(message = "is required")
    @Schema(type = "string", description = "As on the page: under 10, 10~19 … 70~79, 80+", example = "30~39")
    private AgeRange ageRange;

    @NotNull(message = "is required")
    @Schema(type = "string", description = "female, male or other, any case", example = "female")
    private Gender gender;

    @Schema(type = "string", description = "A specialty's name or slug; absent: let routing decide",
            example = "neurology")
    private Specialty specialty;

    @Text(min = TITLE_MIN, max = TITLE_MAX)
    private String title;

    @Text(min = BODY_MIN, max = BODY_MAX)
    private String body;

    private Boolean consentToPublish;

    /**
     * The honeypot: people never see it, form-filling bots fill it, and a filled one is refused like any bad field
     * (400, nothing stored): a person whose browser filled it by mistake reads why and simply sends again.
     */
    @Pattern(regexp = "\\p{javaWhitespace}*", message = "must be left empty")
    private String website;

    public String getNickname() {
        return nickname;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public AgeRange getAgeRange() {
        return ageRange;
    }

    public void setAgeRange(AgeRange ageRange) {
        this.ageRange = ageRange;
    }

    public Gender getGender() {
        return gender;
    }

    public void setGender(Gender gender) {
        this.gender = gender;
    }

    /** {@code null}: let routing decide. */
    public Specialty getSpecialty() {
        return specialty;
    }

    public void setSpecialty(Specialty specialty) {
        this.specialty = specialty;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    /** Whether the answered question may be published without the email; absent means no. */
    public Boolean getConsentToPublish() {
        return consentToPublish;
    }

    public void setConsentToPublish(Boolean consentToPublish) {
        this.consentToPublish = consentToPublish;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    /** Keeps the address out of logs and exception messages. */
    @Override
    public String toString() {
        return "AskForm[title=" + title + "]";
    }
}
