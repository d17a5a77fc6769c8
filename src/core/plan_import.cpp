// Plan files → SQLite: one transaction per import, all or nothing. The files
// are parsed on a second thread while the writer stores the ones before them.
#include "wardscope/plan_import.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>

#include <sqlite3.h>

#include "record_sql.hpp"
#include "sqlite_statement.hpp"
#include "wardscope/error.hpp"
#include "wardscope/municipality.hpp"

namespace wardscope {

using sql::Statement;

namespace {

void write_taxonomy(sqlite3* db, const Taxonomy& taxonomy) {
    records::RowInsert theme(db, records::theme, {"ord"}, records::upsert_clause(records::theme, {"id"}, {"ord"}));
    Statement clear_keywords(db, "DELETE FROM theme_keyword WHERE theme_id = ?");
    records::RowInsert keyword(db, records::theme_keyword, {"theme_id", "ord", "keyword"});
    for (std::size_t i = 0; i < taxonomy.themes.size(); ++i) {
        const Theme& t = taxonomy.themes[i];
        theme.run(t, static_cast<int>(i));
        clear_keywords.bind_all(t.id).run();
        for (std::size_t k = 0; k < t.keywords.size(); ++k) keyword.run({}, t.id, static_cast<int>(k), t.keywords[k]);
    }
    records::RowInsert actor(db, records::actor, {"ord"}, records::upsert_clause(records::actor, {"id"}, {"ord"}));
    for (std::size_t i = 0; i < taxonomy.actors.size(); ++i) actor.run(taxonomy.actors[i], static_cast<int>(i));
    records::RowInsert<decltype(records::source_document)> document(
        db, records::source_document, {"ord"}, records::upsert_clause(records::source_document, {"file"}, {"ord"}));
    for (std::size_t i = 0; i < taxonomy.documents.size(); ++i) document.run(taxonomy.documents[i], static_cast<int>(i));
}

// The statements of a plan's rows, prepared once per import (not once per
// plan: 248 plans × 12 statements was ≈ 3,000 prepares). They borrow the bound
// text: every string bound lives in the plan file until its row has run. The
// record tables' columns come from their field tables (records.hpp).
struct PlanWriter {
    explicit PlanWriter(sqlite3* db, std::string entered_at) : entered_at(std::move(entered_at)), db(db) {}
    // Observations of plan files: one entered_at for the whole import (the
    // column's default, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), read once at
    // the start of its transaction instead of evaluated per row).
    std::string entered_at;
    sqlite3* db;
    static constexpr sql::BoundText borrowed = sql::BoundText::borrowed;
    template <typename T>
    using Insert = records::RowInsert<T>;
    Insert<decltype(records::plan)> plan{db, records::plan, {}, "", borrowed};
    Insert<decltype(records::plan_viewpoint)> viewpoint{db, records::plan_viewpoint, {"plan_id", "ord", "text"}, "", borrowed};
    Insert<decltype(records::plan_focus_field)> focus{db, records::plan_focus_field, {"plan_id", "ord", "text"}, "", borrowed};
    Insert<decltype(records::plan_level)> level{db, records::plan_level, {"plan_id", "ord"}, "", borrowed};
    // The four tables of ≈ 100,000 rows or more at national size go in batches (record_sql.hpp).
    static constexpr int batch_rows = 64;
    template <typename T, typename... Given>
    using Batch = records::RowBatchInsert<T, Given...>;
    Batch<decltype(records::node), std::string_view, int> node{db, records::node, {"plan_id", "ord"}, batch_rows, borrowed};
    Insert<decltype(records::node_also_under)> also_under{
        db, records::node_also_under, {"plan_id", "node_id", "parent_id", "ord"}, "", borrowed};
    Batch<decltype(records::node_theme), std::string_view, std::string_view, int> tag{
        db, records::node_theme, {"plan_id", "node_id", "ord"}, batch_rows, borrowed};
    Batch<decltype(records::node_actor), std::string_view, std::string_view, std::string_view, int> actor{
        db, records::node_actor, {"plan_id", "node_id", "actor_id", "ord"}, batch_rows, borrowed};
    const records::LinkRow link{};  // the record of a row whose columns are all given (node_actor)
    Insert<decltype(records::swot_item)> swot{db, records::swot_item, {"plan_id", "ord"}, "", borrowed};
    Insert<decltype(records::tows_strategy)> tows{db, records::tows_strategy, {"plan_id", "ord"}, "", borrowed};
    Insert<decltype(records::tows_swot)> tows_swot{db, records::tows_swot, {"plan_id", "tows_id", "swot_id", "ord"}, "", borrowed};
    Insert<decltype(records::tows_node)> tows_node{db, records::tows_node, {"plan_id", "tows_id", "node_id", "ord"}, "", borrowed};
    Insert<decltype(records::indicator)> indicator{db, records::indicator, {"plan_id", "ord"}, "", borrowed};
    Insert<decltype(records::evaluation)> evaluation{db, records::evaluation, {"plan_id"}, "", borrowed};
    Statement rating{db, "INSERT INTO plan_rating (plan_id, ord, rating) VALUES (?, ?, ?)", borrowed};
    Insert<decltype(records::indicator_target)> year_target{db, records::indicator_target, {"plan_id", "indicator_id"}, "",
                                                            borrowed};
    Statement author{db, "INSERT INTO plan_author (plan_id, ord, text) VALUES (?, ?, ?)", borrowed};
    Insert<decltype(records::approval)> approval{db, records::approval, {"plan_id", "ord"}, "", borrowed};
    Insert<decltype(records::budget_line)> budget{db, records::budget_line, {"plan_id", "ord"}, "", borrowed};
    Insert<decltype(records::plan_statement)> statement{db, records::plan_statement, {"plan_id", "ord"}, "", borrowed};
    // A plan file's observations belong to its plan and have origin plan_file.
    Batch<decltype(records::observation), std::string_view, std::string_view, std::string_view> observation{
        db, records::observation, {"plan_id", "origin", "entered_at"}, batch_rows, borrowed};
    // Node tags as derive_rule_tags would leave them (hand, then rule tags),
    // derived node by node: the plan file is not copied to derive them. They
    // live here until their batch is written.
    std::vector<std::vector<ThemeTag>> node_tags;
    void write(const PlanFile& pf, const Taxonomy& taxonomy);
};

void PlanWriter::write(const PlanFile& pf, const Taxonomy& taxonomy) {
    const Plan& p = pf.plan;
    plan.run(p);

    for (std::size_t i = 0; i < p.viewpoints.size(); ++i) viewpoint.run({}, p.id, static_cast<int>(i), p.viewpoints[i]);
    for (std::size_t i = 0; i < p.focus_fields.size(); ++i) focus.run({}, p.id, static_cast<int>(i), p.focus_fields[i]);

    for (std::size_t i = 0; i < p.levels.size(); ++i) level.run(p.levels[i], p.id, static_cast<int>(i));
    for (std::size_t i = 0; i < p.nodes.size(); ++i) node.add(p.nodes[i], p.id, static_cast<int>(i));
    node.flush();  // the rows below refer to the nodes (foreign keys, checked per row)
    node_tags.clear();
    node_tags.reserve(p.nodes.size());
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        const Node& n = p.nodes[i];
        for (std::size_t k = 0; k < n.also_under.size(); ++k) also_under.run({}, p.id, n.id, n.also_under[k], static_cast<int>(k));
        const std::vector<ThemeTag>& themes = node_tags.emplace_back(derived_theme_tags(n, taxonomy));
        for (std::size_t k = 0; k < themes.size(); ++k) tag.add(themes[k], p.id, n.id, static_cast<int>(k));
        for (std::size_t k = 0; k < n.actors.size(); ++k) actor.add(link, p.id, n.id, n.actors[k], static_cast<int>(k));
    }
    tag.flush();
    actor.flush();

