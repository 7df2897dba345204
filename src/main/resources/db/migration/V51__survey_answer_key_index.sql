-- issue 10 (found by the fuzzing test, a night of 1,000 files): activating a survey asks, for every active answer of
-- other submissions, whether this submission has the same region, unit and period. Without an index on that key
-- the question read the submission's whole answers each time, so a night with many survey files slowed to minutes.
create index survey_answer_key on survey_answer (submission_id, region_code, unit_key, period_code);
