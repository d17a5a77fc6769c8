#pragma once

namespace wardscope {

// The CREATE statements of the current schema (see docs/schema.md): the
// tables of version 1, then those each later version added.
extern const char* const schema_sql;
extern const char* const workshop_tables_sql;  // version 3

}  // namespace wardscope