    for (std::size_t i = 0; i < p.swot.size(); ++i) swot.run(p.swot[i], p.id, static_cast<int>(i));
    for (std::size_t i = 0; i < p.tows.size(); ++i) {
        const TowsStrategy& t = p.tows[i];
        tows.run(t, p.id, static_cast<int>(i));
        for (std::size_t k = 0; k < t.swot_ids.size(); ++k) tows_swot.run({}, p.id, t.id, t.swot_ids[k], static_cast<int>(k));
        for (std::size_t k = 0; k < t.node_ids.size(); ++k) tows_node.run({}, p.id, t.id, t.node_ids[k], static_cast<int>(k));
    }
    for (std::size_t i = 0; i < p.indicators.size(); ++i) {
        indicator.run(p.indicators[i], p.id, static_cast<int>(i));
        for (const YearTarget& t : p.indicators[i].targets) year_target.run(t, p.id, p.indicators[i].id);
    }
    for (std::size_t i = 0; i < p.rating_scale.size(); ++i) rating.bind_all(p.id, static_cast<int>(i), p.rating_scale[i]).run();
    for (const Evaluation& e : p.evaluations) evaluation.run(e, p.id);
    for (std::size_t i = 0; i < p.authors.size(); ++i) author.bind_all(p.id, static_cast<int>(i), p.authors[i]).run();
    for (std::size_t i = 0; i < p.approvals.size(); ++i) approval.run(p.approvals[i], p.id, static_cast<int>(i));
    for (std::size_t i = 0; i < p.budget.size(); ++i) budget.run(p.budget[i], p.id, static_cast<int>(i));
    for (std::size_t i = 0; i < p.statements.size(); ++i) statement.run(p.statements[i], p.id, static_cast<int>(i));
    for (const Observation& o : pf.observations) observation.add(o, p.id, to_string(ObservationOrigin::plan_file), entered_at);
    observation.flush();
}

// The municipality as one record (municipality.hpp): a file's description is
// merged with what the database knows (unknown attributes filled in, sources
// accumulated). A known attribute the file contradicts is an error naming the
// file and the database, unless every plan of the municipality in the
// database comes again in this import (a correction made in all its files).
class MunicipalityWriter {
public:
    explicit MunicipalityWriter(sqlite3* db) : db_(db) {}

