create table question_note (question_id uuid primary key, note text not null);
