-- Turns a new (version 4) database back into the schema of version 3, for the
-- tests that make older databases out of a new one. The observation table is
-- version 1's, frozen as released (src/core/schema.cpp: observation_v1_sql).
DROP TABLE indicator_target;
DROP TABLE plan_rating;
DROP TABLE evaluation;
ALTER TABLE indicator DROP COLUMN target_text;
ALTER TABLE indicator DROP COLUMN baseline_text;
ALTER TABLE indicator DROP COLUMN qualitative;
ALTER TABLE indicator DROP COLUMN comparator;
ALTER TABLE observation RENAME TO observation_v4;
CREATE TABLE observation (
  id INTEGER PRIMARY KEY,
  plan_id TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  value REAL NOT NULL,
  source TEXT NOT NULL,
  is_sample INTEGER NOT NULL DEFAULT 0,
  origin TEXT NOT NULL CHECK (origin IN ('plan_file', 'csv', 'user')),
  entered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (plan_id, indicator_id, fiscal_year, origin)
);
INSERT INTO observation SELECT id, plan_id, indicator_id, fiscal_year, value, source, is_sample, origin, entered_at
  FROM observation_v4;
DROP TABLE observation_v4;
