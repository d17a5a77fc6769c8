// The generation diff and the user's decisions on it (include/wardscope/generation_diff.hpp).
#include "wardscope/generation_diff.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include <sqlite3.h>

#include "record_sql.hpp"
#include "sqlite_statement.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"
#include "wardscope/text_escape.hpp"
#include "wardscope/text_fold.hpp"

namespace wardscope {

std::string_view to_string(DiffStatus status) {
    switch (status) {
        case DiffStatus::continued: return "continued";
        case DiffStatus::changed: return "changed";
        case DiffStatus::added: return "added";
        case DiffStatus::dropped: return "dropped";
    }
    return "continued";
}

std::string_view status_label_ja(DiffStatus status) {
    switch (status) {
        case DiffStatus::continued: return "継続";
        case DiffStatus::changed: return "変更";
        case DiffStatus::added: return "新規";
        case DiffStatus::dropped: return "廃止";
    }
    return "継続";
}

std::string_view to_string(MatchDecision decision) { return decision == MatchDecision::match ? "match" : "no_match"; }

std::optional<MatchDecision> match_decision_from(std::string_view text) {
    if (text == "match") return MatchDecision::match;
    if (text == "no_match") return MatchDecision::no_match;
    return std::nullopt;
}

int GenerationDiff::count(DiffStatus status) const {
    return static_cast<int>(std::count_if(rows.begin(), rows.end(), [&](const DiffRow& r) { return r.status == status; }));
}

namespace {

// Names that fold to the same text (width, case) are the same name.
bool same_name(const Node& a, const Node& b) { return fold_for_search(a.name) == fold_for_search(b.name); }

DiffStatus matched_status(const Node& a, const Node& b, double similarity) {
    return similarity >= continued_threshold || same_name(a, b) ? DiffStatus::continued : DiffStatus::changed;
}

struct Side {
    std::vector<int> nodes;               // the plan's measures (node indices), in plan order
    std::vector<std::size_t> measures;    // the same, as indices of the similarity index
    std::map<std::string_view, std::size_t, std::less<>> position;  // node id → position in `nodes`
};

Side side_of(const Plan& plan, const MeasureSimilarity& index, std::size_t plan_index) {
    Side s;
    s.nodes = measure_nodes(plan);
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const long k = index.find(plan_index, s.nodes[i]);
        s.measures.push_back(k < 0 ? SIZE_MAX : static_cast<std::size_t>(k));
        s.position.emplace(plan.nodes[static_cast<std::size_t>(s.nodes[i])].id, i);
    }
    return s;
}

}  // namespace

