#include "wardscope/coverage.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "wardscope/csv.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/theme_rule.hpp"

namespace wardscope {

namespace {

// Rank of every plan's municipality: Dataset::municipalities order, then
// municipalities only named by plans, in plan order.
std::unordered_map<std::string, std::size_t> municipality_ranks(const Dataset& data) {
    std::unordered_map<std::string, std::size_t> rank;
    for (const Municipality& m : data.municipalities) rank.emplace(m.id, rank.size());
    for (const Plan& p : data.plans) rank.emplace(p.municipality_id, rank.size());
    return rank;
}

const std::string& title_for(const Plan& p, bool english) {
    return english && !p.title_en.empty() ? p.title_en : p.title;
}

const std::string& theme_name(const Theme& t, bool english) {
    return english && !t.label_en.empty() ? t.label_en : t.label_ja;
}

double cell_value(const CoverageCell& c, CoverageMode m) {
    switch (m) {
        case CoverageMode::count: return c.count;
        case CoverageMode::share: return c.share;
        case CoverageMode::present: return c.present ? 1.0 : 0.0;
    }
    return 0;
}

// A permutation sorted by `less`, stable over the identity order.
template <class Less>
std::vector<std::size_t> sorted_order(std::size_t n, Less less) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), less);
    return order;
}

}  // namespace

std::vector<std::size_t> grouped_plan_order(const Dataset& data, const std::vector<std::size_t>& plans) {
    std::vector<std::size_t> picked;
    std::vector<bool> seen(data.plans.size(), false);
    for (std::size_t i : plans)
        if (i < data.plans.size() && !seen[i]) {
            seen[i] = true;
            picked.push_back(i);
        }
    const auto rank = municipality_ranks(data);
    auto key = [&](std::size_t i) {
        const Plan& p = data.plans[i];
        return std::make_tuple(rank.at(p.municipality_id), !p.start_fy.has_value(), p.start_fy.value_or(0),
                               !p.end_fy.has_value(), p.end_fy.value_or(0), std::string_view(p.id), i);
    };
    std::sort(picked.begin(), picked.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return picked;
}

double cosine_similarity(const std::vector<double>& a, const std::vector<double>& b) {
    const std::size_t n = std::min(a.size(), b.size());
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        dot += a[i] * b[i];
        na += a[i] * a[i];
        nb += b[i] * b[i];
    }
    if (na <= 0 || nb <= 0) return 0;
    return std::clamp(dot / std::sqrt(na * nb), 0.0, 1.0);
}

double CoverageMatrix::value(std::size_t row, std::size_t column, CoverageMode m) const {
    return cell_value(cell(row, column), m);
}

std::vector<double> CoverageMatrix::values() const {
    std::vector<double> out;
    out.reserve(cells.size());
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < columns.size(); ++c) out.push_back(value(r, c));
    return out;
}

CoverageRange CoverageMatrix::range_for(CoverageMode m) const {
    CoverageRange range;
    bool first = true;
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const double v = value(r, c, m);
            range.data_min = first ? v : std::min(range.data_min, v);
            range.data_max = first ? v : std::max(range.data_max, v);
            first = false;
        }
    range.vmin = 0;
    switch (m) {
        case CoverageMode::count: range.vmax = std::max(1.0, range.data_max); break;
        case CoverageMode::share: range.vmax = range.data_max > 0 ? range.data_max : 1.0; break;
        case CoverageMode::present: range.vmax = 1; break;
    }
    return range;
}

int CoverageMatrix::find_row(std::string_view plan_id) const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].plan_id == plan_id) return static_cast<int>(i);
    return -1;
}

int CoverageMatrix::find_column(std::string_view theme_id) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].theme_id == theme_id) return static_cast<int>(i);
    return -1;
}

