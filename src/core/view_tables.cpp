#include "wardscope/view_tables.hpp"

#include <algorithm>

namespace wardscope {

namespace {

struct Words {
    const char* ja;
    const char* en;
    const char* operator()(bool english) const { return english ? en : ja; }
};

constexpr Words plan_level_words{"計画全体", "whole plan"};
constexpr Words higher_words{"高いほど良い", "higher is better"};
constexpr Words lower_words{"低いほど良い", "lower is better"};
constexpr Words statement_words{"ステートメント", "Statement"};


// Columns several tables share: one declaration each. X(name, ja, en, type, width)
#define WS_SHARED_COLUMNS(X) \
    X(plan_id, "計画ID", "Plan id", text, 26) \
    X(municipality, "自治体", "Municipality", text, 12) \
    X(plan_title, "計画名", "Plan", text, 40) \
    X(kind, "種別", "Kind", text, 16) \
    X(status, "状態", "Status", text, 8) \
    X(start_fy, "開始年度", "Start FY", fiscal_year, 9) \
    X(end_fy, "終了年度", "End FY", fiscal_year, 9) \
    X(measures, "施策数", "Measures", integer, 8) \
    X(source, "出典", "Source", text, 40) \
    X(plan, "計画", "Plan", text, 30) \
    X(item_id, "項目ID", "Item id", text, 12) \
    X(number, "番号", "No.", text, 8)

struct ColumnDef {
    const char* ja;
    const char* en;
    CellType type;
    double width;
};

namespace col {
#define WS_COLUMN_DECLARE(name, ja, en, type, width) constexpr ColumnDef name{ja, en, CellType::type, width};
WS_SHARED_COLUMNS(WS_COLUMN_DECLARE)
}  // namespace col

void add(Table& t, const ColumnDef& c) { t.add_column(c.ja, c.en, c.type, c.width); }

TableCell text_or_unknown(const std::string& text) { return text.empty() ? TableCell::unknown() : TableCell::of_text(text); }

std::string municipality(const Dataset& data, const std::string& id, bool english) {
    const Municipality* m = data.find_municipality(id);
    if (!m) return id;
    return english && !m->name_en.empty() ? m->name_en : m->name_ja;
}

const std::string& title(const Plan& plan, bool english) {
    return english && !plan.title_en.empty() ? plan.title_en : plan.title;
}

std::string node_name(const Node& node, bool english) {
    const std::string& name = english && !node.name_en.empty() ? node.name_en : node.name;
    return node.label.empty() ? name : node.label + " " + name;
}

std::string theme_name(const Taxonomy& taxonomy, const std::string& id, bool english) {
    const Theme* t = taxonomy.find_theme(id);
    if (!t) return id;
    return english ? t->label_en : t->label_ja;
}

// The node's own source, else its nearest ancestor's, else the plan's.
const SourceRef& inherited_source(const Plan& plan, const PlanTree& tree, int index) {
    for (int i = index; i >= 0; i = tree.parent[static_cast<std::size_t>(i)])
        if (!plan.nodes[static_cast<std::size_t>(i)].source.empty()) return plan.nodes[static_cast<std::size_t>(i)].source;
    return plan.source;
}

// A statement's label and text in the table's language: the translation where
// there is one, the label as written beside it ("Brand (ブランド)").
std::string statement_label(const PlanStatement& st, bool english) {
    return english && !st.label_en.empty() ? st.label_en + " (" + st.label + ")" : st.label;
}
const std::string& statement_text(const PlanStatement& st, bool english) {
    return english && !st.text_en.empty() ? st.text_en : st.text;
}

// Every statement of the plan in one cell, as the compare view lists them: "【label】text", one per line.
TableCell statements_cell(const Plan& plan, bool english) {
    std::string out;
    for (const PlanStatement& st : plan.statements)
        out += (out.empty() ? "" : "\n") + ("【" + statement_label(st, english) + "】") + statement_text(st, english);
    return text_or_unknown(out);
}

int find_node(const Plan& plan, const std::string& id) {
    for (std::size_t i = 0; i < plan.nodes.size(); ++i)
        if (plan.nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

}  // namespace

// X(name, ja, en)
#define WS_TABLE_WORDS(X)                          \
    X(kind_swot, "SWOT", "SWOT")                   \
    X(kind_tows, "クロスSWOT", "Cross-SWOT")       \
    X(kind_node, "施策体系", "Plan item")          \
    X(progress_ahead, "先行", "ahead")             \
    X(progress_met, "目標達成", "target met")      \
    X(progress_on_track, "順調", "on track")       \
    X(progress_behind, "遅れ", "behind")           \
    X(progress_no_data, "データなし", "no data")  \
    X(progress_not_met, "未達", "not met")        \
    X(progress_qualitative, "定性", "qualitative")

namespace word {
#define WS_WORD_DECLARE(name, ja, en) constexpr Words name{ja, en};
WS_TABLE_WORDS(WS_WORD_DECLARE)
}  // namespace word

const char* item_kind_label(ItemKind kind, bool english) {
    switch (kind) {
    case ItemKind::swot: return word::kind_swot(english);
    case ItemKind::tows: return word::kind_tows(english);
    case ItemKind::node: return word::kind_node(english);
    }
    return "";
}

const char* progress_label(const Progress& p, bool english) {
    switch (p.status) {
    case ProgressStatus::ahead: return p.reason == "target met" ? word::progress_met(english) : word::progress_ahead(english);
    case ProgressStatus::on_track: return word::progress_on_track(english);
    case ProgressStatus::behind: return word::progress_behind(english);
    case ProgressStatus::not_met: return word::progress_not_met(english);
    case ProgressStatus::qualitative: return word::progress_qualitative(english);
    case ProgressStatus::no_data: break;
    }
    return word::progress_no_data(english);
}

void append_table_words(std::vector<const char*>& out) {
#define WS_WORD_COLLECT(name, ja, en) \
    out.push_back(ja);                \
    out.push_back(en);
    WS_TABLE_WORDS(WS_WORD_COLLECT)
    out.push_back(plan_level_words.ja);
    out.push_back(plan_level_words.en);
    out.push_back(higher_words.ja);
    out.push_back(lower_words.ja);
    out.push_back(statement_words.ja);
    out.push_back(statement_words.en);
}

std::string source_reference(const SourceRef& s) {
    std::string out = !s.file.empty() ? s.file : s.url;
    if (!s.section.empty()) out += (out.empty() ? "" : " § ") + s.section;
    if (!s.page.empty()) out += (out.empty() ? "p. " : ", p. ") + s.page;
    return out;
}

std::string source_reference(const SourceRef& s, const Taxonomy& taxonomy) {
    const SourceDocument* doc = taxonomy.find_document(s.file);
    if (!doc) return source_reference(s);
    SourceRef titled = s;
    titled.file = doc->title;
    return source_reference(titled);
}

std::string source_url(const SourceRef& s, const Taxonomy& taxonomy) {
    if (!s.url.empty()) return s.url;
    const SourceDocument* doc = taxonomy.find_document(s.file);
    return doc ? doc->url : std::string();
}

Table plans_table(const Dataset& data, const std::vector<std::size_t>& plans, bool english) {
    Table t;
    t.name = "plans";
    add(t, col::plan_id);
    add(t, col::municipality);
    add(t, col::plan_title);
    add(t, col::kind);
    add(t, col::status);
    add(t, col::start_fy);
    add(t, col::end_fy);
    add(t, col::measures);
    t.add_column("指標数", "Indicators", CellType::integer, 8);
    t.add_column("合成データ", "Synthetic", CellType::integer, 8);
    add(t, col::source);
    for (std::size_t i : plans) {
        if (i >= data.plans.size()) continue;
        const Plan& p = data.plans[i];
        const PlanCounts counts = count_plan(p);
        t.add_row({TableCell::of_text(p.id), TableCell::of_text(municipality(data, p.municipality_id, english)),
                   TableCell::of_text(title(p, english)), text_or_unknown(p.kind), text_or_unknown(p.status),
                   TableCell::of_fiscal_year(p.start_fy), TableCell::of_fiscal_year(p.end_fy),
                   TableCell::of_integer(counts.measures), TableCell::of_integer(counts.indicators),
                   TableCell::of_integer(p.is_synthetic ? 1 : 0), text_or_unknown(source_reference(p.source, data.taxonomy))});
    }
    return t;
}

Table timeline_table(const Dataset& data, const std::vector<std::size_t>& plans, bool english) {
    Table t;
    t.name = "timeline";
    add(t, col::municipality);
    add(t, col::plan_title);
    add(t, col::kind);
    add(t, col::status);
    add(t, col::start_fy);
    add(t, col::end_fy);
    t.add_column("期間（原文）", "Period as written", CellType::text, 24);
    add(t, col::plan_id);
    for (std::size_t i : plans) {
        if (i >= data.plans.size()) continue;
        const Plan& p = data.plans[i];
        t.add_row({TableCell::of_text(municipality(data, p.municipality_id, english)), TableCell::of_text(title(p, english)),
                   text_or_unknown(p.kind), text_or_unknown(p.status), TableCell::of_fiscal_year(p.start_fy),
                   TableCell::of_fiscal_year(p.end_fy), text_or_unknown(p.period_as_written), TableCell::of_text(p.id)});
    }
    return t;
}

namespace {
// The source's label first, then the quadrant it is mapped to: "課題 → 弱み";
// an item not mapped to a quadrant: its label alone.
std::string swot_kind(const SwotItem& s, const char* quadrant) {
    if (!s.mapped()) return s.label;
    return s.label.empty() || s.label == quadrant ? std::string(quadrant) : s.label + " → " + quadrant;
}
}  // namespace

Table swot_table(const Dataset& data, const std::vector<const Plan*>& plans, bool english) {
    Table t;
    t.name = "swot";
    add(t, col::plan);
    t.add_column("区分", "Type", CellType::text, 10);
    t.add_column("内容", "Text", CellType::text, 60);
    t.add_column("関連", "Links", CellType::text, 16);
    add(t, col::source);
    add(t, col::item_id);
    const char* quadrants_ja[] = {"強み", "弱み", "機会", "脅威", ""};  // by Quadrant, none last
    const char* quadrants_en[] = {"Strength", "Weakness", "Opportunity", "Threat", ""};
    for (const Plan* p : plans) {
        for (const SwotItem& s : p->swot)
            t.add_row({TableCell::of_text(title(*p, english)),
                       TableCell::of_text(swot_kind(s, (english ? quadrants_en : quadrants_ja)[static_cast<int>(s.quadrant)])),
                       TableCell::of_text(english && !s.text_en.empty() ? s.text_en : s.text), TableCell::unknown(),
                       text_or_unknown(source_reference(s.source.empty() ? p->source : s.source, data.taxonomy)), TableCell::of_text(s.id)});
        for (const TowsStrategy& s : p->tows) {
            std::string links;
            for (const std::string& id : s.swot_ids) links += (links.empty() ? "" : ", ") + id;
            t.add_row({TableCell::of_text(title(*p, english)), TableCell::of_text(std::string(to_string(s.type))),
                       TableCell::of_text(english && !s.text_en.empty() ? s.text_en : s.text), text_or_unknown(links),
                       text_or_unknown(source_reference(s.source.empty() ? p->source : s.source, data.taxonomy)), TableCell::of_text(s.id)});
        }
    }
    return t;
}

Table explorer_table(const Dataset& data, const Plan& plan, const PlanTree& tree, bool english) {
    Table t;
    t.name = "explorer";
    t.add_column("階層", "Depth", CellType::integer, 6);
    t.add_column("レベル", "Level", CellType::text, 8);
    add(t, col::number);
    t.add_column("名称", "Name", CellType::text, 50);
    t.add_column("新規", "New", CellType::integer, 6);
    t.add_column("テーマ", "Themes", CellType::text, 24);
    add(t, col::measures);
    add(t, col::source);
    add(t, col::item_id);
    // The plan's statements about itself first, as its details show them above the hierarchy:
    // the source's label as the number, the text as the name; no depth, themes or measures.
    for (const PlanStatement& st : plan.statements)
        t.add_row({TableCell::unknown(), TableCell::of_text(statement_words(english)), text_or_unknown(statement_label(st, english)),
                   text_or_unknown(statement_text(st, english)), TableCell::unknown(), TableCell::unknown(), TableCell::unknown(),
                   text_or_unknown(source_reference(st.source.empty() ? plan.source : st.source, data.taxonomy)),
                   TableCell::unknown()});
    for (std::size_t i = 0; i < plan.nodes.size(); ++i) {
        const Node& n = plan.nodes[i];
        std::string themes;
        for (const ThemeTag& tag : n.themes) themes += (themes.empty() ? "" : english ? ", " : "、") + theme_name(data.taxonomy, tag.theme_id, english);
        const int index = static_cast<int>(i);
        t.add_row({TableCell::of_integer(tree.depth[i]), TableCell::of_text(std::string(plan.level_name(n.level, english))), text_or_unknown(n.label),
                   text_or_unknown(english && !n.name_en.empty() ? n.name_en : n.name), TableCell::of_integer(n.is_new ? 1 : 0),
                   text_or_unknown(themes), TableCell::of_integer(tree.measures[i]),
                   text_or_unknown(source_reference(inherited_source(plan, tree, index), data.taxonomy)), TableCell::of_text(n.id)});
    }
    return t;
}

Table coverage_table(const Dataset& data, const CoverageMatrix& matrix, bool english) {
    Table t;
    t.name = "heatmap";
    add(t, col::municipality);
    add(t, col::plan_title);
    add(t, col::plan_id);
    t.add_column("数えた施策", "Counted items", CellType::integer, 10);
    const CellType cells = matrix.mode == CoverageMode::share ? CellType::number : CellType::integer;
    for (const CoverageColumn& c : matrix.columns) {
        const Theme* theme = data.taxonomy.find_theme(c.theme_id);
        t.add_column(theme ? theme->label_ja : c.theme_id, theme ? theme->label_en : c.theme_id, cells, 10);
    }
    for (std::size_t r = 0; r < matrix.rows.size(); ++r) {
        const CoverageRow& row = matrix.rows[r];
        const Plan& p = data.plans[row.plan_index];
        std::vector<TableCell> out{TableCell::of_text(municipality(data, row.municipality_id, english)),
                                   TableCell::of_text(title(p, english)), TableCell::of_text(row.plan_id),
                                   TableCell::of_integer(row.measures)};
        for (std::size_t c = 0; c < matrix.columns.size(); ++c) {
            const CoverageCell& cell = matrix.cell(r, c);
            switch (matrix.mode) {
            case CoverageMode::count: out.push_back(TableCell::of_integer(cell.count)); break;
            // A plan without counted items has no share: unknown, not 0.
            case CoverageMode::share:
                out.push_back(row.measures > 0 ? TableCell::of_number(cell.share) : TableCell::unknown());
                break;
            case CoverageMode::present: out.push_back(TableCell::of_integer(cell.present ? 1 : 0)); break;
            }
        }
        t.add_row(std::move(out));
    }
    return t;
}

Table compare_table(const Dataset& data, const CompareTableInput& in, bool english) {
    Table t;
    t.name = "compare";
    t.add_column("項目", "Row", CellType::text, 16);
    for (const Plan* p : in.plans) t.add_column(p->title, english && !p->title_en.empty() ? p->title_en : p->title, CellType::text, 40);
    const std::size_t n = in.plans.size();
    const auto add = [&](const char* ja, const char* en, const std::function<TableCell(std::size_t)>& cell) {
        std::vector<TableCell> row{TableCell::of_text(english ? en : ja)};
        for (std::size_t c = 0; c < n; ++c) row.push_back(cell(c));
        t.add_row(std::move(row));
    };
    add("自治体", "Municipality", [&](std::size_t c) { return TableCell::of_text(municipality(data, in.plans[c]->municipality_id, english)); });
    add("計画ID", "Plan id", [&](std::size_t c) { return TableCell::of_text(in.plans[c]->id); });
    add("開始年度", "Start FY", [&](std::size_t c) { return TableCell::of_fiscal_year(in.plans[c]->start_fy); });
    add("終了年度", "End FY", [&](std::size_t c) { return TableCell::of_fiscal_year(in.plans[c]->end_fy); });
    add("期間（原文）", "Period as written", [&](std::size_t c) { return text_or_unknown(in.plans[c]->period_as_written); });
    add("種別", "Kind", [&](std::size_t c) { return text_or_unknown(in.plans[c]->kind); });
    add("状態", "Status", [&](std::size_t c) { return text_or_unknown(in.plans[c]->status); });
    add("将来像", "Vision", [&](std::size_t c) { return text_or_unknown(in.plans[c]->vision); });
    add("施策数", "Measures", [&](std::size_t c) { return TableCell::of_integer(in.counts[c]->measures); });
    add("指標数", "Indicators", [&](std::size_t c) { return TableCell::of_integer(in.counts[c]->indicators); });
    if (std::any_of(in.plans.begin(), in.plans.end(), [](const Plan* p) { return !p->statements.empty(); }))
        add("ステートメント", "Statements", [&](std::size_t c) { return statements_cell(*in.plans[c], english); });
    if (in.strategies)
        for (std::size_t r = 0; r < in.strategies->size(); ++r) {
            const AlignedRow& row = (*in.strategies)[r];
            const std::string ja = "戦略 " + std::to_string(r + 1), en = "Strategy " + std::to_string(r + 1);
            add(ja.c_str(), en.c_str(), [&](std::size_t c) {
                const int ni = c < row.nodes.size() ? row.nodes[c] : -1;
                return ni < 0 ? TableCell::unknown() : TableCell::of_text(node_name(in.plans[c]->nodes[static_cast<std::size_t>(ni)], english));
            });
        }
    for (const Theme& theme : data.taxonomy.themes) {
        const std::string ja = "テーマ: " + theme.label_ja, en = "Theme: " + theme.label_en;
        add(ja.c_str(), en.c_str(), [&](std::size_t c) {
            const ThemeProfile& profile = *in.profiles[c];
            const ThemeCount* count = profile.find(theme.id);
            if (profile.total == 0) return TableCell::unknown();  // nothing counted: no share
            return TableCell::of_number(count ? count->share : 0.0);
        });
    }
    return t;
}

Table kpi_table(const Dataset& data, const std::vector<KpiTableRow>& rows, bool english) {
    (void)data;
    Table t;
    t.name = "kpi";
    add(t, col::plan);
    add(t, col::kind);
    add(t, col::number);
    t.add_column("指標名", "Indicator", CellType::text, 40);
    t.add_column("単位", "Unit", CellType::text, 8);
    t.add_column("基準値", "Baseline", CellType::number, 10);
    t.add_column("基準年度", "Baseline FY", CellType::fiscal_year, 10);
    t.add_column("目標値", "Target", CellType::number, 10);
    t.add_column("目標年度", "Target FY", CellType::fiscal_year, 10);
    t.add_column("方向", "Direction", CellType::text, 14);
    t.add_column("対象の施策", "Measure", CellType::text, 30);
    t.add_column("進捗", "Progress", CellType::text, 10);
    t.add_column("最新の実績", "Latest result", CellType::number, 10);
    t.add_column("実績年度", "Result FY", CellType::fiscal_year, 10);
    add(t, col::source);
    for (const KpiTableRow& r : rows) {
        const Plan& p = *r.plan;
        const Indicator& ind = *r.indicator;
        std::string node = plan_level_words(english);
        if (!ind.node_id.empty()) {
            const int ni = find_node(p, ind.node_id);
            node = ni < 0 ? ind.node_id : node_name(p.nodes[static_cast<std::size_t>(ni)], english);
        }
        const Progress* pr = r.progress;
        t.add_row({TableCell::of_text(title(p, english)), text_or_unknown(ind.kind), text_or_unknown(ind.label),
                   TableCell::of_text(english && !ind.name_en.empty() ? ind.name_en : ind.name), text_or_unknown(ind.unit),
                   TableCell::of_number(ind.baseline.value), TableCell::of_fiscal_year(ind.baseline.fiscal_year),
                   TableCell::of_number(ind.target.value), TableCell::of_fiscal_year(ind.target.fiscal_year),
                   TableCell::of_text(ind.direction == Direction::higher_is_better ? higher_words(english) : lower_words(english)),
                   TableCell::of_text(node), pr ? TableCell::of_text(progress_label(*pr, english)) : TableCell::unknown(),
                   TableCell::of_number(pr ? pr->latest_value : std::nullopt),
                   TableCell::of_fiscal_year(pr ? pr->latest_fiscal_year : std::nullopt),
                   text_or_unknown(source_reference(ind.source.empty() ? p.source : ind.source, data.taxonomy))});
    }
    return t;
}

Table notes_table(const Dataset& data, const std::vector<const Annotation*>& annotations, bool english) {
    Table t;
    t.name = "notes";
    t.add_column("優先度", "Priority", CellType::integer, 8);
    add(t, col::kind);
    t.add_column("項目", "Item", CellType::text, 40);
    t.add_column("メモ", "Note", CellType::text, 40);
    add(t, col::plan);
    t.add_column("更新 (UTC)", "Updated (UTC)", CellType::text, 18);
    add(t, col::item_id);
    add(t, col::source);
    for (const Annotation* a : annotations) {
        const Plan* p = data.find_plan(a->item.plan_id);
        std::string updated = a->updated_at.substr(0, 16);
        std::replace(updated.begin(), updated.end(), 'T', ' ');
        const SourceRef* source = p ? &p->source : nullptr;
        if (p && a->item.kind == ItemKind::node)
            if (const int ni = find_node(*p, a->item.item_id); ni >= 0 && !p->nodes[static_cast<std::size_t>(ni)].source.empty())
                source = &p->nodes[static_cast<std::size_t>(ni)].source;
        if (p && a->item.kind == ItemKind::swot)
            for (const SwotItem& s : p->swot)
                if (s.id == a->item.item_id && !s.source.empty()) source = &s.source;
        if (p && a->item.kind == ItemKind::tows)
            for (const TowsStrategy& s : p->tows)
                if (s.id == a->item.item_id && !s.source.empty()) source = &s.source;
        t.add_row({a->vote ? TableCell::of_integer(*a->vote) : TableCell::unknown(),
                   TableCell::of_text(item_kind_label(a->item.kind, english)), text_or_unknown(item_text(data, a->item)),
                   text_or_unknown(a->note), TableCell::of_text(p ? title(*p, english) : a->item.plan_id),
                   text_or_unknown(updated), TableCell::of_text(a->item.item_id),
                   source ? text_or_unknown(source_reference(*source, data.taxonomy)) : TableCell::unknown()});
    }
    return t;
}

}  // namespace wardscope
