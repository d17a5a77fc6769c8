#include "wardscope/visible_text.hpp"

#include "wardscope/records.hpp"
#include "wardscope/utf8.hpp"

namespace wardscope {
namespace {

// Every display field of the records' tables (records.hpp), and nothing else:
// ids are checked where they are read.
template <typename T, typename Record>
void visible_fields(const T& table, std::vector<Record>& rows) {
    for (Record& r : rows) records::for_each_display_member(table, r, [](std::string& text) { make_visible(text); });
}

}  // namespace

void make_text_visible(Dataset& data) {
    for_each_plan_text(data, [](std::string& text) { make_visible(text); });
    make_text_visible(data.observations);
}

void make_text_visible(std::vector<Observation>& observations) { visible_fields(records::observation, observations); }

void make_text_visible(std::vector<Annotation>& annotations) { visible_fields(records::annotation, annotations); }

void make_text_visible(std::vector<Slide>& slides) { visible_fields(records::slide, slides); }

}  // namespace wardscope
