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

// The node table as versions 1 to 3 created it (version 4 rebuilds it: levels
// a plan declares, unknown names). Frozen: databases of those versions hold it.
const char* const node_table_v1_sql = R"sql(CREATE TABLE node (
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
)sql";

// The columns of node in versions 1 to 3, copied by the version-4 rebuild.
const char* const node_v1_columns =
    "plan_id, id, ord, parent_id, level, label, name, name_en, description, is_new, source_file, source_section, source_url";

const char* const node_also_under_sql = R"sql(
CREATE TABLE node_also_under (
  plan_id TEXT NOT NULL,
  node_id TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  PRIMARY KEY (plan_id, node_id, parent_id),
  FOREIGN KEY (plan_id, node_id) REFERENCES node(plan_id, id) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, parent_id) REFERENCES node(plan_id, id) ON DELETE CASCADE
);
)sql";

}  // namespace

// The tables of version 1, in the order version 1 created them.
std::string schema_sql() {
    using records::create_table_sql;
    return "\n" + create_table_sql(records::municipality, 1) + vocabulary_tables_sql + create_table_sql(records::plan, 1) +
           plan_list_tables_sql + node_table_v1_sql + node_link_tables_sql +
           create_table_sql(records::swot_item, 1) + create_table_sql(records::tows_strategy, 1) + tows_link_tables_sql +
           create_table_sql(records::indicator, 1) + create_table_sql(records::observation, 1);
}

std::string workshop_tables_sql() {
    return "\n" + records::create_table_sql(records::annotation) + records::create_table_sql(records::slide);
}

std::string plan_format2_v4_sql() {
    // node rebuilt without the four-level CHECK and with a nullable name; the
    // caller runs this with foreign keys off (SQLite's "12 steps" for changing
    // a table), so the rows of node_theme, node_actor, tows_node stay.
    std::string out = "\nCREATE TEMP TABLE node_v3 AS SELECT " + std::string(node_v1_columns) + " FROM node;\n";
    out += "DROP TABLE node;\n" + records::create_table_sql(records::node);
    out += std::string("INSERT INTO node (") + node_v1_columns + ") SELECT " + node_v1_columns + " FROM temp.node_v3;\n";
    out += "DROP TABLE temp.node_v3;\n";
    out += records::create_table_sql(records::plan_level);
    out += node_also_under_sql;
    // Plans stored before version 4 have the format-1 levels.
    for (std::size_t i = 0; i < default_plan_levels().size(); ++i) {
        const PlanLevel& l = default_plan_levels()[i];
        out += "INSERT INTO plan_level (plan_id, ord, id, name, name_en) SELECT id, " + std::to_string(i) + ", '" + l.id +
               "', '" + l.name + "', '" + l.name_en + "' FROM plan;\n";
    }
    return out;
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

}  // namespace wardscope