GenerationDiff diff_generations(const Dataset& data, const MeasureSimilarity& index, std::size_t plan_a,
                                std::size_t plan_b, const std::vector<MatchOverride>& decisions) {
    GenerationDiff diff;
    diff.plan_a = plan_a;
    diff.plan_b = plan_b;
    const Plan& pa = data.plans.at(plan_a);
    const Plan& pb = data.plans.at(plan_b);
    const Side a = side_of(pa, index, plan_a), b = side_of(pb, index, plan_b);
    const std::size_t na = a.nodes.size(), nb = b.nodes.size();

    std::vector<double> sim(na * nb, 0.0);
    for (std::size_t i = 0; i < na; ++i)
        for (std::size_t j = 0; j < nb; ++j)
            if (a.measures[i] != SIZE_MAX && b.measures[j] != SIZE_MAX)
                sim[i * nb + j] = index.text_similarity(a.measures[i], b.measures[j]);

    // The user's decisions about this pair of plans, either way round.
    std::vector<std::pair<std::size_t, std::size_t>> confirmed;
    std::vector<char> forbidden(na * nb, 0);
    std::vector<int> broken_a(na, -1), broken_b(nb, -1);  // the other side's position
    for (const MatchOverride& d : decisions) {
        std::string_view item_a, item_b;
        if (d.plan_a == pa.id && d.plan_b == pb.id) item_a = d.item_a, item_b = d.item_b;
        else if (d.plan_a == pb.id && d.plan_b == pa.id) item_a = d.item_b, item_b = d.item_a;
        else continue;
        const auto ia = a.position.find(item_a);
        const auto jb = b.position.find(item_b);
        if (ia == a.position.end() || jb == b.position.end()) {
            ++diff.decisions_stale;  // kept in the database; shown again if the measure comes back
            continue;
        }
        ++diff.decisions_applied;
        if (d.decision == MatchDecision::match) {
            confirmed.emplace_back(ia->second, jb->second);
        } else {
            forbidden[ia->second * nb + jb->second] = 1;
            broken_a[ia->second] = static_cast<int>(jb->second);
            broken_b[jb->second] = static_cast<int>(ia->second);
        }
    }

    std::vector<int> partner_a(na, -1), partner_b(nb, -1);
    std::vector<char> by_user(na, 0);
    // Confirmed first, newest decision last wins nothing: one match per measure, the first stored.
    for (const auto& [i, j] : confirmed)
        if (partner_a[i] < 0 && partner_b[j] < 0) {
            partner_a[i] = static_cast<int>(j), partner_b[j] = static_cast<int>(i);
            by_user[i] = 1;
        }
    // Then greedily: the most similar free pair, ties in A's then B's order.
    std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < na; ++i)
        for (std::size_t j = 0; j < nb; ++j)
            if (sim[i * nb + j] >= match_threshold && !forbidden[i * nb + j]) pairs.emplace_back(sim[i * nb + j], i, j);
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
        if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
        return std::tie(std::get<1>(x), std::get<2>(x)) < std::tie(std::get<1>(y), std::get<2>(y));
    });
    for (const auto& [s, i, j] : pairs)
        if (partner_a[i] < 0 && partner_b[j] < 0) partner_a[i] = static_cast<int>(j), partner_b[j] = static_cast<int>(i);

    // The closest counterpart of an unmatched measure (shown, never applied).
    auto closest = [&](std::size_t self, bool in_a) {
        std::pair<double, int> best{0.0, -1};
        const std::size_t others = in_a ? nb : na;
        for (std::size_t o = 0; o < others; ++o) {
            const double s = in_a ? sim[self * nb + o] : sim[o * nb + self];
            if (s > best.first) best = {s, in_a ? b.nodes[o] : a.nodes[o]};
        }
        return best;
    };
    for (std::size_t i = 0; i < na; ++i) {
        DiffRow row;
        row.node_a = a.nodes[i];
        if (partner_a[i] >= 0) {
            const std::size_t j = static_cast<std::size_t>(partner_a[i]);
            row.node_b = b.nodes[j];
            row.similarity = sim[i * nb + j];
            row.confirmed = by_user[i] != 0;
            row.status = matched_status(pa.nodes[static_cast<std::size_t>(row.node_a)],
                                        pb.nodes[static_cast<std::size_t>(row.node_b)], row.similarity);
        } else {
            row.status = DiffStatus::dropped;
            std::tie(row.similarity, row.closest) = closest(i, true);
            row.broken = broken_a[i] >= 0;
            row.broken_with = row.broken ? b.nodes[static_cast<std::size_t>(broken_a[i])] : -1;
        }
        diff.rows.push_back(row);
    }
    for (std::size_t j = 0; j < nb; ++j) {
        if (partner_b[j] >= 0) continue;
        DiffRow row;
        row.status = DiffStatus::added;
        row.node_b = b.nodes[j];
        std::tie(row.similarity, row.closest) = closest(j, false);
        row.broken = broken_b[j] >= 0;
        row.broken_with = row.broken ? a.nodes[static_cast<std::size_t>(broken_b[j])] : -1;
        diff.rows.push_back(row);
    }
    return diff;
}

// ---- Output -----------------------------------------------------------------------

namespace {

std::string percent(double similarity) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d%%", static_cast<int>(similarity * 100.0 + 0.5));
    return buf;
}

std::string two_decimals(double value) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", value);
    return buf;
}

std::string node_text(const Plan& plan, int node) {
    if (node < 0) return {};
    const Node& n = plan.nodes[static_cast<std::size_t>(node)];
    return n.label.empty() ? n.name : n.label + " " + n.name;
}

std::string node_id(const Plan& plan, int node) { return node < 0 ? std::string() : plan.nodes[static_cast<std::size_t>(node)].id; }

std::string decision_text(const DiffRow& row) {
    if (row.confirmed) return "confirmed";
    if (row.broken) return "broken";
    return "auto";
}

std::string plan_heading(const Dataset& data, const Plan& plan) {
    std::string out = plan.title;
    if (const Municipality* m = data.find_municipality(plan.municipality_id)) out = m->name_ja + " " + out;
    if (!plan.period_as_written.empty()) out += "（" + plan.period_as_written + "）";
    return out;
}

}  // namespace

