// Files written whole or not at all, names from data kept inside their folder,
// the database never overwritten, text from data escaped for terminals and Markdown.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>

#include <sys/stat.h>

#include "test_support.hpp"
#include "wardscope/error.hpp"
#include "wardscope/safe_files.hpp"
#include "wardscope/text_escape.hpp"
#include "wardscope/utf8.hpp"

using namespace wardscope;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> folder_listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Sets an environment variable for one scope.
struct ScopedEnv {
    const char* name;
    ScopedEnv(const char* n, const char* value) : name(n) { ::setenv(n, value, 1); }
    ~ScopedEnv() { ::unsetenv(name); }
};

}  // namespace

TEST_CASE("write_file_atomically replaces the file whole and leaves nothing beside it") {
    test::TempDir dir;
    const fs::path file = dir.path / "out.csv";
    write_file_atomically(file, std::string_view("old\n"));
    CHECK(test::read_file(file) == "old\n");
    ::chmod(file.c_str(), 0640);
    write_file_atomically(file, std::string_view("new content\n"));
    CHECK(test::read_file(file) == "new content\n");
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);  // a replaced file keeps its permissions
    CHECK(folder_listing(dir.path) == std::vector<std::string>{"out.csv"});
}

TEST_CASE("a failed write keeps the old file, removes the temporary one and says why") {
    // Both kinds of temporary file: unnamed (O_TMPFILE) and, where a file system has none, named.
    for (const bool named : {false, true}) {
        CAPTURE(named);
        test::TempDir dir;
        std::optional<ScopedEnv> named_temp;
        if (named) named_temp.emplace("WARDSCOPE_TEST_NAMED_TEMP", "1");
        const fs::path file = dir.path / "notes.md";
        write_file_atomically(file, std::string_view("the old notes\n"));
        const std::string big(100000, 'x');
        {
            ScopedEnv fault("WARDSCOPE_TEST_FAIL_WRITE_AFTER", "4096");
            CHECK_THROWS_WITH_AS(write_file_atomically(file, big), doctest::Contains("cannot write: no space left on device"),
                                 Error);
            CHECK_THROWS_AS(write_file_atomically(dir.path / "fresh.md", big), Error);
        }
        CHECK(test::read_file(file) == "the old notes\n");
        CHECK(folder_listing(dir.path) == std::vector<std::string>{"notes.md"});
        write_file_atomically(file, big);  // and without the fault, the new content whole
        CHECK(test::read_file(file) == big);
        CHECK(folder_listing(dir.path) == std::vector<std::string>{"notes.md"});
    }
}

TEST_CASE("writing into a missing folder or over a folder fails with the reason") {
    test::TempDir dir;
    CHECK_THROWS_WITH_AS(write_file_atomically(dir.path / "missing" / "x.json", std::string_view("{}")),
                         doctest::Contains("no such file or directory"), Error);
    fs::create_directory(dir.path / "taken");
    CHECK_THROWS_WITH_AS(write_file_atomically(dir.path / "taken", std::string_view("{}")), doctest::Contains("cannot write"),
                         Error);
    CHECK(fs::is_directory(dir.path / "taken"));
    CHECK(folder_listing(dir.path) == std::vector<std::string>{"taken"});
}

TEST_CASE("the database and its journals are refused as an output, also through another name") {
    test::TempDir dir;
    const fs::path db = dir.path / "w.db";
    test::write_file(db, "db");
    fs::create_directory(dir.path / "sub");
    fs::create_symlink(db, dir.path / "link.db");
    fs::create_hard_link(db, dir.path / "hard.db");
    CHECK_THROWS_WITH_AS(refuse_database_as_output(db, db), doctest::Contains("is the database"), Error);
    CHECK_THROWS_AS(refuse_database_as_output(dir.path / "sub" / ".." / "w.db", db), Error);
    CHECK_THROWS_AS(refuse_database_as_output(dir.path / "link.db", db), Error);
    CHECK_THROWS_AS(refuse_database_as_output(dir.path / "hard.db", db), Error);
    for (const char* journal : {"w.db-journal", "w.db-wal", "w.db-shm"})  // also before they exist
        CHECK_THROWS_WITH_AS(refuse_database_as_output(dir.path / journal, db), doctest::Contains("file of the database"), Error);
    CHECK_NOTHROW(refuse_database_as_output(dir.path / "w.db.csv", db));
    CHECK_NOTHROW(refuse_database_as_output(dir.path / "other.db", db));
}

