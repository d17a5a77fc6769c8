-- What schema version 4 added, taken back with every row of the older tables
-- kept: run on a database of the current schema, it leaves one of version 3
-- (then set PRAGMA user_version). The tests of older versions (core and
-- tests/cli/damaged_databases.sh) all start from it (docs/schema.md, "Versions").
-- KPI: targets per year, rating scales, evaluations, indicators' comparator and
-- texts; observation as versions 1-3 created it (src/core/schema.cpp:
-- observation_v1_sql), without as_of and text (a qualitative result, whose value
-- is NULL, has no place in it):
DROP TABLE indicator_target; DROP TABLE plan_rating; DROP TABLE evaluation;
ALTER TABLE indicator DROP COLUMN target_text; ALTER TABLE indicator DROP COLUMN baseline_text;
ALTER TABLE indicator DROP COLUMN qualitative; ALTER TABLE indicator DROP COLUMN comparator;
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
-- Source documents, plan authors, approvals, budgets, pages, SWOT labels:
DROP TABLE source_document; DROP TABLE plan_author; DROP TABLE plan_approval; DROP TABLE budget_line;
ALTER TABLE municipality DROP COLUMN source_page; ALTER TABLE plan DROP COLUMN actual_end_fy;
ALTER TABLE plan DROP COLUMN source_page; ALTER TABLE node DROP COLUMN source_page;
ALTER TABLE swot_item DROP COLUMN label; ALTER TABLE swot_item DROP COLUMN source_page;
ALTER TABLE tows_strategy DROP COLUMN source_page; ALTER TABLE indicator DROP COLUMN source_page;
-- Municipalities' sources, prefecture and reading:
DROP TABLE municipality_source; ALTER TABLE municipality DROP COLUMN prefecture;
ALTER TABLE municipality DROP COLUMN name_kana;
-- Themes' short headings, slides' speaker notes, diff decisions:
ALTER TABLE theme DROP COLUMN short_en; ALTER TABLE theme DROP COLUMN short_ja;
ALTER TABLE slide DROP COLUMN notes; DROP TABLE measure_match;
-- Plan format 2: node as versions 1-3 created it, no declared levels, no cross-listing:
CREATE TABLE node_copy AS SELECT plan_id, id, ord, parent_id, level, label, name, name_en, description, is_new,
  source_file, source_section, source_url FROM node;
DROP TABLE node_also_under;
DROP TABLE plan_level;
DROP TABLE node;
CREATE TABLE node (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  parent_id TEXT,
  level TEXT NOT NULL CHECK (level IN ('pillar', 'strategy', 'policy', 'measure')),
  label TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  is_new INTEGER NOT NULL DEFAULT 0,
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, id)
);
CREATE INDEX node_by_parent ON node (plan_id, parent_id);
INSERT INTO node SELECT * FROM node_copy;
DROP TABLE node_copy;
ALTER TABLE plan DROP COLUMN measure_level;