std::string diff_to_markdown(const Dataset& data, const GenerationDiff& diff) {
    const Plan& pa = data.plans.at(diff.plan_a);
    const Plan& pb = data.plans.at(diff.plan_b);
    std::string out = "# 世代差分: " + markdown_text(pa.id) + " → " + markdown_text(pb.id) + "\n\n";
    out += "- 旧: " + markdown_text(plan_heading(data, pa)) + "\n";
    out += "- 新: " + markdown_text(plan_heading(data, pb)) + "\n";
    out += "- 継続 " + std::to_string(diff.count(DiffStatus::continued)) + " · 変更 " +
           std::to_string(diff.count(DiffStatus::changed)) + " · 新規 " + std::to_string(diff.count(DiffStatus::added)) +
           " · 廃止 " + std::to_string(diff.count(DiffStatus::dropped)) + "（施策 旧 " +
           std::to_string(diff.count(DiffStatus::continued) + diff.count(DiffStatus::changed) + diff.count(DiffStatus::dropped)) +
           " · 新 " +
           std::to_string(diff.count(DiffStatus::continued) + diff.count(DiffStatus::changed) + diff.count(DiffStatus::added)) +
           "）\n";
    if (diff.decisions_applied + diff.decisions_stale > 0)
        out += "- 利用者の判断 " + std::to_string(diff.decisions_applied) + " 件を適用" +
               (diff.decisions_stale ? "、" + std::to_string(diff.decisions_stale) + " 件は計画にない施策を指すため未適用" : "") +
               "\n";
    out += "- 類似度: 施策名の文字バイグラム（NFKC正規化、tf-idf重み）のコサイン。" + percent(match_threshold) +
           "以上で対応付け、" + percent(continued_threshold) + "以上または同名で継続\n\n";
    out += "| 状態 | 類似度 | 旧: " + markdown_text(pa.id) + " | 新: " + markdown_text(pb.id) + " | 判断 |\n";
    out += "| --- | --- | --- | --- | --- |\n";
    for (const DiffRow& row : diff.rows) {
        const bool matched = row.node_a >= 0 && row.node_b >= 0;
        std::string similarity = matched ? percent(row.similarity) : "—";
        std::string decision = row.confirmed ? "確認済み" : row.broken ? "対応を解除" : "自動";
        std::string old_side = row.node_a >= 0 ? markdown_text(node_text(pa, row.node_a)) + " (`" + markdown_text(node_id(pa, row.node_a)) + "`)" : "—";
        std::string new_side = row.node_b >= 0 ? markdown_text(node_text(pb, row.node_b)) + " (`" + markdown_text(node_id(pb, row.node_b)) + "`)" : "—";
        out += "| " + std::string(status_label_ja(row.status)) + " | " + similarity + " | " + old_side + " | " + new_side +
               " | " + decision + " |\n";
    }
    return out;
}

std::string diff_to_csv(const Dataset& data, const GenerationDiff& diff) {
    const Plan& pa = data.plans.at(diff.plan_a);
    const Plan& pb = data.plans.at(diff.plan_b);
    CsvWriter out({"status", "status_ja", "similarity", "plan_a", "item_a", "name_a", "plan_b", "item_b", "name_b",
                   "decision"});
    for (const DiffRow& row : diff.rows) {
        const bool matched = row.node_a >= 0 && row.node_b >= 0;
        out.row({std::string(to_string(row.status)), std::string(status_label_ja(row.status)),
                 matched ? two_decimals(row.similarity) : std::string(), pa.id, node_id(pa, row.node_a),
                 node_text(pa, row.node_a), pb.id, node_id(pb, row.node_b), node_text(pb, row.node_b), decision_text(row)});
    }
    return out.take();
}

// ---- Stored decisions -----------------------------------------------------------------

namespace {

std::string override_select() { return "SELECT " + records::select_columns(records::measure_match) + " FROM measure_match"; }

MatchOverride override_at(const sql::Statement& st) {
    MatchOverride m;
    records::read_fields(records::measure_match, st, 0, m);
    return m;
}

// The checks before a write: every problem, or nothing written.
void check_pair(sqlite3* db, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                const std::string& item_b) {
    std::vector<std::string> problems;
    if (plan_a == plan_b) problems.push_back("the two plans are the same plan '" + plan_a + "'");
    sql::Statement plan(db, "SELECT municipality_id FROM plan WHERE id = ?");
    std::string municipality[2];
    const std::string* ids[2] = {&plan_a, &plan_b};
    for (int k = 0; k < 2; ++k) {
        plan.bind_all(*ids[k]);
        if (plan.step()) municipality[k] = plan.text(0);
        else problems.push_back("there is no plan '" + *ids[k] + "'");
        plan.reset();
    }
    if (!municipality[0].empty() && !municipality[1].empty() && municipality[0] != municipality[1])
        problems.push_back("the plans '" + plan_a + "' and '" + plan_b + "' belong to different municipalities (" +
                           municipality[0] + ", " + municipality[1] + ")");
    sql::Statement node(db, "SELECT 1 FROM node WHERE plan_id = ? AND id = ?");
    const std::string* items[2] = {&item_a, &item_b};
    for (int k = 0; k < 2; ++k) {
        node.bind_all(*ids[k], *items[k]);
        if (!node.step()) problems.push_back("plan '" + *ids[k] + "' has no measure '" + *items[k] + "'");
        node.reset();
    }
    if (!problems.empty()) {
        std::string message;
        for (const auto& p : problems) message += (message.empty() ? "" : "; ") + p;
        throw Error(message);
    }
}

// Removes decisions of the pair of plans (either order) about these items.
// `either`: any decision naming item_a on A's side or item_b on B's side;
// otherwise only those about exactly this pair of items.
void remove_decisions(sqlite3* db, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                      const std::string& item_b, bool either, const char* decision) {
    const std::string items = either ? "(item_a = ?2 OR item_b = ?4)" : "(item_a = ?2 AND item_b = ?4)";
    const std::string swapped = either ? "(item_b = ?2 OR item_a = ?4)" : "(item_b = ?2 AND item_a = ?4)";
    std::string sql = "DELETE FROM measure_match WHERE ((plan_a = ?1 AND plan_b = ?3 AND " + items +
                      ") OR (plan_a = ?3 AND plan_b = ?1 AND " + swapped + "))";
    if (decision) sql += " AND decision = ?5";
    sql::Statement st(db, sql);
    st.bind_all(plan_a, item_a, plan_b, item_b);
    if (decision) st.bind(5, decision);
    st.run();
}

void insert_decision(sqlite3* db, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                     const std::string& item_b, MatchDecision decision) {
    sql::Statement st(db, "INSERT INTO measure_match (plan_a, item_a, plan_b, item_b, decision) VALUES (?, ?, ?, ?, ?)");
    st.bind_all(plan_a, item_a, plan_b, item_b, to_string(decision)).run();
}

}  // namespace

