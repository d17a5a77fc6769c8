// Source documents as records (issue #13 C): data/documents.json, the
// version-4 table, the page of a source reference and how a reference reads.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"
#include "wardscope/view_tables.hpp"

using namespace wardscope;

namespace {

std::string themes_text() { return test::read_file(test::source_dir() / "data" / "themes.json"); }
std::string actors_text() { return test::read_file(test::source_dir() / "data" / "actors.json"); }

std::string documents_error(const std::string& documents) {
    try {
        parse_taxonomy(themes_text(), actors_text(), documents);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("every seed document has its real title, and every bundled source file is a known document") {
    const Taxonomy& taxonomy = test::bundled_taxonomy();
    REQUIRE(taxonomy.documents.size() == 5);
    const SourceDocument* itabashi = taxonomy.find_document("000_9c58856d0c7e1aa3.txt");
    REQUIRE(itabashi);
    CHECK(itabashi->title == "板橋区産業振興構想2035素案について (概要版)");
    CHECK(taxonomy.find_document("003_8420b78ba5ee7d85.txt")->title == "承認した地域産業活性化計画の概要");
    CHECK(taxonomy.find_document("001_a5347d860f8457c3.txt")->publisher == "東京都北区");
    CHECK(taxonomy.find_document("nothing.txt") == nullptr);
    // Every title is in the seed it names (first lines, as written), so none is invented.
    for (const SourceDocument& d : taxonomy.documents) {
        const std::string seed = test::read_file(test::source_dir() / ".." / ".." / "shared" / "seeds" / d.file);
        if (seed.empty()) continue;  // seeds are not in every checkout
        const std::string head = seed.substr(0, 600);
        std::string compact_head, compact_title;  // the extraction breaks the title over lines
        for (char c : head) if (c != '\n' && c != ' ' && c != '\r') compact_head += c;
        for (char c : d.title) if (c != ' ') compact_title += c;
        if (d.file.rfind("004_", 0) == 0) continue;  // a chapter: the title comes from the seeds' README
        CHECK_MESSAGE(compact_head.find(compact_title.substr(0, 30)) != std::string::npos, d.file);
    }
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "data" / "plans")) {
        const std::string file = entry.path().string();
        const ParseResult r = read_plan_file(entry.path(), taxonomy);
        REQUIRE(r.ok());
        const SourceRef& s = r.plan_file.plan.source;
        if (!s.file.empty()) CHECK_MESSAGE(taxonomy.find_document(s.file) != nullptr, file);
    }
}

TEST_CASE("a source reference reads as the document title, section and page — the URL comes from the item or its document") {
    Taxonomy taxonomy;
    taxonomy.documents.push_back({"a.txt", "テスト計画書", "Test plan", "試験区", "2024-03", "https://example.org/a.pdf"});
    const SourceRef ref{"a.txt", "第2章", "", "12"};
    CHECK(source_reference(ref, taxonomy) == "テスト計画書 § 第2章, p. 12");
    CHECK(source_reference(ref) == "a.txt § 第2章, p. 12");
    CHECK(source_reference(SourceRef{"b.txt", "1", "", ""}, taxonomy) == "b.txt § 1");
    CHECK(source_url(ref, taxonomy) == "https://example.org/a.pdf");
    CHECK(source_url(SourceRef{"a.txt", "", "https://example.org/own", ""}, taxonomy) == "https://example.org/own");
    CHECK(source_url(SourceRef{"b.txt", "", "", ""}, taxonomy).empty());
}

TEST_CASE("documents.json: bad entries are named by their pointer") {
    CHECK(documents_error(R"({"documents": [{"file": "a.txt"}]})") ==
          "documents.json: /documents/0/title: missing required field");
    CHECK(documents_error(R"({"documents": [{"file": "a.txt", "title": "x", "published": "令和4年度"}]})")
              .find("/documents/0/published: '令和4年度' is not a calendar date") != std::string::npos);
    CHECK(documents_error(R"({"documents": [{"file": "a.txt", "title": "x", "published": "2023-02-30"}]})")
              .find("/documents/0/published") != std::string::npos);
    CHECK(documents_error(R"({"documents": [{"file": "a.txt", "title": "x"}, {"file": "a.txt", "title": "y"}]})") ==
          "documents.json: /documents/1/file: duplicate document 'a.txt'");
    CHECK(documents_error(R"({"documents": [{"file": "a.txt", "title": "x", "author": "y"}]})") ==
          "documents.json: /documents/0/author: unknown field");
    CHECK(documents_error(R"({"docs": []})") == "documents.json: /documents: expected an object with an array \"documents\"");
    CHECK(documents_error(R"({"documents": [{"file": "a.txt", "title": "x", "published": "2024-02-29"}]})").empty());
}

TEST_CASE("documents and pages are stored (schema 4) and come back — the page round-trips JSON → database → JSON") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    CHECK(store.user_version() == schema_version);
    std::string text = test::minimal_plan_json("paged-plan", "頁つき計画");
    nlohmann::json j = nlohmann::json::parse(text);
    j["source"]["page"] = "3-4";
    j["nodes"][0]["source"] = {{"file", "000_9c58856d0c7e1aa3.txt"}, {"section", "5. 将来像"}, {"page", "7"}};
    const ParseResult parsed = parse_plan_file(j.dump(2), "p.json", test::bundled_taxonomy());
    REQUIRE(parsed.ok());
    CHECK(parsed.plan_file.plan.source.page == "3-4");
    import_plans(store, test::bundled_taxonomy(), {parsed.plan_file});
    const Dataset data = load_dataset(store);
    REQUIRE(data.taxonomy.documents.size() == test::bundled_taxonomy().documents.size());
    CHECK(data.taxonomy.find_document("002_a41ef3be21e9a717.txt")->publisher == "東京都");
    CHECK(data.taxonomy.find_document("001_a5347d860f8457c3.txt")->published == "2026");
    CHECK(data.taxonomy.find_document("000_9c58856d0c7e1aa3.txt")->published.empty());  // unknown stays unknown
    REQUIRE(data.plans.size() == 1);
    CHECK(data.plans[0].nodes[0].source.page == "7");
    const auto exported = export_plan_files(data);
    REQUIRE(exported.size() == 1);
    CHECK(to_json_text(exported[0]) == to_json_text(parsed.plan_file));
    CHECK(to_json_text(exported[0]).find("\"page\": \"7\"") != std::string::npos);
}
