-- Withdrawals by the patient: of the consent to publish, or of the unclaimed question. Kept even when the event
-- arrives before the question or its reply, so that a withdrawn question is never searchable. The question is
-- searchable only while asked_question.consent_to_publish holds and no row here exists.
create table question_withdrawal
(
    question_id           uuid primary key,
    consent_withdrawn_at  timestamptz,
    question_withdrawn_at timestamptz
);