    void write(const PlanFile& pf, const std::string& file) {
        const Municipality& incoming = pf.municipality;
        plans_here_[incoming.id].insert(pf.plan.id);
        find_.bind(1, incoming.id);
        std::optional<Municipality> stored;
        if (find_.step()) records::read_fields(records::municipality, find_, 0, stored.emplace());
        find_.reset();
        Municipality row = incoming;
        if (stored) {
            const std::vector<AttributeConflict> conflicts = attribute_conflicts(incoming, *stored);
            if (!conflicts.empty() && !contradicted_.contains(incoming.id))
                contradicted_.emplace(incoming.id, Contradiction{file, conflicts});
            row = merge_descriptions(incoming, *stored);
            if (!stored->source.empty()) row.source = stored->source;  // the row keeps the first source
        }
        upsert_.run(row);
        if (!incoming.source.empty())
            add_source_.bind_all(incoming.id, incoming.source.file, incoming.source.section, incoming.source.url).run();
    }

    // The contradictions that plans outside this import still rely on.
    std::vector<Problem> problems() {
        std::vector<Problem> out;
        sql::Statement plans(db_, "SELECT id FROM plan WHERE municipality_id = ? ORDER BY id");
        for (const auto& [id, c] : contradicted_) {
            plans.bind(1, id);
            std::string others;
            while (plans.step())
                if (!plans_here_[id].contains(plans.text(0))) others += (others.empty() ? "'" : ", '") + plans.text(0) + "'";
            plans.reset();
            if (others.empty()) continue;
            out.push_back({c.file, "/municipality",
                           "municipality '" + id + "': " + describe_conflicts(c.conflicts, "the database") + " (plans " + others +
                               " say so and are not in this import; import all of its plans together to change it)"});
        }
        return out;
    }

private:
    struct Contradiction {
        std::string file;
        std::vector<AttributeConflict> conflicts;
    };
    sqlite3* db_;
    sql::Statement find_{db_, "SELECT " + records::select_columns(records::municipality) + " FROM municipality WHERE id = ?"};
    records::RowInsert<decltype(records::municipality)> upsert_{
        db_, records::municipality, {}, records::upsert_clause(records::municipality, {"id"})};
    sql::Statement add_source_{db_,
                               "INSERT INTO municipality_source (municipality_id, source_file, source_section, source_url) "
                               "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"};
    std::map<std::string, std::set<std::string>, std::less<>> plans_here_;  // municipality → its plans in this import
    std::map<std::string, Contradiction, std::less<>> contradicted_;
};

std::string utc_now(sqlite3* db) {
    Statement now(db, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    now.step();
    return now.text(0);
}

// One import: BEGIN and the taxonomy on construction, then the plan files one
// by one, then commit(). Destroyed without commit() it rolls everything back.
class ImportTransaction {
public:
    ImportTransaction(sqlite3* db, const Taxonomy& taxonomy)
        : db_(db), taxonomy_(taxonomy), tx_(db), writer_(db, utc_now(db)) {
        write_taxonomy(db, taxonomy);
    }

    void add(const PlanFile& pf, const std::string& file) {
        municipalities_.write(pf, file);
        exists_.bind(1, pf.plan.id);
        const bool replacing = exists_.step();
        exists_.reset();
        if (replacing) {
            remove_.bind(1, pf.plan.id).run();
            remove_file_observations_.bind(1, pf.plan.id).run();
            report_.replaced_plans.push_back(pf.plan.id);
        } else {
            report_.added_plans.push_back(pf.plan.id);
        }
        writer_.write(pf, taxonomy_);
        report_.nodes += pf.plan.nodes.size();
        report_.measures += static_cast<std::size_t>(std::count_if(
            pf.plan.nodes.begin(), pf.plan.nodes.end(), [&](const Node& n) { return n.level == pf.plan.measure_level; }));
        report_.indicators += pf.plan.indicators.size();
        report_.swot_items += pf.plan.swot.size();
        report_.observations += pf.observations.size();
    }

    // Problems found only once every file is in: contradictions of the database.
    std::vector<Problem> problems() { return municipalities_.problems(); }

    ImportReport commit() {
        // A plan that moved to another municipality may leave an unused one behind.
        sql::exec(db_, "DELETE FROM municipality WHERE id NOT IN (SELECT municipality_id FROM plan)");
        tx_.commit();
        return std::move(report_);
    }

private:
    sqlite3* db_;
    const Taxonomy& taxonomy_;
    sql::Transaction tx_;
    PlanWriter writer_;
    MunicipalityWriter municipalities_{db_};
    Statement exists_{db_, "SELECT 1 FROM plan WHERE id = ?"};
    Statement remove_{db_, "DELETE FROM plan WHERE id = ?"};
    // Observations that came with the previous version of a plan file go with it;
    // those from CSV files or typed in by users stay.
    Statement remove_file_observations_{db_, "DELETE FROM observation WHERE plan_id = ? AND origin = 'plan_file'"};
    ImportReport report_;
};

Error not_imported(const Store& store, const std::exception& e) {
    return Error(store.path().string() + ": " + e.what() + "; nothing was imported");
}

// Parses files 0…count-1 in order on its own thread, a few files ahead of the
// reader (bounded, so memory holds a few plans, not all of them). Results the
// reader is done with come back to be freed here too: their memory belongs to
// this thread's allocator arena, and freeing it from the writer's thread
// would contend for that arena's lock while this one allocates.
class ParseAhead {
public:
    ParseAhead(std::size_t count, std::function<ParseResult(std::size_t)> parse)
        : count_(count), parse_(std::move(parse)), thread_([this] { run(); }) {}
    ~ParseAhead() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }
    ParseAhead(const ParseAhead&) = delete;
    ParseAhead& operator=(const ParseAhead&) = delete;

    // The next file's result, in order; rethrows what parsing threw.
    ParseResult next() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !ready_.empty() || failure_; });
        if (ready_.empty()) std::rethrow_exception(failure_);
        ParseResult result = std::move(ready_.front());
        ready_.pop_front();
        changed_.notify_all();
        return result;
    }

    // Hands a result back to be freed on the parsing thread.
    void done_with(ParseResult result) {
        std::lock_guard lock(mutex_);
        spent_.push_back(std::move(result));
    }

