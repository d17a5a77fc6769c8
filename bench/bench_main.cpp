// wardscope_bench (issue #5): one line per figure, next to its target, for the
// bundled database and a synthetic national-scale one. See bench/README.md.
//
// This process only orchestrates: everything it measures runs in a child
// process (its own `--child` modes, `wardscope`, the Python peer, `sqlite3`),
// so that each child's peak RSS is its own (see process.hpp).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <sys/utsname.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "inprocess.hpp"
#include "process.hpp"

namespace fs = std::filesystem;
using bench::RunResult;

namespace {

struct Config {
    fs::path source = WARDSCOPE_SOURCE_DIR;  // data/, bench/peer_heatmap.py
    fs::path build;                          // wardscope, wardscope.db
    fs::path wardscope, bundled_db, synthetic_db, national_db, work;
    std::string python = "/usr/bin/python3";  // Debian's, with python3-pandas & co.
    int runs = 5, import_runs = 3, frames = 300, idle_seconds = 10;
    bool ui = true;
    std::vector<std::string> databases = {"bundled", "synthetic", "national"};
};

// ---------------------------------------------------------------------------
// Statistics and output

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return NAN;
    std::sort(v.begin(), v.end());
    const double rank = p / 100.0 * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - static_cast<double>(lo));
}
double median(const std::vector<double>& v) { return percentile(v, 50); }

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// 74400 → "74,400"
std::string grouped(double v) {
    std::string digits = std::to_string(static_cast<long long>(std::llround(v)));
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

// Pads to a terminal width: printf counts bytes, and →, ≤, × are three each.
std::string pad(const std::string& text, std::size_t width) {
    std::size_t shown = 0;
    for (unsigned char c : text) shown += (c & 0xC0) != 0x80 ? 1 : 0;
    return shown >= width ? text + " " : text + std::string(width - shown, ' ');
}

enum class Verdict { ok, miss, none };

void figure(const std::string& db, const std::string& name, const std::string& value, const std::string& target,
            Verdict verdict) {
    const char* mark = verdict == Verdict::ok ? "ok" : verdict == Verdict::miss ? "MISS" : "";
    std::printf("%s%s%s%s%s\n", pad(db, 10).c_str(), pad(name, 37).c_str(), pad(value, 62).c_str(), pad(target, 23).c_str(), mark);
    std::fflush(stdout);
}
Verdict at_most(double value, double limit) { return value <= limit ? Verdict::ok : Verdict::miss; }
Verdict at_least(double value, double limit) { return value >= limit ? Verdict::ok : Verdict::miss; }
void not_measured(const std::string& db, const std::string& name, const std::string& reason, const std::string& target) {
    figure(db, name, "not measured (" + reason + ")", target, Verdict::none);
}

// key=value lines of a child's output.
std::vector<double> values_of(const std::string& output, const std::string& key) {
    std::vector<double> out;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
        const auto at = line.find(key + "=");
        if (at == std::string::npos) continue;
        try {
            out.push_back(std::stod(line.substr(at + key.size() + 1)));
        } catch (const std::exception&) {
        }
    }
    return out;
}

std::string failure(const RunResult& r) {
    if (!r.started) return "could not start: " + r.first_line();
    return "exit " + std::to_string(r.exit_code) + ": " + r.first_line();
}

// ---------------------------------------------------------------------------
// The machine

std::string first_match(const fs::path& file, const std::string& prefix) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(prefix, 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    return "?";
}

void print_machine(const Config& config) {
    utsname u{};
    uname(&u);
    char date[64];
    const std::time_t t = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&t));
    std::string renderer = "unknown (install mesa-utils for glxinfo)";
    if (const RunResult gl = bench::run({"glxinfo", "-B"}); gl.ok()) {
        const auto at = gl.output.find("OpenGL renderer string: ");
        if (at != std::string::npos) renderer = gl.output.substr(at + 24, gl.output.find('\n', at) - at - 24);
    }
    const char* display = std::getenv("DISPLAY");
    std::printf("wardscope_bench  %s\n", date);
    std::printf("machine: %s, %u cores, %s %s; DISPLAY=%s; GL: %s\n", first_match("/proc/cpuinfo", "model name").c_str(),
                std::thread::hardware_concurrency(), u.sysname, u.release, display ? display : "(none)", renderer.c_str());
    std::printf("runs: %d (imports %d), frames per view %d, idle window %d s\n\n", config.runs, config.import_runs, config.frames,
                config.idle_seconds);
    std::printf("%s%s%s%s%s\n", pad("database", 10).c_str(), pad("figure", 37).c_str(), pad("value", 62).c_str(),
                pad("target", 23).c_str(), "verdict");
}

