// `wardscope table`: the data behind a view, as the view shows it (the same
// ui::View::table the view's "Export table" writes), as CSV or xlsx.
#include <iostream>

#include "app/dashboard.hpp"
#include "commands.hpp"
#include "wardscope/count_words.hpp"
#include "wardscope/error.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope::cli {

int write_view_table(const TableRequest& request) {
    app::Dashboard dashboard(request.db);
    const Dataset& data = dashboard.data();
    for (const std::string& id : request.plan_ids)
        if (!data.find_plan(id)) throw Error("--plans: no plan " + terminal_text(id) + " in " + request.db.string());
    if (!request.theme_id.empty() && !data.taxonomy.find_theme(request.theme_id))
        throw Error("--theme: no theme " + terminal_text(request.theme_id) + " in " + request.db.string());
    dashboard.set_lang(request.lang == "en" ? ui::Lang::en : ui::Lang::ja);
    dashboard.selection().set_plans(data, request.plan_ids);
    dashboard.filter().set_theme(request.theme_id);
    if (const std::string wrong = dashboard.restore_view_options_checked(request.view_options); !wrong.empty())
        throw Error("--option: " + wrong);
    const std::optional<Table> table = dashboard.view_table(request.view);
    if (!table) throw Error("the " + request.view + " view has no table");
    const TableFormat format = *table_format_from(request.format);
    write_export_file(request.db, request.out, table_file_bytes(*table, format, request.lang == "en"));
    std::cout << "wrote " << request.out.string() << ": " << count_words(static_cast<long long>(table->rows.size()), "row", "rows") << ", "
              << count_words(static_cast<long long>(table->columns.size()), "column", "columns") << "\n";
    return 0;
}

}  // namespace wardscope::cli
