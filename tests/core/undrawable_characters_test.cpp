// Characters Debian's Dear ImGui 1.86 cannot draw (outside the BMP) are valid
// data, named in a validator warning with their pointer (issue #13 C).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

using namespace wardscope;

TEST_CASE("a character outside the BMP is a warning naming it and its pointer — the file stays valid") {
    nlohmann::json j = nlohmann::json::parse(test::minimal_plan_json("kichi-plan", "𠮷田町の計画"));
    j["nodes"][0]["name"] = "𠮷野の𠮷と∼≒";
    const ParseResult r = parse_plan_file(j.dump(), "k.json", test::bundled_taxonomy());
    CHECK(r.ok());
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].pointer == "/title");
    CHECK(r.warnings[1].pointer == "/nodes/0/name");
    // Named once per text, with its code point; ∼ and ≒ are in the BMP and drawable.
    CHECK(r.warnings[1].message ==
          "the dashboard cannot draw '𠮷' (U+20BB7) (outside the Basic Multilingual Plane; Dear ImGui 1.86 as packaged): "
          "shown as \xE3\x80\x93 (U+3013)");
}

TEST_CASE("bundled plans have no characters the dashboard cannot draw") {
    for (const auto& entry : std::filesystem::directory_iterator(test::source_dir() / "data" / "plans")) {
        const ParseResult r = read_plan_file(entry.path(), test::bundled_taxonomy());
        CHECK_MESSAGE(r.warnings.empty(), entry.path().string());
    }
}
