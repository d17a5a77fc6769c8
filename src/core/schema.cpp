#include "schema.hpp"

#include "record_sql.hpp"

namespace wardscope {

namespace {

// The tables without a record of their own: vocabularies and the lists and
// links that hang off plan rows. The record tables are generated from their
// field tables (records.hpp). Plan-owned rows cascade from `plan`, so
// re-importing a plan is a delete + insert. User data (observations from CSV
// or the app, and the user tables of later versions) deliberately has no
// foreign key to plan rows: it must survive re-imports.
const char* const vocabulary_tables_sql = R"sql(
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
)sql";

const char* const plan_list_tables_sql = R"sql(
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
)sql";

const char* const node_link_tables_sql = R"sql(
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
)sql";

const char* const tows_link_tables_sql = R"sql(
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
)sql";

}  // namespace

// The observation table as version 1 made it (version 4 rebuilt it: kpi_tables_v4_sql).
const char* const observation_v1_sql = R"sql(CREATE TABLE observation (
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

// The tables of version 1, in the order version 1 created them: the record
// tables with their version-1 columns (later ones come from their upgrade
// step, so that a new file and an upgraded one hold the same schema text).
std::string schema_sql() {
    auto v1 = [](const auto& t) { return records::create_table_sql(t, 1); };
    return "\n" + v1(records::municipality) + vocabulary_tables_sql + v1(records::plan) + plan_list_tables_sql +
           v1(records::node) + node_link_tables_sql + v1(records::swot_item) + v1(records::tows_strategy) +
           tows_link_tables_sql + v1(records::indicator) + observation_v1_sql;
}

std::string workshop_tables_sql() {
    return "\n" + records::create_table_sql(records::annotation) + records::create_table_sql(records::slide);
}

std::vector<records::AddedColumn> added_columns(int version) {
    std::vector<records::AddedColumn> out;
    records::for_each_table([&](const auto& t) { records::added_columns(t, version, out); });
    return out;
}

// The migration to version 3 as it was written: a migration never changes
// once released. The test "a version 1 database upgraded has the schema of a
// new one" checks that it still matches what workshop_tables_sql() creates.
const char* const workshop_tables_v3_sql = R"sql(
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

// The migration to version 4's KPI part (issue #13 B), frozen once released:
// observations get revisions (as_of, one row per source and as_of) and
// qualitative results (text; value may then be NULL). SQLite cannot change a
// UNIQUE constraint in place, so the table is rebuilt, every row copied with
// its id. A new database takes the same step, so both end with one text.
// The test "the version-4 tables match their field tables" checks it against records.hpp.
const char* const kpi_tables_v4_sql = R"sql(
CREATE TABLE observation_v4 (
  id INTEGER PRIMARY KEY,
  plan_id TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  value REAL,
  source TEXT NOT NULL,
  is_sample INTEGER NOT NULL DEFAULT 0,
  origin TEXT NOT NULL CHECK (origin IN ('plan_file', 'csv', 'user')),
  entered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  as_of TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  UNIQUE (plan_id, indicator_id, fiscal_year, origin, source, as_of),
  CHECK (value IS NOT NULL OR text <> '')
);
INSERT INTO observation_v4 (id, plan_id, indicator_id, fiscal_year, value, source, is_sample, origin, entered_at)
  SELECT id, plan_id, indicator_id, fiscal_year, value, source, is_sample, origin, entered_at FROM observation;
DROP TABLE observation;
ALTER TABLE observation_v4 RENAME TO observation;
CREATE TABLE indicator_target (
  plan_id TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  value REAL,
  text TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, indicator_id, fiscal_year),
  CHECK (value IS NOT NULL OR text <> ''),
  FOREIGN KEY (plan_id, indicator_id) REFERENCES indicator(plan_id, id) ON DELETE CASCADE
);
CREATE TABLE plan_rating (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  rating TEXT NOT NULL,
  PRIMARY KEY (plan_id, ord)
);
CREATE TABLE evaluation (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  node_id TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  rating TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, node_id, fiscal_year)
);
)sql";

std::string kpi_tables_sql() {
    return "\n" + records::create_table_sql(records::indicator_target) + records::create_table_sql(records::evaluation);
}

}  // namespace wardscope
