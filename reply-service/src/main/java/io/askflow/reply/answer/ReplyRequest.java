package io.askflow.reply.answer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reply to the patient: 20 to 10000 characters. */
record ReplyRequest(@NotBlank @Size(min = ReplyRequest.MIN, max = ReplyRequest.MAX) String body) {

    static final int MIN = 20;
    static final int MAX = 10000;
}
