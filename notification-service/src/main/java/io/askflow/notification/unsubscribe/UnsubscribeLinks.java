package io.askflow.notification.unsubscribe;

import io.askflow.notification.mail.MailSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs and checks unsubscribe links. A token is {@code <questionId>.<HMAC-SHA256 over the question id and a hash
 * of the address the mail went to>}: it cannot be made up for another question, and it carries no address.
 */
@Component
public class UnsubscribeLinks {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final String baseUrl;

    UnsubscribeLinks(MailSettings settings) {
        byte[] secret;
        if (settings.unsubscribeSecret() == null || settings.unsubscribeSecret().isBlank()) {
            log.warn("askflow.mail.unsubscribe-secret is blank: unsubscribe links are signed with a random key that "
                    + "lasts until this instance stops and that other instances do not know; set one in production");
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = settings.unsubscribeSecret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, HMAC);
        this.baseUrl = settings.publicUrl() + "/unsubscribe?token=";
    }

    /** The link in an optional mail about this question to this address. */
    public String urlFor(UUID questionId, String address) {
        return baseUrl + token(questionId, address);
    }

    String token(UUID questionId, String address) {
        return questionId + "." + BASE64.encodeToString(signature(questionId, address));
    }

    /** The question a token names, if it is shaped like a token at all (its signature is not checked here). */
    static Optional<UUID> questionOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            return dot == 36 ? Optional.of(UUID.fromString(token.substring(0, dot))) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /** Whether the token was signed by this service for its question and this address. */
    boolean valid(String token, String address) {
        Optional<UUID> questionId = questionOf(token);
        if (questionId.isEmpty() || address == null) {
            return false;
        }
        byte[] expected = token(questionId.get(), address).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    /** A hash of the address as written in any case: the key of an unsubscribe, so no table needs the address. */
    static String addressHash(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private byte[] signature(UUID questionId, String address) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(("unsubscribe:" + questionId + ":" + addressHash(address))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
