package io.askflow.notification.mail;

/**
 * Who one mail goes to.
 *
 * @param key      {@code patient}, or the doctor's id: one mail per recipient of a request
 * @param address  the email address; never logged
 * @param name     the name to greet and to put in the To header (the patient's nickname, the doctor's name)
 * @param language the language tag the mail is written for
 */
public record Recipient(String key, String address, String name, String language) {

    @Override
    public String toString() {
        return "Recipient[key=" + key + "]";
    }
}