std::vector<MatchOverride> load_match_overrides(const Store& store, std::vector<std::string>* skipped) {
    std::vector<MatchOverride> out;
    sqlite3* db = store.handle();
    if (!sql::has_table(db, "measure_match")) return out;  // a read-only open of a version 1–3 database
    sql::Statement st(db, override_select() + " ORDER BY plan_a, plan_b, id");
    while (st.step()) {
        try {
            out.push_back(override_at(st));
        } catch (const Error& e) {
            if (!skipped) throw;
            skipped->push_back(std::string("a damaged diff decision was skipped: ") + e.what());
        }
    }
    return out;
}

std::vector<MatchOverride> match_overrides_of(const Store& store, std::string_view plan_a, std::string_view plan_b) {
    std::vector<MatchOverride> out;
    sqlite3* db = store.handle();
    if (!sql::has_table(db, "measure_match")) return out;
    sql::Statement st(db, override_select() + " WHERE (plan_a = ?1 AND plan_b = ?2) OR (plan_a = ?2 AND plan_b = ?1) ORDER BY id");
    st.bind_all(plan_a, plan_b);
    while (st.step()) out.push_back(override_at(st));
    return out;
}

void confirm_match(Store& store, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                   const std::string& item_b) {
    sqlite3* db = store.handle();
    check_pair(db, plan_a, item_a, plan_b, item_b);
    sql::Transaction tx(db);
    remove_decisions(db, plan_a, item_a, plan_b, item_b, true, "match");
    remove_decisions(db, plan_a, item_a, plan_b, item_b, false, nullptr);
    insert_decision(db, plan_a, item_a, plan_b, item_b, MatchDecision::match);
    tx.commit();
}

void break_match(Store& store, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                 const std::string& item_b) {
    sqlite3* db = store.handle();
    check_pair(db, plan_a, item_a, plan_b, item_b);
    sql::Transaction tx(db);
    remove_decisions(db, plan_a, item_a, plan_b, item_b, false, nullptr);
    insert_decision(db, plan_a, item_a, plan_b, item_b, MatchDecision::no_match);
    tx.commit();
}

void clear_match_decision(Store& store, const std::string& plan_a, const std::string& item_a, const std::string& plan_b,
                          const std::string& item_b) {
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    remove_decisions(db, plan_a, item_a, plan_b, item_b, false, nullptr);
    tx.commit();
}

void restore_match_overrides(Store& store, std::string_view plan_a, std::string_view plan_b,
                             const std::vector<MatchOverride>& before) {
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    sql::Statement remove(db, "DELETE FROM measure_match WHERE (plan_a = ?1 AND plan_b = ?2) OR (plan_a = ?2 AND plan_b = ?1)");
    remove.bind_all(plan_a, plan_b).run();
    sql::Statement insert(db,
                          "INSERT INTO measure_match (id, plan_a, item_a, plan_b, item_b, decision, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const MatchOverride& m : before) {
        insert.bind(1, m.id);
        insert.bind(2, m.plan_a).bind(3, m.item_a).bind(4, m.plan_b).bind(5, m.item_b);
        insert.bind(6, to_string(m.decision)).bind(7, m.updated_at).run();
    }
    tx.commit();
}

}  // namespace wardscope
