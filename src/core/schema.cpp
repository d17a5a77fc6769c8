#include "schema.hpp"

namespace wardscope {

// The tables of version 1. Plan-owned rows cascade from `plan`, so re-importing a plan is a
// delete + insert. User data (observations from CSV or the app, and the user
// tables of later versions) deliberately has no foreign key to plan rows: it
// must survive re-imports.
const char* const schema_sql = R"sql(
CREATE TABLE municipality (
  id TEXT PRIMARY KEY,
  name_ja TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  code TEXT,
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT ''
);
CREATE TABLE theme (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL,
  label_ja TEXT NOT NULL,
  label_en TEXT NOT NULL
);
CREATE TABLE theme_keyword (
  theme_id TEXT NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  keyword TEXT NOT NULL,
  PRIMARY KEY (theme_id, ord)
);
CREATE TABLE actor (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL,
  label_ja TEXT NOT NULL,
  label_en TEXT NOT NULL
);
CREATE TABLE plan (
  id TEXT PRIMARY KEY,
  municipality_id TEXT NOT NULL REFERENCES municipality(id),
  title TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  status TEXT,
  approved_by TEXT NOT NULL DEFAULT '',
  start_fy INTEGER,
  end_fy INTEGER,
  period_as_written TEXT NOT NULL DEFAULT '',
  vision TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  is_synthetic INTEGER NOT NULL DEFAULT 0,
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT ''
);
CREATE TABLE plan_viewpoint (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (plan_id, ord)
);
CREATE TABLE plan_focus_field (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (plan_id, ord)
);
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
CREATE TABLE node_theme (
  plan_id TEXT NOT NULL,
  node_id TEXT NOT NULL,
  theme_id TEXT NOT NULL REFERENCES theme(id),
  origin TEXT NOT NULL CHECK (origin IN ('hand', 'rule')),
  ord INTEGER NOT NULL,
  PRIMARY KEY (plan_id, node_id, theme_id),
  FOREIGN KEY (plan_id, node_id) REFERENCES node(plan_id, id) ON DELETE CASCADE
);
CREATE INDEX node_theme_by_theme ON node_theme (theme_id);
CREATE TABLE node_actor (
  plan_id TEXT NOT NULL,
  node_id TEXT NOT NULL,
  actor_id TEXT NOT NULL REFERENCES actor(id),
  ord INTEGER NOT NULL,
  PRIMARY KEY (plan_id, node_id, actor_id),
  FOREIGN KEY (plan_id, node_id) REFERENCES node(plan_id, id) ON DELETE CASCADE
);
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
CREATE TABLE tows_strategy (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('SO', 'ST', 'WO', 'WT')),
  text TEXT NOT NULL,
  text_en TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, id)
);
CREATE TABLE tows_swot (
  plan_id TEXT NOT NULL,
  tows_id TEXT NOT NULL,
  swot_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  PRIMARY KEY (plan_id, tows_id, swot_id),
  FOREIGN KEY (plan_id, tows_id) REFERENCES tows_strategy(plan_id, id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, swot_id) REFERENCES swot_item(plan_id, id) ON DELETE CASCADE
);
CREATE TABLE tows_node (
  plan_id TEXT NOT NULL,
  tows_id TEXT NOT NULL,
  node_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  PRIMARY KEY (plan_id, tows_id, node_id),
  FOREIGN KEY (plan_id, tows_id) REFERENCES tows_strategy(plan_id, id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, node_id) REFERENCES node(plan_id, id) ON DELETE CASCADE
);
CREATE TABLE indicator (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
  node_id TEXT,
  baseline_value REAL,
  baseline_fy INTEGER,
  baseline_note TEXT NOT NULL DEFAULT '',
  target_value REAL,
  target_fy INTEGER,
  target_note TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, id)
);
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
)sql";

// Version 3: workshop data (notes and votes, slides). No foreign keys to the
// plan tables, like observations: they survive re-imports of the plans.
const char* const workshop_tables_sql = R"sql(
CREATE TABLE annotation (
  id INTEGER PRIMARY KEY,
  plan_id TEXT NOT NULL,
  item_kind TEXT NOT NULL CHECK (item_kind IN ('swot', 'tows', 'node')),
  item_id TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  vote INTEGER CHECK (vote IS NULL OR vote BETWEEN 1 AND 5),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (plan_id, item_kind, item_id),
  CHECK (note <> '' OR vote IS NOT NULL)
);
CREATE TABLE slide (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  state TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
)sql";

}  // namespace wardscope