private:
    static constexpr std::size_t max_ahead = 8;

    void run() {
        try {
            for (std::size_t i = 0; i < count_; ++i) {
                free_spent();
                ParseResult result = parse_(i);
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return ready_.size() < max_ahead || stopping_; });
                if (stopping_) return;
                ready_.push_back(std::move(result));
                changed_.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(mutex_);
            failure_ = std::current_exception();
            changed_.notify_all();
        }
        free_spent();
    }

    void free_spent() {
        std::vector<ParseResult> spent;
        {
            std::lock_guard lock(mutex_);
            spent.swap(spent_);
        }
    }  // freed here, outside the lock

    std::size_t count_;
    std::function<ParseResult(std::size_t)> parse_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<ParseResult> ready_;
    std::vector<ParseResult> spent_;  // handed back by the reader, to be freed on this thread
    std::exception_ptr failure_;
    bool stopping_ = false;
    std::thread thread_;  // last: starts once the members above exist
};

}  // namespace

ImportReport import_plans(Store& store, const Taxonomy& taxonomy, const std::vector<PlanFile>& plan_files) {
    try {
        ImportTransaction import(store.handle(), taxonomy);
        for (const PlanFile& pf : plan_files) import.add(pf, "plan '" + pf.plan.id + "'");
        if (const std::vector<Problem> problems = import.problems(); !problems.empty()) throw Error(problems.front().to_string());
        return import.commit();
    } catch (const Error& e) {
        throw not_imported(store, e);
    }
}