CoverageMatrix build_coverage(const Dataset& data, const std::vector<std::size_t>& plans,
                              const CoverageOptions& options) {
    const std::vector<Theme>& themes = data.taxonomy.themes;
    const std::size_t ncol = themes.size();

    const std::vector<std::size_t> picked = grouped_plan_order(data, plans);
    const std::size_t nrow = picked.size();

    // Rows and cells in grouped row order, taxonomy column order.
    std::vector<CoverageRow> rows(nrow);
    std::vector<CoverageCell> cells(nrow * ncol);
    std::unordered_map<std::string, std::size_t> column_of;
    for (std::size_t c = 0; c < ncol; ++c) column_of.emplace(themes[c].id, c);
    for (std::size_t r = 0; r < nrow; ++r) {
        const Plan& plan = data.plans[picked[r]];
        const CountedItems counted = counted_items(plan);
        const ThemeProfile profile = theme_profile(counted, data.taxonomy);
        CoverageRow& row = rows[r];
        row.plan_index = picked[r];
        row.plan_id = plan.id;
        row.municipality_id = plan.municipality_id;
        row.measures = profile.total;
        row.untagged = profile.untagged;
        row.counts_leaves = profile.counts_leaves;
        row.is_synthetic = plan.is_synthetic;
        for (std::size_t c = 0; c < ncol; ++c) {
            const ThemeCount* tc = profile.find(themes[c].id);
            CoverageCell& cell = cells[r * ncol + c];
            cell.count = tc ? tc->items : 0;
            cell.share = tc ? tc->share : 0.0;
            cell.present = cell.count > 0;
            row.themes_covered += cell.present ? 1 : 0;
        }
        // The items behind each count: the same items theme_profile counts (theme_rule.hpp).
        for (const CountedItems::Item& item : counted.items)
            for (const CarriedTheme& carried : item.themes) {
                auto it = column_of.find(carried.theme_id);
                if (it != column_of.end()) cells[r * ncol + it->second].nodes.push_back(item.node);
            }
    }

    // Share vectors of rows and columns.
    auto row_vector = [&](std::size_t r) {
        std::vector<double> v(ncol);
        for (std::size_t c = 0; c < ncol; ++c) v[c] = cells[r * ncol + c].share;
        return v;
    };
    auto column_vector = [&](std::size_t c) {
        std::vector<double> v(nrow);
        for (std::size_t r = 0; r < nrow; ++r) v[r] = cells[r * ncol + c].share;
        return v;
    };

    // Row similarity to the reference row.
    std::size_t ref_row = 0;
    for (std::size_t r = 0; r < nrow; ++r)
        if (!options.reference_plan.empty() && rows[r].plan_id == options.reference_plan) ref_row = r;
    if (nrow > 0) {
        const std::vector<double> ref = row_vector(ref_row);
        for (std::size_t r = 0; r < nrow; ++r) rows[r].similarity = cosine_similarity(ref, row_vector(r));
        const bool any = std::any_of(ref.begin(), ref.end(), [](double x) { return x > 0; });
        rows[ref_row].similarity = any ? 1.0 : 0.0;
    }

    // Column totals.
    std::vector<CoverageColumn> columns(ncol);
    for (std::size_t c = 0; c < ncol; ++c) {
        CoverageColumn& col = columns[c];
        col.theme_id = themes[c].id;
        col.taxonomy_index = static_cast<int>(c);
        double share_sum = 0;
        for (std::size_t r = 0; r < nrow; ++r) {
            const CoverageCell& cell = cells[r * ncol + c];
            col.measures += cell.count;
            col.plans += cell.present ? 1 : 0;
            share_sum += cell.share;
        }
        col.mean_share = nrow > 0 ? share_sum / static_cast<double>(nrow) : 0.0;
    }
    std::size_t ref_col = 0;
    bool ref_col_named = false;
    for (std::size_t c = 0; c < ncol; ++c)
        if (!options.reference_theme.empty() && columns[c].theme_id == options.reference_theme) ref_col = c, ref_col_named = true;
    if (!ref_col_named)
        for (std::size_t c = 0; c < ncol; ++c)
            if (columns[c].measures > columns[ref_col].measures) ref_col = c;

    // Row order.
    std::vector<std::size_t> row_order;
    switch (options.row_sort) {
        case CoverageRowSort::grouped:
            row_order = sorted_order(nrow, [](std::size_t, std::size_t) { return false; });
            break;
        case CoverageRowSort::name:
            row_order = sorted_order(nrow, [&](std::size_t a, std::size_t b) {
                return title_for(data.plans[rows[a].plan_index], options.english) <
                       title_for(data.plans[rows[b].plan_index], options.english);
            });
            break;
        case CoverageRowSort::total: {
            auto total = [&](std::size_t r) {
                return options.mode == CoverageMode::count ? rows[r].measures : rows[r].themes_covered;
            };
            row_order = sorted_order(nrow, [&](std::size_t a, std::size_t b) { return total(a) > total(b); });
            break;
        }
        case CoverageRowSort::similarity:
            row_order = sorted_order(nrow, [&](std::size_t a, std::size_t b) {
                if ((a == ref_row) != (b == ref_row)) return a == ref_row;
                return rows[a].similarity > rows[b].similarity;
            });
            break;
        case CoverageRowSort::theme: {
            const auto it = column_of.find(options.sort_theme);
            const std::size_t c = it == column_of.end() ? ncol : it->second;
            row_order = sorted_order(nrow, [&](std::size_t a, std::size_t b) {
                if (c == ncol) return false;
                const double va = cell_value(cells[a * ncol + c], options.mode), vb = cell_value(cells[b * ncol + c], options.mode);
                return options.rows_ascending ? va < vb : va > vb;
            });
            break;
        }
    }

    // Column order.
    std::vector<std::size_t> col_order;
    switch (options.col_sort) {
        case CoverageColSort::taxonomy:
            col_order = sorted_order(ncol, [](std::size_t, std::size_t) { return false; });
            break;
        case CoverageColSort::name:
            col_order = sorted_order(ncol, [&](std::size_t a, std::size_t b) {
                return theme_name(themes[a], options.english) < theme_name(themes[b], options.english);
            });
            break;
        case CoverageColSort::total: {
            auto total = [&](std::size_t c) {
                switch (options.mode) {
                    case CoverageMode::count: return static_cast<double>(columns[c].measures);
                    case CoverageMode::share: return columns[c].mean_share;
                    case CoverageMode::present: return static_cast<double>(columns[c].plans);
                }
                return 0.0;
            };
            col_order = sorted_order(ncol, [&](std::size_t a, std::size_t b) { return total(a) > total(b); });
            break;
        }
        case CoverageColSort::similarity:
            break;  // below
        case CoverageColSort::plan: {
            std::size_t r = nrow;
            for (std::size_t k = 0; k < nrow; ++k)
                if (rows[k].plan_id == options.sort_plan) r = k;
            col_order = sorted_order(ncol, [&](std::size_t a, std::size_t b) {
                if (r == nrow) return false;
                const double va = cell_value(cells[r * ncol + a], options.mode), vb = cell_value(cells[r * ncol + b], options.mode);
                return options.columns_ascending ? va < vb : va > vb;
            });
            break;
        }
    }
    std::vector<std::vector<double>> col_vectors(ncol);
    for (std::size_t c = 0; c < ncol; ++c) col_vectors[c] = column_vector(c);
    if (options.col_sort == CoverageColSort::similarity) {
        if (ncol > 0) {
            std::vector<bool> placed(ncol, false);
            col_order.push_back(ref_col);
            placed[ref_col] = true;
            columns[ref_col].similarity = 1;
            while (col_order.size() < ncol) {
                const std::size_t last = col_order.back();
                std::size_t best = ncol;
                double best_sim = -1;
                for (std::size_t c = 0; c < ncol; ++c) {
                    if (placed[c]) continue;
                    const double s = cosine_similarity(col_vectors[last], col_vectors[c]);
                    if (s > best_sim) best = c, best_sim = s;
                }
                placed[best] = true;
                columns[best].similarity = best_sim;
                col_order.push_back(best);
            }
        }
    } else {
        for (std::size_t c = 0; c < ncol; ++c)
            columns[c].similarity = c == ref_col ? 1.0 : cosine_similarity(col_vectors[ref_col], col_vectors[c]);
    }

    // Assemble in the chosen order.
    CoverageMatrix m;
    m.mode = options.mode;
    m.rows.reserve(nrow);
    m.columns.reserve(ncol);
    for (std::size_t r : row_order) m.rows.push_back(std::move(rows[r]));
    for (std::size_t c : col_order) m.columns.push_back(std::move(columns[c]));
    m.cells.reserve(nrow * ncol);
    for (std::size_t r : row_order)
        for (std::size_t c : col_order) m.cells.push_back(std::move(cells[r * ncol + c]));
    for (std::size_t i = 0; i < m.rows.size(); ++i) {
        m.rows[i].group_start = i == 0 || m.rows[i].municipality_id != m.rows[i - 1].municipality_id;
        if (row_order[i] == ref_row) m.reference_row = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < col_order.size(); ++i)
        if (col_order[i] == ref_col) m.reference_column = static_cast<int>(i);
    m.range = m.range_for(m.mode);
    return m;
}

