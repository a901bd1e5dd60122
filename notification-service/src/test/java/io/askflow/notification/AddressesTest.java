package io.askflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void masksAllButTheFirstLetterAndTheDomain() {
        assertThat(Addresses.mask("mei.lin@example.org")).isEqualTo("m***@example.org");
        assertThat(Addresses.mask("not an address")).isEqualTo("***");
    }

    @Test
    void masksEveryAddressInsideAText() {
        assertThat(Addresses.maskAll("550 5.1.1 <mei.lin@example.org>: user unknown, also bob@mail.example.com"))
                .isEqualTo("550 5.1.1 <m***@example.org>: user unknown, also b***@mail.example.com");
    }
}
