// The dashboard and an untrusted or damaged database (issue #12): damaged
// note and slide rows are left out with a notice, never a failed start; a
// planted trigger stops a note save before it writes; a hot journal is
// reported, never rolled back by displaying.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "app/dashboard.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"
#include "wardscope/workshop.hpp"

namespace fs = std::filesystem;
using namespace wardscope;

namespace {

struct Database {
    fs::path dir, path;
    Database() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("wardscope-untrusted-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(dir);
        path = dir / "w.db";
        Store store = Store::open(path, OpenMode::create);
        Taxonomy taxonomy;
        taxonomy.themes = {{"startup", "創業", "Startups", {"創業"}, "", ""}};
        GenerateOptions options;
        options.municipalities = 1;
        options.plans_per_municipality = 1;
        options.measures_per_plan = 5;
        options.indicators_per_plan = 2;
        options.years = 2;
        generate_database(store, taxonomy, options);
        add_slide(store, "一枚目", SlideState{});
        add_slide(store, "二枚目", SlideState{});
    }
    ~Database() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    // Through the sqlite3 shell, as another program would.
    void run_sql(const std::string& sql) const {
        const fs::path script = dir / "script.sql";
        std::ofstream(script) << sql << "\n";
        REQUIRE(std::system(("sqlite3 '" + path.string() + "' < '" + script.string() + "'").c_str()) == 0);
    }
    std::string bytes() const {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    }
};

ItemRef first_node(const app::Dashboard& d) {
    const Plan& plan = d.data().plans.front();
    return {plan.id, ItemKind::node, plan.nodes.front().id};
}

}  // namespace

TEST_CASE("a damaged slide or note row is left out at start-up, with a notice and a log line") {
    Database db;
    {
        app::Dashboard d(db.path);
        REQUIRE(d.set_annotation(first_node(d), "メモ", 3).empty());
    }
    db.run_sql("UPDATE slide SET state = '[1,2' WHERE name = '一枚目'; PRAGMA ignore_check_constraints = ON; UPDATE annotation SET vote = 'x';");
    app::Dashboard d(db.path);
    CHECK(d.model().slides.size() == 1);
    CHECK(d.model().slides.front().name == "二枚目");
    CHECK(d.model().annotations.empty());
    REQUIRE(d.skipped_rows.size() == 2);
    CHECK(d.skipped_rows[0].find("a damaged note was skipped") != std::string::npos);
    CHECK(d.skipped_rows[0].find("annotation.vote in the row where id = '1' is text ('x')") != std::string::npos);
    CHECK(d.skipped_rows[1].find("a damaged slide was skipped: slide 1 '一枚目'") != std::string::npos);
}

TEST_CASE("a trigger planted after the dashboard opened stops the note save before anything is written") {
    Database db;
    app::Dashboard d(db.path);
    db.run_sql("CREATE TRIGGER planted AFTER INSERT ON annotation BEGIN DELETE FROM slide; UPDATE plan SET title = 'x'; END;");
    const std::string before = db.bytes();
    const std::string error = d.set_annotation(first_node(d), "メモ", 5);
    CHECK(error.find("it holds a trigger 'planted' on 'annotation' that wardscope does not create") != std::string::npos);
    CHECK(db.bytes() == before);
    CHECK_FALSE(fs::exists(db.dir / "w.db-journal"));
}

TEST_CASE("a hot journal stops the dashboard's load with the message, and the file is not touched") {
    Database db;
    // A writer killed mid-transaction (a copy of its journal and half-written file).
    const fs::path copy = db.dir / "copy.db";
    db.run_sql("PRAGMA cache_size = 1; BEGIN IMMEDIATE; DELETE FROM node; DELETE FROM slide;\n"
               ".shell cp '" + db.path.string() + "' '" + copy.string() + "'; cp '" + db.path.string() + "-journal' '" +
               copy.string() + "-journal'\nROLLBACK;");
    REQUIRE(fs::file_size(fs::path(copy) += "-journal") > 0);
    fs::copy_file(copy, db.path, fs::copy_options::overwrite_existing);
    fs::copy_file(fs::path(copy) += "-journal", fs::path(db.path) += "-journal");
    const std::string before = db.bytes();
    try {
        app::Dashboard d(db.path);
        FAIL("the dashboard displayed a database with a hot journal");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("an interrupted write left the journal") != std::string::npos);
        CHECK(std::string(e.what()).find("wardscope recover --db") != std::string::npos);
    }
    CHECK(db.bytes() == before);
    CHECK(fs::exists(fs::path(db.path) += "-journal"));
}