// ---------------------------------------------------------------------------
// Figures

std::vector<std::string> self_child(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {fs::read_symlink("/proc/self/exe").string(), "--child"};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

std::vector<std::string> bundled_plan_files(const Config& config) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(config.source / "data" / "plans", ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// Targets that depend on the database (issue #5 for synthetic, issue #16 for national); 0 = none.
struct Limits {
    double load_ms, load_rss_mb, first_frame_ms, app_rss_mb;
};
Limits limits_of(const std::string& db) {
    if (db == "synthetic") return {300, 300, 700, 300};
    if (db == "national") return {600, 500, 1000, 500};
    return {0, 0, 400, 0};
}
std::string at_most_text(double limit, const char* unit) { return limit > 0 ? "≤ " + fixed(limit, 0) + " " + unit : ""; }
Verdict judged(double value, double limit) { return limit > 0 ? at_most(value, limit) : Verdict::none; }

void import_figure(const Config& config, const std::string& db) {
    const std::string target = "≥ 50,000 measures/s";
    const std::string tmp = (config.work / ("import-" + db + ".db")).string();
    std::vector<std::string> args;
    if (db == "bundled") {
        args = {"import-files", config.source.string() + "/data", tmp, std::to_string(config.import_runs)};
        for (const auto& f : bundled_plan_files(config)) args.push_back(f);
    } else {
        args = {"import-synthetic", config.source.string() + "/data", tmp, std::to_string(config.import_runs)};
    }
    const RunResult r = bench::run(self_child(args));
    const auto runs = values_of(r.output, "run_ms");
    const auto measures = values_of(r.output, "measures");
    if (!r.ok() || runs.empty() || measures.empty()) return not_measured(db, "import throughput", failure(r), target);
    const double ms = median(runs);
    const double rate = measures[0] / (ms / 1000.0);
    // End to end, as `wardscope import` does it: plan-file text → parse & validate → SQLite, committed.
    const auto json_bytes = values_of(r.output, "json_bytes");
    std::string value = grouped(rate) + " measures/s (" + grouped(measures[0]) + " in " + fixed(ms, ms < 100 ? 1 : 0) + " ms";
    if (!json_bytes.empty()) value += ", " + fixed(json_bytes[0] / 1e6, 0) + " MB JSON";
    value += ", median of " + std::to_string(runs.size()) + ")";
    // The bundled files are too few for a meaningful rate: shown, not judged.
    figure(db, "import throughput (files → SQLite)", value, target,
           db == "synthetic" ? at_least(rate, 50000) : Verdict::none);
    const auto parse = values_of(r.output, "parse_ms"), write = values_of(r.output, "write_ms");
    if (!parse.empty() && !write.empty())
        figure(db, "  halves, alone: parse & validate, write", fixed(parse[0], 1) + " ms, " + fixed(write[0], 1) +
                   " ms (overlapped on two threads in the import)", "", Verdict::none);
    // CPU time holds still when others load the machine (the wall times above do not).
    const auto cpu = values_of(r.output, "cpu_ms");
    const auto parse_cpu = values_of(r.output, "parse_cpu_ms"), write_cpu = values_of(r.output, "write_cpu_ms");
    if (!cpu.empty() && !parse_cpu.empty() && !write_cpu.empty())
        figure(db, "  CPU: import (both threads); parse, write alone",
               fixed(median(cpu), 0) + " ms; " + fixed(parse_cpu[0], 1) + " ms, " + fixed(write_cpu[0], 1) + " ms", "",
               Verdict::none);
}

void load_figures(const Config& config, const std::string& db, const fs::path& path) {
    const RunResult r = bench::run(self_child({"load", path.string(), std::to_string(config.runs)}));
    const auto runs = values_of(r.output, "run_ms");
    const Limits limits = limits_of(db);
    const std::string target = at_most_text(limits.load_ms, "ms");
    if (!r.ok() || runs.empty()) {
        not_measured(db, "load (DB → in-memory models)", failure(r), target);
        return;
    }
    const double ms = median(runs);
    figure(db, "load (DB → in-memory models)",
           fixed(ms, 1) + " ms median (min " + fixed(*std::min_element(runs.begin(), runs.end()), 1) + ", max " +
               fixed(*std::max_element(runs.begin(), runs.end()), 1) + ", " + std::to_string(runs.size()) + " runs)",
           target, judged(ms, limits.load_ms));
    // CPU time of both loading threads: what the load costs whatever else runs on the machine.
    const auto cpu = values_of(r.output, "cpu_ms");
    if (!cpu.empty())
        figure(db, "  load, CPU of both threads", fixed(median(cpu), 1) + " ms median (the load reads on two threads)", "",
               Verdict::none);
    const auto rss = values_of(r.output, "vmhwm_kb");
    if (!rss.empty())
        figure(db, "peak RSS, load only (process)", fixed(rss[0] / 1024.0, 1) + " MB", at_most_text(limits.load_rss_mb, "MB"),
               judged(rss[0] / 1024.0, limits.load_rss_mb));
}

// Text values of key=value lines ("first_plan=…").
std::string text_of(const std::string& output, const std::string& key) {
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
    return {};
}

std::optional<std::string> ui_unavailable(const Config& config);

// Search (issue #16): what each keystroke in the explorer's search box costs,
// with the index the Model builds once per data change. CPU time of the
// search's thread (the machine may be shared), every prefix of ten queries.
void search_figures(const std::string& db, const fs::path& path) {
    const RunResult r = bench::run(self_child({"search", path.string()}));
    const auto builds = values_of(r.output, "index_ms"), keys = values_of(r.output, "key_cpu_ms");
    if (!r.ok() || builds.empty() || keys.empty()) return not_measured(db, "search per keystroke (CPU)", failure(r), "≤ 16 ms");
    figure(db, "search index: build", fixed(builds[0], 1) + " ms (once per data change, beside the model)", "", Verdict::none);
    const double worst = *std::max_element(keys.begin(), keys.end());
    figure(db, "search per keystroke (CPU)", "median " + fixed(median(keys), 2) + " ms, max " + fixed(worst, 2) + " ms (" +
               std::to_string(keys.size()) + " keystrokes, 10 queries)",
           "≤ 16 ms", at_most(worst, 16));
}

// Similar measures (issue #15): the index the Model builds once per data
// change, one selection's query, and the explorer's frame with a measure
// selected (its details list the five most similar measures elsewhere).
void similarity_figures(const Config& config, const std::string& db, const fs::path& path) {
    const RunResult r = bench::run(self_child({"similarity", path.string(), std::to_string(config.runs), "200"}));
    const auto builds = values_of(r.output, "build_ms"), queries = values_of(r.output, "query_ms");
    const auto measures = values_of(r.output, "measures");
    const std::string build_target = db == "synthetic" ? "≤ 300 ms" : "";
    if (!r.ok() || builds.empty()) return not_measured(db, "similar measures: index build", failure(r), build_target);
    const double build = median(builds);
    figure(db, "similar measures: index build", fixed(build, 1) + " ms median (" + grouped(measures.empty() ? 0 : measures[0]) +
               " measures, " + std::to_string(builds.size()) + " runs; once per data change)",
           build_target, db == "synthetic" ? at_most(build, 300) : Verdict::none);
    if (!queries.empty())
        figure(db, "  top 5 elsewhere, one selection", "median " + fixed(median(queries), 2) + " ms, p99 " +
                   fixed(percentile(queries, 99), 2) + " ms (" + std::to_string(queries.size()) + " measures)",
               "p99 ≤ 16 ms", at_most(percentile(queries, 99), 16));
    const std::string plan = text_of(r.output, "first_plan"), node = text_of(r.output, "first_measure");
    const std::string name = "frame CPU, explorer + similar";
    const std::string target = "median ≤ 2, p99 ≤ 5 ms";
    if (const auto why = ui_unavailable(config)) return not_measured(db, name, *why, target);
    if (plan.empty()) return not_measured(db, name, "no measure with similar ones", target);
    const RunResult f = bench::run({config.wardscope.string(), "bench-frames", "--db", path.string(), "--view", "explorer",
                                    "--plans", plan, "--node", node, "--frames", std::to_string(config.frames)});
    const auto med = values_of(f.output, "median_ms"), p99 = values_of(f.output, "p99_ms");
    if (!f.ok() || med.empty() || p99.empty()) return not_measured(db, name, "wardscope bench-frames " + failure(f), target);
    figure(db, name, "median " + fixed(med[0], 2) + " ms, p99 " + fixed(p99[0], 2) + " ms (" + plan + " " + node + " selected)",
           target, med[0] <= 2 && p99[0] <= 5 ? Verdict::ok : Verdict::miss);
}

// Why the dashboard cannot be measured, or nothing when it can.
std::optional<std::string> ui_unavailable(const Config& config) {
    if (!config.ui) return "--no-ui";
    if (!fs::exists(config.wardscope)) return config.wardscope.string() + " not built";
    if (!std::getenv("DISPLAY")) return "no DISPLAY: run bench/run.sh, which starts Xvfb";
    return std::nullopt;
}

RunResult shot(const Config& config, const fs::path& db, const std::string& view) {
    const std::string png = (config.work / ("shot-" + view + ".png")).string();
    return bench::run({config.wardscope.string(), "shot", "--db", db.string(), "--view", view, "--out", png});
}

// `wardscope ui` runs with a config directory of its own: the user's saved
// window, view and selection neither change what is measured nor get changed.
bench::Env ui_env(const Config& config) { return {{"XDG_CONFIG_HOME", (config.work / "config").string()}}; }

void first_frame_figures(const Config& config, const std::string& db, const fs::path& path, double& app_peak_kb) {
    const double limit = limits_of(db).first_frame_ms;
    const std::string target = at_most_text(limit, "ms");
    const std::string name = "start → first frame (ui, presented)";
    if (const auto why = ui_unavailable(config)) return not_measured(db, name, *why, target);
    // The dashboard itself: from the fork until it says its first frame is on screen.
    std::vector<double> starts;
    for (int i = 0; i < config.runs; ++i) {
        const double ms = bench::time_until_line({config.wardscope.string(), "ui", "--db", path.string()}, ui_env(config),
                                                 "event: first frame", 10000);
        if (ms < 0) return not_measured(db, name, "`wardscope ui` showed no frame within 10 s", target);
        starts.push_back(ms);
    }
    const double ms = median(starts);
    figure(db, name, fixed(ms, 0) + " ms median (min " + fixed(*std::min_element(starts.begin(), starts.end()), 0) + ", " +
               std::to_string(starts.size()) + " runs)", target, at_most(ms, limit));
    // A shot of the same view, to the PNG written and the process gone.
    std::vector<double> walls;
    for (int i = 0; i < config.runs; ++i) {
        const RunResult r = shot(config, path, "timeline");
        if (!r.ok()) return not_measured(db, "  shot of the timeline (wall time)", "wardscope shot " + failure(r), "");
        walls.push_back(r.wall_ms);
        app_peak_kb = std::max(app_peak_kb, static_cast<double>(r.max_rss_kb));
    }
    figure(db, "  shot of the timeline (wall time)", fixed(median(walls), 0) + " ms median (to the PNG written and the process gone)",
           "", Verdict::none);
}

// The views, in tab order, as the binary lists them (its one registry).
std::vector<std::string> view_ids(const Config& config) {
    const RunResult r = bench::run({config.wardscope.string(), "shot", "--list-views"});
    std::vector<std::string> ids;
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);)
        if (r.ok() && !line.empty()) ids.push_back(line);
    return ids;
}