CoverageMatrix build_coverage(const Dataset& data, const std::function<bool(const Plan&)>& keep,
                              const CoverageOptions& options) {
    std::vector<std::size_t> plans;
    for (std::size_t i = 0; i < data.plans.size(); ++i)
        if (!keep || keep(data.plans[i])) plans.push_back(i);
    return build_coverage(data, plans, options);
}

std::vector<CoverageItem> coverage_items(const Dataset& data, const CoverageMatrix& matrix, std::size_t row,
                                         std::size_t column) {
    std::vector<CoverageItem> out;
    if (row >= matrix.rows.size() || column >= matrix.columns.size()) return out;
    const std::size_t plan_index = matrix.rows[row].plan_index;
    if (plan_index >= data.plans.size()) return out;
    const Plan& plan = data.plans[plan_index];
    const std::string& theme_id = matrix.columns[column].theme_id;
    const CoverageCell& cell = matrix.cell(row, column);
    if (cell.nodes.empty()) return out;
    const PlanTree tree = build_plan_tree(plan);
    for (int i : cell.nodes) {
        if (i < 0 || static_cast<std::size_t>(i) >= plan.nodes.size()) continue;
        CoverageItem item;
        item.node_index = i;
        item.source = nearest_source(plan, tree, i, &item.inherited_source);
        for (const CarriedTheme& c : carried_themes(plan, tree, i))
            if (c.theme_id == theme_id) {
                item.by_hand = c.by_hand;
                item.tagged_at = c.tagged_at;
            }
        out.push_back(item);
    }
    return out;
}

