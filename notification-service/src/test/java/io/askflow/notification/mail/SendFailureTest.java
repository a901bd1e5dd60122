package io.askflow.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** The exceptions Jakarta Mail throws for each SMTP outcome, classified. */
class SendFailureTest {

    @Test
    void aRejectedRecipientIsPermanentAndItsAddressIsMasked() throws Exception {
        var address = new InternetAddress("mei.lin@example.org");
        var rejected = new SMTPAddressFailedException(address, "RCPT TO:<mei.lin@example.org>", 550,
                "550 5.1.1 <mei.lin@example.org>: Recipient address rejected");
        var failure = SendFailure.of(new SendFailedException("Invalid Addresses", rejected, new Address[0],
                new Address[0], new Address[] {address}));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.smtpResponse()).isEqualTo("550 5.1.1 <m***@example.org>: Recipient address rejected");
        assertThat(failure.error()).doesNotContain("mei.lin@");
    }

    @Test
    void aTemporaryRefusalIsRetried() {
        var busy = new SMTPSendFailedException("DATA", 451, "451 4.3.0 Try again later", null, null, null, null);
        assertThat(SendFailure.of(busy).permanent()).isFalse();
        assertThat(SendFailure.of(busy).smtpResponse()).isEqualTo("451 4.3.0 Try again later");
    }

    @Test
    void aMessageRefusedWithA5xxIsPermanent() {
        var refused = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message rejected", null, null, null, null);
        assertThat(SendFailure.of(refused).permanent()).isTrue();
    }

    @Test
    void anUnreachableServerIsRetried() {
        var down = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
        assertThat(SendFailure.of(down).permanent()).isFalse();
        assertThat(SendFailure.of(down).smtpResponse()).isNull();
    }

    @Test
    void anAddressThatIsNoAddressIsPermanent() {
        var failure = SendFailure.of(new AddressException("Missing final '@domain'", "mei at example dot org"));
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.error()).doesNotContain("example dot org");
    }
}