// synthetic_medians: per view, filled by the synthetic run; the national run
// is judged against it too (national ÷ synthetic median ≤ 1.5, issue #16).
void frame_figures(const Config& config, const std::string& db, const fs::path& path,
                   std::map<std::string, double>& synthetic_medians) {
    std::vector<std::string> views = view_ids(config);
    const std::string target = "median ≤ 2, p99 ≤ 5 ms";
    std::optional<std::string> why = ui_unavailable(config);
    // CLI11 answers `--help` for any arguments: look for the subcommand in the list instead.
    if (!why && bench::run({config.wardscope.string(), "--help"}).output.find("bench-frames") == std::string::npos)
        why = "needs shell: the app has no frame-timing hook (`wardscope bench-frames`) yet";
    if (!why && views.empty()) why = "`wardscope shot --list-views` listed no views";
    if (views.empty()) views = {"(views)"};
    for (const auto& view : views) {
        const std::string name = "frame CPU, " + view;
        if (why) {
            not_measured(db, name, *why, target);
            continue;
        }
        const RunResult r = bench::run({config.wardscope.string(), "bench-frames", "--db", path.string(), "--view", view,
                                        "--frames", std::to_string(config.frames)});
        const auto med = values_of(r.output, "median_ms");
        const auto p99 = values_of(r.output, "p99_ms");
        if (!r.ok() || med.empty() || p99.empty()) {
            not_measured(db, name, "wardscope bench-frames " + failure(r), target);
            continue;
        }
        figure(db, name, "median " + fixed(med[0], 2) + " ms, p99 " + fixed(p99[0], 2) + " ms (" + std::to_string(config.frames) +
                             " frames)", target, med[0] <= 2 && p99[0] <= 5 ? Verdict::ok : Verdict::miss);
        if (db == "synthetic") synthetic_medians[view] = med[0];
        if (db == "national" && synthetic_medians.count(view) && synthetic_medians[view] > 0) {
            const double ratio = med[0] / synthetic_medians[view];
            figure(db, "  ÷ synthetic, " + view, fixed(ratio, 2) + " × the synthetic median (same run)", "≤ 1.5",
                   at_most(ratio, 1.5));
        }
    }
}