ImportResult import_parsed(Store& store, const Taxonomy& taxonomy, std::size_t count,
                           const std::function<ParseResult(std::size_t)>& parse) {
    ImportResult result;
    try {
        ImportTransaction import(store.handle(), taxonomy);
        ParseAhead parsed(count, parse);
        PlanSetCheck set_check;
        for (std::size_t i = 0; i < count; ++i) {
            ParseResult file = parsed.next();
            result.problems.insert(result.problems.end(), file.problems.begin(), file.problems.end());
            if (file.ok()) {
                const std::vector<Problem> set_problems = set_check.add(file);
                result.problems.insert(result.problems.end(), set_problems.begin(), set_problems.end());
            }
            // After the first problem the rest is still parsed, to report every
            // problem, but no longer written: the transaction will be rolled back.
            if (result.problems.empty()) import.add(file.plan_file, file.file);
            parsed.done_with(std::move(file));
        }
        if (result.problems.empty()) result.problems = import.problems();
        if (result.problems.empty()) result.report = import.commit();
    } catch (const Error& e) {
        throw not_imported(store, e);
    }
    return result;
}

ImportResult import_plan_files(Store& store, const Taxonomy& taxonomy, const std::vector<std::filesystem::path>& files) {
    return import_parsed(store, taxonomy, files.size(), [&](std::size_t i) { return read_plan_file(files[i], taxonomy); });
}

ImportResult import_plan_texts(Store& store, const Taxonomy& taxonomy, const std::vector<PlanText>& texts) {
    return import_parsed(store, taxonomy, texts.size(),
                         [&](std::size_t i) { return parse_plan_file(texts[i].text, texts[i].name, taxonomy); });
}

}  // namespace wardscope
