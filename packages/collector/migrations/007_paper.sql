-- The paper channel and prefilled answers (docs/collector.md, "Paper channel and prefilled answers"):
-- how a session's answers came in (`online`, or `paper` typed in by a mediator, with the date written
-- on the form, YYYY-MM-DD), and the questions whose answer was prefilled by the structure and kept.

ALTER TABLE sessions ADD COLUMN channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'paper'));
ALTER TABLE sessions ADD COLUMN paper_date text CHECK (paper_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
ALTER TABLE sessions ADD CONSTRAINT sessions_paper_date CHECK ((channel = 'paper') = (paper_date IS NOT NULL));

ALTER TABLE questionnaires ADD COLUMN prefilled jsonb NOT NULL DEFAULT '[]';