std::string coverage_to_csv(const Dataset& data, const CoverageMatrix& matrix) {
    CsvWriter csv({"plan_id", "municipality_id", "theme_id", "items", "hand", "plan_items", "share"});
    for (std::size_t r = 0; r < matrix.row_count(); ++r) {
        const CoverageRow& row = matrix.rows[r];
        for (std::size_t c = 0; c < matrix.column_count(); ++c) {
            const CoverageCell& cell = matrix.cell(r, c);
            int hand = 0;
            for (const CoverageItem& item : coverage_items(data, matrix, r, c)) hand += item.by_hand ? 1 : 0;
            csv.row({row.plan_id, row.municipality_id, matrix.columns[c].theme_id, std::to_string(cell.count),
                     std::to_string(hand), std::to_string(row.measures), csv_number(cell.share)});
        }
    }
    return csv.take();
}

std::string_view to_string(CoverageMode m) {
    switch (m) {
        case CoverageMode::count: return "count";
        case CoverageMode::share: return "share";
        case CoverageMode::present: return "present";
    }
    return "count";
}

std::string_view to_string(CoverageRowSort s) {
    switch (s) {
        case CoverageRowSort::grouped: return "grouped";
        case CoverageRowSort::name: return "name";
        case CoverageRowSort::total: return "total";
        case CoverageRowSort::similarity: return "similarity";
        case CoverageRowSort::theme: return "theme";
    }
    return "grouped";
}

std::string_view to_string(CoverageColSort s) {
    switch (s) {
        case CoverageColSort::taxonomy: return "taxonomy";
        case CoverageColSort::name: return "name";
        case CoverageColSort::total: return "total";
        case CoverageColSort::similarity: return "similarity";
        case CoverageColSort::plan: return "plan";
    }
    return "taxonomy";
}

}  // namespace wardscope
