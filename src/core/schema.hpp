#pragma once

#include <string>
#include <vector>

namespace wardscope {

// The CREATE statements of the current schema (see docs/schema.md): the
// tables of version 1, then those each later version added. The record tables
// come from their field tables (records.hpp).
std::string schema_sql();
std::string workshop_tables_sql();  // version 3

namespace records {
struct AddedColumn;
}

// The columns of the record tables that schema version `version` added (records::Field::added_in).
std::vector<records::AddedColumn> added_columns(int version);

// The migration step to version 3, frozen as released.
extern const char* const workshop_tables_v3_sql;
// The KPI part of the step to version 4 (observation rebuilt, indicator_target), frozen as released.
extern const char* const kpi_tables_v4_sql;
std::string kpi_tables_sql();  // indicator_target from its field table

}  // namespace wardscope