// The dashboard left alone: CPU it uses with no input, and its peak RSS.
void idle_figures(const Config& config, const std::string& db, const fs::path& path, double& app_peak_kb) {
    const std::string name = "idle CPU, no input (" + std::to_string(config.idle_seconds) + " s)";
    if (const auto why = ui_unavailable(config)) {
        not_measured(db, name, *why, "≤ 1 % of a core");
        return;
    }
    const pid_t pid = bench::spawn({config.wardscope.string(), "ui", "--db", path.string()}, ui_env(config));
    std::this_thread::sleep_for(std::chrono::seconds(3));  // start-up and the frames after it
    const double before = bench::cpu_seconds(pid);
    std::this_thread::sleep_for(std::chrono::seconds(config.idle_seconds));
    const double after = bench::cpu_seconds(pid);
    const long rss = bench::peak_rss_kb(pid);
    const bool ran = bench::alive(pid) && before >= 0 && after >= 0;
    bench::stop(pid);
    if (!ran) {
        not_measured(db, name, "`wardscope ui` exited early", "≤ 1 % of a core");
        return;
    }
    const double percent = (after - before) / config.idle_seconds * 100.0;
    figure(db, name, fixed(percent, 2) + " % of a core (from /proc, 10 ms ticks)", "≤ 1 % of a core", at_most(percent, 1.0));
    app_peak_kb = std::max(app_peak_kb, static_cast<double>(rss));
}

