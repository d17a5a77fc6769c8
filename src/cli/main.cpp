// `wardscope`: the dashboard and its command line.
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>

#include "app/app.hpp"
#include "commands.hpp"
#include "wardscope/error.hpp"
#include "wardscope/text_escape.hpp"

namespace {

namespace fs = std::filesystem;
using namespace wardscope;

// "1920x1080" → {1920, 1080}.
bool parse_size(const std::string& text, int& width, int& height) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    try {
        width = std::stoi(text.substr(0, x));
        height = std::stoi(text.substr(x + 1));
    } catch (const std::exception&) {
        return false;
    }
    return width >= 320 && height >= 240 && width <= 8192 && height <= 8192;
}

std::vector<std::string> split_ids(const std::string& text) {
    std::vector<std::string> ids;
    std::string current;
    for (char c : text) {
        if (c == ',') {
            if (!current.empty()) ids.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) ids.push_back(current);
    return ids;
}

// "compare.mode=diff" → {"compare.mode", "diff"}.
bool parse_view_options(const std::vector<std::string>& texts, std::map<std::string, std::string>& out) {
    for (const std::string& text : texts) {
        const auto eq = text.find('=');
        if (eq == std::string::npos || eq == 0 || text.find('.') > eq) return false;
        out[text.substr(0, eq)] = text.substr(eq + 1);
    }
    return true;
}

int bad_view_option() {
    std::cerr << "wardscope: --view-option / --option must be VIEW.NAME=VALUE, e.g. compare.mode=diff\n";
    return 2;
}

int bad_size() {
    std::cerr << "wardscope: --size must be WIDTHxHEIGHT, e.g. 1920x1080 (320x240 to 8192x8192)\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> view_names = app::all_view_names();
    CLI::App app{"wardscope — industrial-promotion plans of Japanese municipalities, compared"};
    app.require_subcommand(0, 1);
    fs::path data_dir = cli::default_data_dir();
    app.add_option("--data", data_dir, "folder with themes.json and actors.json")->capture_default_str();

    fs::path db = cli::default_database();
    auto* ui = app.add_subcommand("ui", "open the dashboard (the default)");
    ui->add_option("--db", db, "database to display")->capture_default_str();
    bool present = false;
    ui->add_flag("--present", present, "start in presentation mode");
    int monitor = -1;
    auto* monitor_option = ui->add_option("--monitor", monitor,
                                          "monitor for presentation mode (0 = primary, 1 = the second …; default: the second "
                                          "when there are two, with the presenter's window on the first)")
                               ->check(CLI::Range(0, 15));

    std::vector<std::string> files;
    auto* validate = app.add_subcommand("validate", "check plan files and list every problem");
    validate->add_option("files", files, "plan files (JSON)")->required()->check(CLI::ExistingFile);

    fs::path migrate_out;
    auto* migrate = app.add_subcommand("migrate-plan", "rewrite format-1 plan files in format 2 (wardscope-plan/2)");
    migrate->add_option("files", files, "plan files (JSON)")->required()->check(CLI::ExistingFile);
    migrate->add_option("--out", migrate_out, "write into this folder instead of replacing the files");

    auto* import = app.add_subcommand("import", "import plan files into a database (all or nothing)");
    import->add_option("--db", db, "database (created when missing)")->required();
    import->add_option("files", files, "plan files (JSON)")->required()->check(CLI::ExistingFile);

    auto* kpi = app.add_subcommand("kpi", "KPI observations");
    kpi->require_subcommand(1);
    fs::path kpi_out;
    auto* kpi_export = kpi->add_subcommand("export", "write the indicators with baseline, target, latest value and status as CSV");
    kpi_export->add_option("--db", db, "database")->required();
    kpi_export->add_option("--out", kpi_out, "CSV file to write")->required();
    fs::path kpi_results_out;
    kpi_export->add_option("--results", kpi_results_out,
                           "also write every result imported from CSV or typed in (each revision) in `kpi import`'s format");
    auto* kpi_import = kpi->add_subcommand("import", "import observations from CSV (all or nothing)");
    kpi_import->add_option("--db", db, "database")->required();
    kpi_import->add_option("files", files, "CSV files: plan_id,indicator_id,fiscal_year,value,source[,sample][,as_of][,text]")
        ->required()
        ->check(CLI::ExistingFile);
    bool kpi_replace = false;
    kpi_import->add_flag("--replace", kpi_replace,
                         "let rows change observations already stored from CSV (otherwise a different value is an error)");

    std::string format = "json";
    fs::path out_dir;
    auto* export_cmd = app.add_subcommand("export", "write plans and observations back out");
    export_cmd->add_option("--db", db, "database")->required();
    export_cmd->add_option("--format", format, "json or csv")->check(CLI::IsMember({"json", "csv"}))->capture_default_str();
    export_cmd->add_option("--out", out_dir, "output folder")->required();

    cli::ThemeItemsOptions theme_items;
    std::string theme_items_plans;
    auto* theme_items_cmd = app.add_subcommand(
        "theme-items", "every measure carrying a theme across plans (the heatmap's drill-across), as CSV");
    theme_items_cmd->add_option("--db", db, "database")->required();
    theme_items_cmd->add_option("--theme", theme_items.theme_id, "theme id (data/themes.json)")->required();
    theme_items_cmd->add_option("--plans", theme_items_plans, "plan ids, comma-separated (default: every plan)");
    theme_items_cmd->add_option("--filter", theme_items.query, "keep items whose text, plan or municipality contains this");
    theme_items_cmd->add_option("--lang", theme_items.lang, "ja or en: names in the CSV")->check(CLI::IsMember({"ja", "en"}))->capture_default_str();
    theme_items_cmd->add_option("--out", theme_items.out, "CSV file to write")->required();

    auto* notes = app.add_subcommand("notes", "workshop notes and priority votes");
    notes->require_subcommand(1);
    std::string notes_format = "csv";
    fs::path notes_out;
    auto* notes_export = notes->add_subcommand("export", "write every note and vote with its item's text");
    notes_export->add_option("--db", db, "database")->required();
    notes_export->add_option("--format", notes_format, "csv or md (Markdown)")->check(CLI::IsMember({"csv", "md"}))->capture_default_str();
    notes_export->add_option("--out", notes_out, "file to write")->required();

    auto* groups = app.add_subcommand("groups", "a user's groups of municipalities (similar municipalities)");
    groups->require_subcommand(1);
    cli::GroupChange group_change;
    auto* groups_list = groups->add_subcommand("list", "one line per group and member: group, municipality id, name");
    groups_list->add_option("--db", db, "database")->required();
    auto* groups_add = groups->add_subcommand("add", "add municipalities to a group (made when new); all or nothing");
    auto* groups_remove = groups->add_subcommand("remove", "take municipalities out of a group (gone with its last); all or nothing");
    for (auto* sub : {groups_add, groups_remove}) {
        sub->add_option("--db", db, "database")->required();
        sub->add_option("--group", group_change.group, "the group's name")->required();
        sub->add_option("municipality", group_change.municipality_ids, "municipality ids")->required();
    }

    cli::TableRequest table_request;
    std::string table_plans;
    std::vector<std::string> table_views = view_names;
    table_views.push_back("plans");
    auto* table = app.add_subcommand("table", "write the rows and columns a view shows as CSV or xlsx");
    table->add_option("--db", table_request.db, "database")->required();
    table->add_option("--view", table_request.view, "view, or plans (the plans the filter keeps)")
        ->required()
        ->check(CLI::IsMember(table_views));
    table->add_option("--plans", table_plans, "plan ids, comma-separated (the selection)");
    table->add_option("--theme", table_request.theme_id, "theme id (the filter bar's theme)");
    table->add_option("--lang", table_request.lang, "ja or en")->check(CLI::IsMember({"ja", "en"}))->capture_default_str();
    table->add_option("--format", table_request.format, "csv or xlsx")->check(CLI::IsMember({"csv", "xlsx"}))->capture_default_str();
    table->add_option("--out", table_request.out, "file to write")->required();
    std::vector<std::string> table_view_options;
    table->add_option("--option,--view-option", table_view_options,
                      "a view's option as a slide saves it, e.g. heatmap.mode=share (repeatable)");

    auto* slides = app.add_subcommand("slides", "slides: views saved in the dashboard");
    slides->require_subcommand(1);
    auto* slides_list = slides->add_subcommand("list", "one line per slide: number, name, view, plans");
    slides_list->add_option("--db", db, "database")->required();
    cli::SlideAddition slide_addition;
    std::string slide_plans;
    auto* slides_add = slides->add_subcommand("add", "append a slide showing a view (checked as the dashboard's slides panel checks it)");
    slides_add->add_option("--db", db, "database")->required();
    slides_add->add_option("--view", slide_addition.state.view, "view (wardscope shot --list-views)")->required();
    slides_add->add_option("--plans", slide_plans, "plan ids, comma-separated (the first is the current plan)");
    slides_add->add_option("--name", slide_addition.name, "the slide's name (default: スライド N / Slide N); unique in the deck");
    slides_add->add_option("--lang", slide_addition.state.lang, "ja or en")->capture_default_str();
    slides_add->add_option("--notes", slide_addition.notes, "the speaker's notes (PowerPoint export); line breaks allowed");
    slides_add->add_flag("!--analysis", slide_addition.state.presenting,
                         "save it in the analysis mode (default: presentation mode, as slides are shown)");
    // Remove and move pick a slide by name or by position (as `slides list` numbers them), never both.
    cli::SlideChoice slide_choice;
    int slide_to = 0;
    auto choose_slide = [&](CLI::App* command) {
        auto* by_name = command->add_option("--name", slide_choice.name, "the slide with this name");
        auto* by_position = command->add_option("--position", slide_choice.position, "the slide at this position (1 = the first, as `slides list` numbers them)");
        by_name->excludes(by_position);
    };
    auto* slides_remove = slides->add_subcommand("remove", "delete one slide, picked by --name or by --position; the others close up");
    slides_remove->add_option("--db", db, "database")->required();
    choose_slide(slides_remove);
    auto* slides_move = slides->add_subcommand("move", "move one slide, picked by --name or by --position, to position --to; the others shift");
    slides_move->add_option("--db", db, "database")->required();
    choose_slide(slides_move);
    slides_move->add_option("--to", slide_to, "the position it ends at (1 = the first)")->required();
    std::string slide_notes;
    auto* slides_notes = slides->add_subcommand("notes", "replace one slide's speaker notes, picked by --name or by --position");
    slides_notes->add_option("--db", db, "database")->required();
    choose_slide(slides_notes);
    slides_notes->add_option("--text", slide_notes, "the notes (line breaks allowed; \"\" removes them)")->required();
    app::SlidesExportOptions slides_options;
    std::string slides_size = "1920x1080";
    auto* slides_export = slides->add_subcommand(
        "export", "render every slide (its content and a caption, no app controls) as PNG files, a PDF or a PowerPoint file "
                  "(needs an X server, e.g. xvfb-run)");
    slides_export->add_option("--db", db, "database")->required();
    slides_export->add_option("--out", slides_options.out, "png: a folder for the numbered PNG files; pdf, pptx: the file to write")
        ->required();
    slides_export->add_option("--format", slides_options.format, "png, pdf or pptx")
        ->check(CLI::IsMember({"png", "pdf", "pptx"}))
        ->capture_default_str();
    slides_export->add_option("--size", slides_size, "WIDTHxHEIGHT of each slide's image")->capture_default_str();
    slides_export->add_option("--layout", slides_options.layout_dir,
                              "also write each slide's screen rectangles of named items to this folder (1.json, 2.json …), for tests");

    std::string diff_plan_a, diff_plan_b, diff_format = "md";
    fs::path diff_out;
    auto* diff = app.add_subcommand("diff", "match the measures of two plans of one municipality: continued, changed, new, dropped");
    diff->add_option("--db", db, "database")->required();
    diff->add_option("PLAN_A", diff_plan_a, "the earlier plan's id")->required();
    diff->add_option("PLAN_B", diff_plan_b, "the later plan's id")->required();
    diff->add_option("--format", diff_format, "md (Markdown) or csv")->check(CLI::IsMember({"md", "csv"}))->capture_default_str();
    diff->add_option("--out", diff_out, "file to write (default: standard output)");

    auto* recover = app.add_subcommand(
        "recover", "roll back an interrupted write (a journal beside the database), after copying both aside; integrity_check");
    recover->add_option("--db", db, "database")->required();

    GenerateOptions gen_options;
    fs::path gen_out;
    bool gen_force = false;
    auto* gen = app.add_subcommand("gen", "write a synthetic database (every plan flagged synthetic, every observation sample)");
    gen->add_option("--out", gen_out, "database file to create")->required();
    gen->add_option("--municipalities", gen_options.municipalities)->capture_default_str();
    gen->add_option("--plans-per-municipality", gen_options.plans_per_municipality)->capture_default_str();
    gen->add_option("--measures-per-plan", gen_options.measures_per_plan)->capture_default_str();
    gen->add_option("--indicators-per-plan", gen_options.indicators_per_plan)->capture_default_str();
    gen->add_option("--years", gen_options.years, "observations per indicator")->capture_default_str();
    gen->add_option("--seed", gen_options.seed)->capture_default_str();
    gen->add_flag("--force", gen_force, "replace an existing file");
    bool gen_national = false;
    gen->add_flag("--national", gen_national,
                  "every municipality of Japan: 1741 municipalities x 5 generations x 60 measures x 10 indicators x 10 years "
                  "(options given as well override these)");

    app::ShotOptions shot_options;
    std::string size = "1280x800", plans;
    auto* shot = app.add_subcommand("shot", "render one view to a PNG file (needs an X server, e.g. xvfb-run)");
    shot->add_option("--db", db, "database")->capture_default_str();
    shot->add_option("--view", shot_options.view, "view")
        ->check(CLI::IsMember(view_names))
        ->capture_default_str();
    shot->add_option("--plans", plans, "plan ids, comma-separated");
    shot->add_option("--size", size, "WIDTHxHEIGHT")->capture_default_str();
    shot->add_option("--lang", shot_options.lang, "ja or en")->check(CLI::IsMember({"ja", "en"}))->capture_default_str();
    shot->add_option("--out", shot_options.out_png, "PNG file to write")->required();
    // Scripts ask the binary which views there are (scripts/render-all-views.sh).
    shot->add_flag_callback("--list-views", [&view_names] {
        for (const auto& name : view_names) std::cout << name << "\n";
        throw CLI::Success();
    }, "print the views, one id a line in tab order, and exit");
    shot->add_flag("--present", shot_options.present, "render in presentation mode (large type, high contrast)");
    shot->add_option("--layout", shot_options.layout_json, "also write the screen rectangles of named items (JSON), for tests");
    shot->add_option("--slide", shot_options.slide,
                     "show saved slide N (1-based) as the slide show does: its view, plans, filter, options and scroll "
                     "anchor (with --present: in presentation mode)")
        ->check(CLI::PositiveNumber);
    shot->add_option("--node", shot_options.node_id, "select this node of the first plan (explorer details)");
    std::vector<std::string> shot_view_options, frames_view_options;
    shot->add_option("--view-option", shot_view_options, "a view's option as a slide saves it, e.g. compare.mode=diff (repeatable)");

    // For bench/: CPU time of our frames (new frame → ImGui render), no PNG.
    app::ShotOptions frames_options;
    std::string frames_size = "1920x1080";
    auto* bench_frames = app.add_subcommand("bench-frames", "time the frames of one view offscreen (for bench/; needs an X server)");
    bench_frames->add_option("--db", db, "database")->capture_default_str();
    bench_frames->add_option("--view", frames_options.view, "view")
        ->check(CLI::IsMember(view_names))
        ->capture_default_str();
    bench_frames->add_option("--frames", frames_options.timed_frames, "frames to time")->check(CLI::Range(1, 100000))->capture_default_str();
    bench_frames->add_option("--size", frames_size, "WIDTHxHEIGHT")->capture_default_str();
    std::string frames_plans;
    bench_frames->add_option("--plans", frames_plans, "plan ids, comma-separated");
    bench_frames->add_option("--node", frames_options.node_id, "select this node of the first plan");
    bench_frames->add_option("--view-option", frames_view_options, "a view's option, e.g. compare.mode=diff (repeatable)");

    CLI11_PARSE(app, argc, argv);

    try {
        const cli::DataPaths paths = cli::data_paths(data_dir);
        // The dashboard and shot on the default database: a first run creates
        // it from the bundled plans; an existing one is the user's and is kept.
        const bool dashboard = *ui || app.get_subcommands().empty();
        const bool opens_default_db = (*shot && shot->count("--db") == 0) || (dashboard && ui->count("--db") == 0);
        if (opens_default_db && !fs::exists(db))
            if (const int rc = cli::create_default_database(data_dir, db); rc != 0) return rc;
        if (*validate) return cli::validate(paths, files);
        if (*migrate) return cli::migrate_plans(paths, files, migrate_out);
        if (*import) return cli::import_plans(paths, db, files);
        if (*kpi_import) return cli::import_kpi_csv(db, files, kpi_replace);
        if (*kpi_export) return cli::export_kpi_table(db, kpi_out, kpi_results_out);
        if (*export_cmd) return cli::export_data(db, format, out_dir);
        if (*theme_items_cmd) {
            theme_items.plan_ids = split_ids(theme_items_plans);
            return cli::export_theme_items(db, theme_items);
        }
        if (*gen) {
            if (gen_national) {
                GenerateOptions national = national_generate_options();
                national.seed = gen_options.seed;
                const std::pair<const char*, int GenerateOptions::*> sizes[] = {
                    {"--municipalities", &GenerateOptions::municipalities},
                    {"--plans-per-municipality", &GenerateOptions::plans_per_municipality},
                    {"--measures-per-plan", &GenerateOptions::measures_per_plan},
                    {"--indicators-per-plan", &GenerateOptions::indicators_per_plan},
                    {"--years", &GenerateOptions::years}};
                for (const auto& [name, member] : sizes)
                    if (gen->count(name) > 0) national.*member = gen_options.*member;
                gen_options = national;
            }
            return cli::generate(paths, gen_options, gen_out, gen_force);
        }
        if (*notes_export) return cli::export_notes(db, notes_format, notes_out);
        if (*slides_list) return cli::list_slides(db);
        if (*groups_list) return cli::list_groups(db);
        if (*groups_add) return cli::change_group(db, group_change, true);
        if (*groups_remove) return cli::change_group(db, group_change, false);
        if (*table) {
            table_request.plan_ids = split_ids(table_plans);
            if (!parse_view_options(table_view_options, table_request.view_options)) return bad_view_option();
            return cli::write_view_table(table_request);
        }
        if (*slides_add) {
            slide_addition.state.plan_ids = split_ids(slide_plans);
            return cli::add_slide(db, slide_addition, view_names);
        }
        if ((*slides_remove || *slides_move || *slides_notes) && slide_choice.name.empty() && !slide_choice.position) {
            std::cerr << "wardscope: say which slide: --name NAME or --position N (wardscope slides list)\n";
            return 2;
        }
        if (*slides_remove) return cli::remove_slide(db, slide_choice);
        if (*slides_move) return cli::move_slide(db, slide_choice, slide_to);
        if (*slides_notes) return cli::set_slide_notes(db, slide_choice, slide_notes);
        if (*recover) return cli::recover(db);
        if (*diff) return cli::diff_plans(db, diff_plan_a, diff_plan_b, diff_format, diff_out);
        if (*slides_export) {
            if (!parse_size(slides_size, slides_options.width, slides_options.height)) return bad_size();
            slides_options.db_path = db;
            return app::run_slides_export(slides_options);
        }
        if (*bench_frames) {
            if (!parse_size(frames_size, frames_options.width, frames_options.height)) return bad_size();
            frames_options.db_path = db;
            frames_options.plan_ids = split_ids(frames_plans);
            if (!parse_view_options(frames_view_options, frames_options.view_options)) return bad_view_option();
            if (frames_options.timed_frames <= 0) frames_options.timed_frames = 300;
            return app::run_shot(frames_options);
        }
        if (*shot) {
            if (!parse_size(size, shot_options.width, shot_options.height)) return bad_size();
            shot_options.db_path = db;
            shot_options.plan_ids = split_ids(plans);
            if (!parse_view_options(shot_view_options, shot_options.view_options)) return bad_view_option();
            return app::run_shot(shot_options);
        }
        app::DashboardOptions options;
        options.db_path = db;
        options.present = present;
        options.monitor = monitor_option->count() ? monitor : -1;
        return app::run_dashboard(options);
    } catch (const Error& e) {
        std::cerr << "wardscope: " << terminal_text(e.what(), LineBreaks::keep) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "wardscope: unexpected error: " << terminal_text(e.what(), LineBreaks::keep) << "\n";
        return 1;
    }
}
