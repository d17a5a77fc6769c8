// The strategy-coverage matrix: which taxonomy themes each plan's measures
// address. Rows are plans, columns are taxonomy themes; a cell holds the number
// of the plan's counted items carrying the theme, their share of the plan's
// counted items and whether the theme is present at all. Counting follows the
// one rule in theme_rule.hpp (measures and leaves; an item carries its own
// tags and its ancestors'), through theme_profile(); an item counts once per
// theme however often it is tagged.
// Plain C++: no SQLite, no ImGui. Build once per data / filter / option change.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

enum class CoverageMode { count, share, present };

// Row order.
//  grouped:    municipality (Dataset::municipalities order; municipalities only
//              named by plans after them, in plan order), then period: start
//              FY (unknown last), end FY (unknown last), plan id. The default.
//  name:       plan title (title_en when `english` and present), byte order of
//              the UTF-8 text; ties in grouped order.
//  total:      descending; count mode: the plan's measures; share / present
//              modes: themes covered. Ties in grouped order.
//  similarity: descending cosine similarity of the plans' theme-share vectors
//              to the reference row (which comes first). Shares are counts
//              divided by the plan's measures, so the cosine compares the
//              plans' theme mix regardless of plan size (the cosine of the count
//              vectors is the same number). A plan with no tagged measure has
//              similarity 0. Ties in grouped order.
//  theme:      by the value (in the matrix's mode) of the column `sort_theme`,
//              descending, or ascending with `rows_ascending` (a click on a
//              column heading). Ties in grouped order; an unknown theme = grouped.
enum class CoverageRowSort { grouped, name, total, similarity, theme };

// Column order.
//  taxonomy:   Taxonomy::themes order. The default.
//  name:       theme label (label_en when `english`), byte order; ties in taxonomy order.
//  total:      descending; count mode: measures carrying the theme over all rows;
//              share mode: mean share over the rows; present mode: rows covering it.
//  similarity: co-occurrence chain. Each column is the vector of its shares over
//              the rows; the chain starts at the reference column (default: the
//              largest count total, earliest in taxonomy order on ties) and
//              repeatedly appends the unplaced column with the highest cosine
//              similarity to the column placed last (ties: taxonomy order).
//              Themes that the same plans stress end up side by side;
//              CoverageColumn::similarity holds each column's cosine to its left
//              neighbour (1 for the first column).
//  plan:       by the value (in the matrix's mode) in the row of `sort_plan`,
//              descending, or ascending with `columns_ascending` (a row's
//              "sort columns" action). Ties in taxonomy order; a plan not among
//              the rows = taxonomy order.
enum class CoverageColSort { taxonomy, name, total, similarity, plan };

struct CoverageOptions {
    CoverageMode mode = CoverageMode::count;
    CoverageRowSort row_sort = CoverageRowSort::grouped;
    CoverageColSort col_sort = CoverageColSort::taxonomy;
    std::string reference_plan;   // row similarity; "" or not among the rows = first row in grouped order
    std::string reference_theme;  // column similarity; "" or unknown = the largest count total
    bool english = false;         // name sorts use the English labels
    std::string sort_theme;       // CoverageRowSort::theme
    bool rows_ascending = false;
    std::string sort_plan;        // CoverageColSort::plan
    bool columns_ascending = false;
};

struct CoverageRow {
    std::size_t plan_index = 0;  // into Dataset::plans
    std::string plan_id;
    std::string municipality_id;
    int measures = 0;            // counted items of the plan (ThemeProfile::total)
    int untagged = 0;            // counted items without any theme
    int themes_covered = 0;      // columns with a count > 0
    bool counts_leaves = false;  // no measure level: leaves counted instead
    bool is_synthetic = false;
    bool group_start = false;    // first row, or municipality differs from the row above
    double similarity = 0;       // cosine to the reference row (1 for the reference itself)
};

struct CoverageColumn {
    std::string theme_id;
    int taxonomy_index = 0;  // into Taxonomy::themes
    int measures = 0;        // sum of counts over the rows
    int plans = 0;           // rows where present
    double mean_share = 0;   // mean share over the rows (0 without rows)
    double similarity = 0;   // CoverageColSort::similarity: cosine to the column on its left; else to the reference column
};