void peer_figures(const Config& config, const std::string& db, const fs::path& path, double& app_peak_kb) {
    const std::string peer = (config.source / "bench" / "peer_heatmap.py").string();
    const std::string peer_png = (config.work / "peer-heatmap.png").string();
    const std::string name = "heatmap: shot ÷ pandas+seaborn peer";
    const std::string target = "≥ 5× faster";
    if (const RunResult check = bench::run({config.python, "-c", "import pandas, seaborn, matplotlib"}); !check.ok()) {
        not_measured(db, name, "peer needs python3-pandas python3-seaborn python3-matplotlib", target);
    } else if (const auto why = ui_unavailable(config)) {
        not_measured(db, name, *why, target);
    } else {
        // Paired run by run, alternating, so both see the same machine load.
        std::vector<double> ratios, ours, theirs;
        for (int i = 0; i < config.runs; ++i) {
            const RunResult a = shot(config, path, "heatmap");
            const RunResult b = bench::run({config.python, peer, "--db", path.string(), "--out", peer_png});
            if (!a.ok()) return not_measured(db, name, "wardscope shot " + failure(a), target);
            if (!b.ok()) return not_measured(db, name, "peer " + failure(b), target);
            app_peak_kb = std::max(app_peak_kb, static_cast<double>(a.max_rss_kb));
            ours.push_back(a.wall_ms);
            theirs.push_back(b.wall_ms);
            ratios.push_back(b.wall_ms / a.wall_ms);
        }
        const double speedup = median(ratios);
        figure(db, name,
               "shot " + fixed(median(ours), 0) + " ms vs peer " + fixed(median(theirs), 0) + " ms: " + fixed(speedup, 1) +
                   "× faster (ratio " + fixed(1.0 / speedup, 3) + ", median of " + std::to_string(ratios.size()) + " pairs)",
               target, at_least(speedup, 5));
    }
    // The floor: the sqlite3 shell reading the rows the peer reads.
    const RunResult sql = bench::run({config.python, peer, "--print-sql"});
    if (!sql.ok()) return not_measured(db, "floor: sqlite3 shell, same rows", failure(sql), "");
    std::vector<double> walls;
    for (int i = 0; i < config.runs; ++i) {
        const RunResult r = bench::run({"sqlite3", "-readonly", path.string(), sql.output});
        if (!r.ok()) return not_measured(db, "floor: sqlite3 shell, same rows", "sqlite3 " + failure(r), "");
        walls.push_back(r.wall_ms);
    }
    figure(db, "floor: sqlite3 shell, same rows", fixed(median(walls), 1) + " ms median (" + std::to_string(walls.size()) + " runs)",
           "", Verdict::none);
}

