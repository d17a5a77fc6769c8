#include "wardscope/visible_text.hpp"

#include <initializer_list>

#include "wardscope/utf8.hpp"

namespace wardscope {
namespace {

void visible(std::initializer_list<std::string*> texts) {
    for (std::string* t : texts) make_visible(*t);
}
void visible(std::vector<std::string>& texts) {
    for (std::string& t : texts) make_visible(t);
}
void visible(SourceRef& s) { visible({&s.file, &s.section, &s.url}); }

void visible(Plan& p) {
    visible({&p.title, &p.title_en, &p.kind, &p.status, &p.approved_by, &p.period_as_written, &p.vision, &p.summary});
    visible(p.viewpoints);
    visible(p.focus_fields);
    visible(p.source);
    for (Node& n : p.nodes) visible({&n.label, &n.name, &n.name_en, &n.description}), visible(n.source);
    for (SwotItem& s : p.swot) visible({&s.text, &s.text_en}), visible(s.source);
    for (TowsStrategy& t : p.tows) visible({&t.text, &t.text_en}), visible(t.source);
    for (Indicator& i : p.indicators) {
        visible({&i.kind, &i.label, &i.name, &i.name_en, &i.unit, &i.note, &i.baseline.note, &i.target.note});
        visible(i.source);
    }
}

}  // namespace

void make_text_visible(Dataset& data) {
    for (Municipality& m : data.municipalities) visible({&m.name_ja, &m.name_en, &m.kind, &m.code}), visible(m.source);
    for (Theme& t : data.taxonomy.themes) visible({&t.label_ja, &t.label_en});
    for (Actor& a : data.taxonomy.actors) visible({&a.label_ja, &a.label_en});
    for (Plan& p : data.plans) visible(p);
    make_text_visible(data.observations);
}

void make_text_visible(std::vector<Observation>& observations) {
    for (Observation& o : observations) make_visible(o.source);
}

void make_text_visible(std::vector<Annotation>& annotations) {
    for (Annotation& a : annotations) make_visible(a.note);
}

void make_text_visible(std::vector<Slide>& slides) {
    for (Slide& s : slides) make_visible(s.name), make_visible(s.notes);
}

}  // namespace wardscope
