-- The dated steps of each question's life, as the process reached them (also published as question.progressed).
create table question_step
(
    id          bigint generated always as identity primary key,
    question_id uuid        not null,
    step        text        not null,
    at          timestamptz not null,
    detail      text
);
-- the timeline is read in the order the process reached the steps
create index question_step_by_question on question_step (question_id, id);
-- Camunda does not enforce unique business keys: one question starts one process, even if two starts race
create unique index question_step_asked_once on question_step (question_id) where step = 'ASKED';
