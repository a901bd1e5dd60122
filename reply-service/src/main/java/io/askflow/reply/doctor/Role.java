package io.askflow.reply.doctor;

/** What a login may do: every doctor works the queue of their specialties; an ADMIN also manages doctors. */
public enum Role {
    DOCTOR, ADMIN
}
