-- What schema version 5 added, taken back with every row of the older tables
-- kept: run on a database of the current schema, it leaves one of version 4
-- (then set PRAGMA user_version). tests/data/version-4-down.sql follows it for
-- older versions (tests/core/database_helpers.hpp, tests/cli/damaged_databases.sh).
-- A user's groups of municipalities (issue #16):
DROP TABLE municipality_group;