TEST_CASE("file names from data stay inside the folder") {
    CHECK(safe_file_stem("kita-vision-2026") == "kita-vision-2026");
    CHECK(safe_file_stem("../../..") == "___.._");
    CHECK(safe_file_stem("..") == "__");
    CHECK(safe_file_stem("/etc/passwd") == "_etc_passwd");
    CHECK(safe_file_stem("a\\b:c*d?e\"f<g>h|i") == "a_b_c_d_e_f_g_h_i");
    CHECK(safe_file_stem(std::string("nul\0byte\x1b[31m", 13)) == "nul_byte_[31m");
    CHECK(safe_file_stem("name. . ") == "name");
    CHECK(safe_file_stem("") == "unnamed");
    CHECK(safe_file_stem("...") == "___");
    CHECK(safe_file_stem("CON") == "_CON");
    CHECK(safe_file_stem("com1.json") == "_com1.json");
    CHECK(safe_file_stem("Console") == "Console");
    CHECK(safe_file_stem("bad\xff utf8") == "bad_ utf8");
    CHECK(safe_file_stem("c1\xc2\x9b") == "c1_");
    // Over-long names are cut on a character boundary.
    std::string long_name;
    for (int i = 0; i < 100; ++i) long_name += "板橋";
    const std::string cut = safe_file_stem(long_name);
    CHECK(cut.size() <= 200);
    CHECK(cut.size() == 198);  // 66 characters of 3 bytes
    CHECK(find_invalid_utf8(cut) == std::string_view::npos);
    for (const char* hostile : {"../x", "/abs/path", "..", ".", "a/../../b", "\\..\\..\\w"}) {
        const std::string stem = safe_file_stem(hostile);
        CHECK(stem.find('/') == std::string::npos);
        CHECK(stem.find('\\') == std::string::npos);
        CHECK(stem != "..");
        CHECK(stem != ".");
        CHECK(fs::path(stem).filename() == fs::path(stem));
    }
}

TEST_CASE("two items that map to the same file name get distinct names") {
    FileNamer names;
    names.reserve("observations.csv");
    CHECK(names.claim("a/b", ".json") == "a_b.json");
    CHECK(names.claim("a_b", ".json") == "a_b-2.json");
    CHECK(names.claim("a:b", ".json") == "a_b-3.json");
    CHECK(names.claim("A_B", ".json") == "A_B-4.json");  // case-insensitive file systems
    CHECK(names.claim("observations", ".csv") == "observations-2.csv");
    std::set<std::string> seen;
    for (int i = 0; i < 20; ++i) seen.insert(names.claim(std::string(300, 'x'), ".png"));
    CHECK(seen.size() == 20);
    for (const std::string& name : seen) CHECK(name.size() <= 200);
}

TEST_CASE("terminal text shows control characters from data as escapes") {
    CHECK(terminal_text("plain 板橋") == "plain 板橋");
    CHECK(terminal_text("\x1b[2J\x1b]0;title\x07") == "\\x1b[2J\\x1b]0;title\\x07");
    CHECK(terminal_text("a\nb\tc\r") == "a\\x0ab\\x09c\\x0d");
    CHECK(terminal_text("a\nb\tc", LineBreaks::keep) == "a\nb\tc");
    CHECK(terminal_text("\x7f") == "\\x7f");
    CHECK(terminal_text("\xc2\x9b" "31m") == "\\u009b31m");  // C1 CSI
    CHECK(terminal_text("evil\xe2\x80\xaetxt.exe") == "evil\\u202etxt.exe");
    CHECK(terminal_text("bad\xff") == "bad\\xff");
    CHECK(terminal_text(std::string("nul\0", 4)) == "nul\\x00");
}

TEST_CASE("Markdown text cannot break a table cell or inject HTML") {
    CHECK(markdown_text("a | b") == "a \\| b");
    CHECK(markdown_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(markdown_text("line1\nline2\r\nline3") == "line1<br>line2<br>line3");
    CHECK(markdown_text("`code` *em* _u_ [link](x) \\") == "\\`code\\` \\*em\\* \\_u\\_ \\[link\\](x) \\\\");
    CHECK(markdown_text("AT&T") == "AT&amp;T");
    CHECK(markdown_text(std::string("a\0b\x1b", 4)) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    CHECK(markdown_text("強みとして議論") == "強みとして議論");
}

TEST_CASE("XML text (the PowerPoint writer) is escaped and never holds what XML 1.0 forbids") {
    CHECK(xml_text(R"(<a href="x">T&C's</a>)") == "&lt;a href=&quot;x&quot;&gt;T&amp;C&apos;s&lt;/a&gt;");
    CHECK(xml_text("北区\tKPI\n二行目") == "北区\tKPI\n二行目");
    CHECK(xml_text(std::string("a\0b\x1b\x7f", 5)) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(xml_text("bad\xff") == "bad\xEF\xBF\xBD");
    CHECK(xml_text("\xef\xbf\xbf") == "\xEF\xBF\xBD");  // U+FFFF
    CHECK(xml_text("evil\xe2\x80\xaetxt") == "evil\xEF\xBF\xBDtxt");
}
