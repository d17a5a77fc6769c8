#pragma once

#include <string>
#include <vector>

namespace wardscope {

// The CREATE statements of the current schema (see docs/schema.md): the
// tables of version 1, then those each later version added. The record tables
// come from their field tables (records.hpp).
std::string schema_sql();

namespace records {
struct AddedColumn;
}

// The columns of the record tables that schema version `version` added (records::Field::added_in).
std::vector<records::AddedColumn> added_columns(int version);

// The plan-format-2 part of the step to version 4: node rebuilt (any declared
// level, unknown names), plan_level, node_also_under. Run with foreign keys off.
std::string plan_format2_v4_sql();
// The whole step to version 4: measure_match (match_tables_v4_sql), then plan format 2.
std::string version_4_sql();

// The migration step to version 3, frozen as released.
extern const char* const workshop_tables_v3_sql;
// The migration step to version 4 (measure_match), frozen as released.
extern const char* const match_tables_v4_sql;
// The second part of the step to version 4: source documents, authors, approvals, budgets.
extern const char* const source_tables_v4_sql;
// The third part of the step to version 4: KPI revisions (observation rebuilt),
// targets per year, evaluations.
extern const char* const kpi_tables_v4_sql;

extern const char* const municipality_sources_v4_sql;
// The step to version 5, plan statements (records::plan_statement).
extern const char* const statement_tables_v5_sql;
// The second part of the step to version 5: swot_item rebuilt, quadrant optional.
extern const char* const swot_unmapped_v5_sql;

// The first part of the step to version 5: a user's groups of municipalities, frozen as released.
extern const char* const municipality_groups_v5_sql;

}  // namespace wardscope
