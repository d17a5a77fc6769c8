#include "schema.hpp"

#include "record_sql.hpp"

namespace wardscope {

// The tables of version 1, from their field tables (records.hpp), in the
// order version 1 created them. Plan-owned rows cascade from `plan`, so
// re-importing a plan is a delete + insert. User data (observations from CSV
// or the app, and the user tables of later versions) deliberately has no
// foreign key to plan rows: it must survive re-imports.
namespace {

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

// The observation table as versions 1 to 3 created it (version 4 rebuilds it:
// kpi_tables_v4_sql). Frozen: databases of those versions hold it.
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

// swot_item as versions 1 to 4 created it (version 5 rebuilds it: an item
// need not be mapped to a quadrant). Frozen: databases of those versions hold it.
const char* const swot_item_v1_sql = R"sql(CREATE TABLE swot_item (
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
)sql";

}  // namespace

std::string schema_sql() {
    std::string out = "\n";
    // Up to version 1: the columns later versions add come from their upgrade.
    auto add = [&](const auto&... tables) { ((out += records::create_table_sql(tables)), ...); };
    using namespace records;
    add(municipality, theme, theme_keyword, actor, plan, plan_viewpoint, plan_focus_field);
    out += node_table_v1_sql;
    add(node_theme, node_actor);
    out += swot_item_v1_sql;
    add(tows_strategy, tows_swot, tows_node, indicator);
    out += observation_v1_sql;
    return out;
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
    out += records::create_table_sql(records::node_also_under);
    // Plans stored before version 4 have the format-1 levels.
    for (std::size_t i = 0; i < default_plan_levels().size(); ++i) {
        const PlanLevel& l = default_plan_levels()[i];
        out += "INSERT INTO plan_level (plan_id, ord, id, name, name_en) SELECT id, " + std::to_string(i) + ", '" + l.id +
               "', '" + l.name + "', '" + l.name_en + "' FROM plan;\n";
    }
    return out;
}

std::string version_4_sql() { return match_tables_v4_sql + plan_format2_v4_sql(); }

std::vector<records::AddedColumn> added_columns(int version) {
    std::vector<records::AddedColumn> out;
    records::for_each_table([&](const auto& t) { records::added_columns(t, version, out); });
    return out;
}

// The migration to version 3 as it was written: a migration never changes
// once released. records_test checks that a database upgraded from version 1
// has the schema of a new one (whose tables come from the field tables).
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

// The migration to version 4 as released: the generation diff's decisions.
// records_test checks that an upgraded database has the schema of a new one.
const char* const match_tables_v4_sql = R"sql(
CREATE TABLE measure_match (
  id INTEGER PRIMARY KEY,
  plan_a TEXT NOT NULL,
  item_a TEXT NOT NULL,
  plan_b TEXT NOT NULL,
  item_b TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('match', 'no_match')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (plan_a, item_a, plan_b, item_b),
  CHECK (plan_a <> plan_b)
);
)sql";

// The migration to version 4, second part: source documents as records
// (records::source_document), a plan's authors, approvals (records::approval)
// and budget lines (records::budget_line).
const char* const source_tables_v4_sql = R"sql(
CREATE TABLE source_document (
  file TEXT PRIMARY KEY,
  ord INTEGER NOT NULL,
  title TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  publisher TEXT NOT NULL DEFAULT '',
  published TEXT,
  url TEXT NOT NULL DEFAULT ''
);
CREATE TABLE plan_author (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (plan_id, ord)
);
CREATE TABLE plan_approval (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  approved_by TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  date TEXT,
  date_as_written TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  source_page TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, ord)
);
CREATE TABLE budget_line (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  node_id TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('予算', '決算')),
  thousand_yen REAL NOT NULL,
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  source_page TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, ord),
  UNIQUE (plan_id, node_id, fiscal_year, kind)
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

// The migration to version 4, last part (KPI, issue #13 B), frozen once released:
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

// The migration to version 5: a user's groups of municipalities
// (records::municipality_group). Frozen once released; records_test checks
// that an upgraded database has the schema of a new one.
const char* const municipality_groups_v5_sql = R"sql(
CREATE TABLE municipality_group (
  id INTEGER PRIMARY KEY,
  group_name TEXT NOT NULL CHECK (group_name <> ''),
  municipality_id TEXT NOT NULL,
  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (group_name, municipality_id)
);
)sql";
// The migration to version 5, plan statements (records::plan_statement):
// what a plan says about itself under the source's own label. Frozen once released.
const char* const statement_tables_v5_sql = R"sql(
CREATE TABLE plan_statement (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  label TEXT NOT NULL,
  label_en TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  text_en TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  source_page TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, ord)
);
)sql";

// The migration to version 5, second part: analysis items without a SWOT
// quadrant (quadrant NULL). SQLite cannot change a CHECK in place, so
// swot_item is rebuilt, every row copied, with foreign keys off (the rows of
// tows_swot stay). Frozen once released; the test "the version 5 step
// rebuilds swot_item as its field table declares it" checks it against records.hpp.
const char* const swot_unmapped_v5_sql = R"sql(
CREATE TEMP TABLE swot_item_v4 AS SELECT
  plan_id, id, ord, quadrant, text, text_en, source_file, source_section, source_url, label, source_page FROM swot_item;
DROP TABLE swot_item;
CREATE TABLE swot_item (
  plan_id TEXT NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  quadrant TEXT CHECK (quadrant IS NULL OR quadrant IN ('strength', 'weakness', 'opportunity', 'threat')),
  text TEXT NOT NULL,
  text_en TEXT NOT NULL DEFAULT '',
  source_file TEXT NOT NULL DEFAULT '',
  source_section TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  source_page TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, id)
);
INSERT INTO swot_item (plan_id, id, ord, quadrant, text, text_en, source_file, source_section, source_url, label, source_page)
  SELECT plan_id, id, ord, quadrant, text, text_en, source_file, source_section, source_url, label, source_page FROM temp.swot_item_v4;
DROP TABLE temp.swot_item_v4;
)sql";

}  // namespace wardscope
