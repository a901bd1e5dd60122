package io.askflow.question.ask;

/**
 * What a patient sends, from the HTML form or as JSON ({@code POST /api/questions}); the field names are the
 * JSON API's. Values stay as typed until {@link AskFormValidator} has checked them.
 */
public class AskForm {

    private String nickname;
    private String email;
    private String ageRange;
    private String gender;
    private String specialty;
    private String title;
    private String body;
    private Boolean consentToPublish;
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

    /** As on the page: {@code under 10}, {@code 10~19} … {@code 80+}. */
    public String getAgeRange() {
        return ageRange;
    }

    public void setAgeRange(String ageRange) {
        this.ageRange = ageRange;
    }

    /** {@code female}, {@code male} or {@code other}, any case. */
    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    /** A specialty's name or slug; empty: let routing decide. */
    public String getSpecialty() {
        return specialty;
    }

    public void setSpecialty(String specialty) {
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

    /** The honeypot: hidden from people, so it must stay empty (see {@link AskFormValidator}). */
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
