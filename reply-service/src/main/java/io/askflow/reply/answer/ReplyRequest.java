package io.askflow.reply.answer;

/** The reply to the patient: 20 to 10000 characters, from the reply form or the API. */
record ReplyRequest(@ReplyLength(min = ReplyRequest.MIN, max = ReplyRequest.MAX) String body) {

    static final int MIN = 20;
    static final int MAX = 10000;
}
