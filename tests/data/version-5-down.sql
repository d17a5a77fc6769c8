-- What schema version 5 added, taken back with every row of the older tables
-- kept: run on a database of the current schema, it leaves one of version 4
-- (then set PRAGMA user_version). tests/data/version-4-down.sql follows it for
-- older versions (tests/core/database_helpers.hpp, tests/cli/damaged_databases.sh).
-- A user's groups of municipalities (issue #16):
DROP TABLE municipality_group;
-- Plan statements (brand statement, focus-field qualifier …):
DROP TABLE plan_statement;
-- SWOT items without a quadrant: swot_item as versions 1-4 had it (quadrant NOT NULL; version 4's columns added as
-- version 4 adds them):
CREATE TABLE swot_copy AS SELECT plan_id, id, ord, quadrant, text, text_en, source_file, source_section, source_url, label,
  source_page FROM swot_item;
DROP TABLE swot_item;
CREATE TABLE swot_item (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  quadrant TEXT NOT NULL CHECK (quadrant IN ('strength', 'weakness', 'opportunity', 'threat')),
  text TEXT NOT NULL,
  text_en TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, id)
);
ALTER TABLE swot_item ADD COLUMN label TEXT NOT NULL DEFAULT '';
ALTER TABLE swot_item ADD COLUMN source_page TEXT NOT NULL DEFAULT '';
INSERT INTO swot_item SELECT * FROM swot_copy;
DROP TABLE swot_copy;
