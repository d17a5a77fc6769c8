#include "schema.hpp"

#include "record_sql.hpp"

namespace wardscope {

// The tables of version 1, from their field tables (records.hpp), in the
// order version 1 created them. Plan-owned rows cascade from `plan`, so
// re-importing a plan is a delete + insert. User data (observations from CSV
// or the app, and the user tables of later versions) deliberately has no
// foreign key to plan rows: it must survive re-imports.
std::string schema_sql() {
    std::string out = "\n";
    auto add = [&](const auto&... tables) { ((out += records::create_table_sql(tables)), ...); };
    using namespace records;
    add(municipality, theme, theme_keyword, actor, plan, plan_viewpoint, plan_focus_field, node, node_theme, node_actor,
        swot_item, tows_strategy, tows_swot, tows_node, indicator, observation);
    return out;
}

std::string workshop_tables_sql() {
    return "\n" + records::create_table_sql(records::annotation) + records::create_table_sql(records::slide);
}

std::string match_tables_sql() { return "\n" + records::create_table_sql(records::measure_match); }

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

// The migration to version 4 as released: the generation diff's decisions.
// The schema test checks it against match_tables_sql().
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
