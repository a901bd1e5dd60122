package io.askflow.question;

import java.util.regex.Pattern;

/** What a mail server can be given: one @, something before it, a dotted domain after it, no spaces. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private static final Pattern SYNTAX = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    /** The address must be stripped already. */
    public static boolean isValid(String address) {
        return address != null && address.length() <= MAX_LENGTH && SYNTAX.matcher(address).matches();
    }

    private EmailAddress() {
    }
}
