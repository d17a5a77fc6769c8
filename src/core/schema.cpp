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

// The tables of version 1, in the order version 1 created them.
std::string schema_sql() {
    using records::create_table_sql;
    return "\n" + create_table_sql(records::municipality) + vocabulary_tables_sql + create_table_sql(records::plan) +
           plan_list_tables_sql + create_table_sql(records::node) + node_link_tables_sql +
           create_table_sql(records::swot_item) + create_table_sql(records::tows_strategy) + tows_link_tables_sql +
           create_table_sql(records::indicator) + create_table_sql(records::observation);
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

// Version 4: every source that described a municipality (they accumulate;
// the row's own source columns keep the first). Those of older databases
// start with the one source their row held.
const char* const municipality_sources_v4_sql = R"sql(
CREATE TABLE municipality_source (
  municipality_id TEXT NOT NULL REFERENCES municipality(id) ON DELETE CASCADE,
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  UNIQUE (municipality_id, source_file, source_section, source_url)
);
INSERT INTO municipality_source (municipality_id, source_file, source_section, source_url)
  SELECT id, source_file, source_section, source_url FROM municipality WHERE source_file <> '' OR source_url <> '';
)sql";

}  // namespace wardscope