struct CoverageCell {
    int count = 0;           // counted items of the row's plan tagged with the column's theme
    double share = 0;        // count / row measures (0 when the plan has none)
    bool present = false;    // count > 0
    std::vector<int> nodes;  // the items behind the count: indices into Plan::nodes, plan order
};

struct CoverageRange {
    double vmin = 0, vmax = 1;  // colour-bar domain: count 0…max(1, largest), share 0…largest (1 when all 0), present 0…1
    double data_min = 0, data_max = 0;  // smallest / largest cell value (0, 0 without cells)
};

struct CoverageMatrix {
    CoverageMode mode = CoverageMode::count;
    std::vector<CoverageRow> rows;        // in the chosen order
    std::vector<CoverageColumn> columns;  // in the chosen order
    std::vector<CoverageCell> cells;      // rows × columns, row-major
    int reference_row = -1;               // row of the similarity reference (-1 without rows)
    int reference_column = -1;            // column of the column-similarity reference (-1 without columns)
    CoverageRange range;                  // of `mode`

    std::size_t row_count() const { return rows.size(); }
    std::size_t column_count() const { return columns.size(); }
    const CoverageCell& cell(std::size_t row, std::size_t column) const { return cells[row * columns.size() + column]; }
    double value(std::size_t row, std::size_t column) const { return value(row, column, mode); }
    double value(std::size_t row, std::size_t column, CoverageMode m) const;
    // Every cell's value in `mode`, row-major (for a heatmap).
    std::vector<double> values() const;
    CoverageRange range_for(CoverageMode m) const;
    int find_row(std::string_view plan_id) const;     // -1 when absent
    int find_column(std::string_view theme_id) const;  // -1 when absent
};

// The matrix over the given plans (indices into data.plans; out-of-range and
// repeated indices are ignored) and every taxonomy theme. Tags naming themes
// outside the taxonomy are not shown.
CoverageMatrix build_coverage(const Dataset& data, const std::vector<std::size_t>& plans,
                              const CoverageOptions& options = {});
// … over the plans passing `keep`.
CoverageMatrix build_coverage(const Dataset& data, const std::function<bool(const Plan&)>& keep,
                              const CoverageOptions& options = {});

// One item behind a cell, with where it was read from.
struct CoverageItem {
    int node_index = -1;               // into Plan::nodes
    const SourceRef* source = nullptr; // the node's source, else its nearest ancestor's, else the plan's; never null
    bool inherited_source = false;     // source taken from an ancestor or the plan
    bool by_hand = false;              // the theme tag was assigned by a person (else by a keyword rule)
    int tagged_at = -1;                // the node carrying the tag: the item itself, or the ancestor it inherits it from
};

// The items behind cell (row, column) in plan order; empty when out of range.
// `data` must be the dataset the matrix was built from.
std::vector<CoverageItem> coverage_items(const Dataset& data, const CoverageMatrix& matrix, std::size_t row,
                                         std::size_t column);

// The valid, distinct plans of `plans` (indices into data.plans) in grouped
// order (CoverageRowSort::grouped): the heatmap's rows and the drill-across's groups.
std::vector<std::size_t> grouped_plan_order(const Dataset& data, const std::vector<std::size_t>& plans);

// Cosine similarity of two equally long vectors; 0 when either is all zeros.
double cosine_similarity(const std::vector<double>& a, const std::vector<double>& b);

// The matrix as CSV (CsvWriter), one row per plan and theme in the matrix's
// order: plan_id, municipality_id, theme_id, items (carrying the theme), hand
// (… tagged by a person), plan_items (the plan's counted items), share.
// `wardscope export --format csv` writes it as coverage.csv; docs/schema.md
// gives the SQL with the same numbers.
std::string coverage_to_csv(const Dataset& data, const CoverageMatrix& matrix);

std::string_view to_string(CoverageMode);
std::string_view to_string(CoverageRowSort);
std::string_view to_string(CoverageColSort);

}  // namespace wardscope
