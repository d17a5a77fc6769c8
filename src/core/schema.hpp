#pragma once

namespace wardscope {

// The CREATE statements of the current schema version (see docs/schema.md).
extern const char* const schema_sql;

}  // namespace wardscope