// The national database: `wardscope gen --national` (1,741 municipalities × 5 generations, issue #16).
bool ensure_national(const Config& config) {
    if (fs::exists(config.national_db)) return true;
    std::fprintf(stderr, "creating %s (wardscope gen --national)…\n", config.national_db.string().c_str());
    const RunResult r =
        bench::run(self_child({"gen", config.source.string() + "/data", config.national_db.string(), "national"}));
    if (!r.ok()) std::fprintf(stderr, "cannot create the national database: %s\n", failure(r).c_str());
    return r.ok();
}

bool ensure_synthetic(const Config& config) {
    if (fs::exists(config.synthetic_db)) return true;
    std::fprintf(stderr, "creating %s (wardscope gen defaults)…\n", config.synthetic_db.string().c_str());
    const RunResult r = bench::run(self_child({"gen", config.source.string() + "/data", config.synthetic_db.string()}));
    if (!r.ok()) std::fprintf(stderr, "cannot create the synthetic database: %s\n", failure(r).c_str());
    return r.ok();
}

int usage() {
    std::fprintf(stderr,
                 "usage: wardscope_bench [--build DIR] [--source DIR] [--runs N] [--import-runs N] [--frames N]\n"
                 "                       [--idle-seconds N] [--only bundled|synthetic|national] [--synthetic-db PATH] [--no-ui]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "--child") return bench::child_main({args.begin() + 1, args.end()});

    Config config;
    config.build = fs::read_symlink("/proc/self/exe").parent_path().parent_path();  // build/bench/x → build
    fs::path synthetic;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto next = [&]() -> std::string { return i + 1 < args.size() ? args[++i] : ""; };
        try {
            if (a == "--build") config.build = next();
            else if (a == "--source") config.source = next();
            else if (a == "--runs") config.runs = std::max(1, std::stoi(next()));
            else if (a == "--import-runs") config.import_runs = std::max(1, std::stoi(next()));
            else if (a == "--frames") config.frames = std::max(10, std::stoi(next()));
            else if (a == "--idle-seconds") config.idle_seconds = std::max(1, std::stoi(next()));
            else if (a == "--only") config.databases = {next()};
            else if (a == "--synthetic-db") synthetic = next();
            else if (a == "--no-ui") config.ui = false;
            else return usage();
        } catch (const std::exception&) {
            return usage();
        }
    }
    config.wardscope = config.build / "wardscope";
    config.bundled_db = config.build / "wardscope.db";
    config.synthetic_db = synthetic.empty() ? config.build / "bench" / "synthetic.db" : synthetic;
    config.national_db = config.build / "bench" / "national.db";
    config.work = config.build / "bench" / "work";
    fs::create_directories(config.work);

    print_machine(config);
    std::map<std::string, double> synthetic_medians;  // per view: the national run's ratios
    for (const std::string& db : config.databases) {
        const fs::path path = db == "bundled" ? config.bundled_db : db == "national" ? config.national_db : config.synthetic_db;
        if (db == "synthetic" && !ensure_synthetic(config)) continue;
        if (db == "national" && !ensure_national(config)) continue;
        if (db == "bundled" && !fs::exists(path)) {
            not_measured(db, "(all)", path.string() + " missing: run ./dev.sh or `wardscope import`", "");
            continue;
        }
        double app_peak_kb = 0;
        // Import is judged on the synthetic database; the national one would import 520k measures per run.
        if (db != "national") import_figure(config, db);
        load_figures(config, db, path);
        first_frame_figures(config, db, path, app_peak_kb);
        frame_figures(config, db, path, synthetic_medians);
        similarity_figures(config, db, path);
        search_figures(db, path);
        peer_figures(config, db, path, app_peak_kb);
        idle_figures(config, db, path, app_peak_kb);
        if (app_peak_kb > 0)
            figure(db, "peak RSS, dashboard (shot and ui)", fixed(app_peak_kb / 1024.0, 1) + " MB",
                   at_most_text(limits_of(db).app_rss_mb, "MB"), judged(app_peak_kb / 1024.0, limits_of(db).app_rss_mb));
        else
            not_measured(db, "peak RSS, dashboard (shot and ui)", ui_unavailable(config).value_or("no dashboard run succeeded"),
                         at_most_text(limits_of(db).app_rss_mb, "MB"));
        std::printf("\n");
    }
    return 0;
}
