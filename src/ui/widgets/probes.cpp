#include "ui/widgets/probes.hpp"

#include <map>
#include <utility>

#include "ui/widget_state.hpp"

namespace wardscope::ui {

void Probes::record(std::string_view name, ImVec2 min, ImVec2 max, double value, double value2, std::string_view text) {
    if (!enabled_) return;
    Probe probe{std::string(name), min, max, value, value2, std::string(text)};
    for (auto& existing : probes_)
        if (existing.name == probe.name) {
            existing = std::move(probe);
            return;
        }
    probes_.push_back(std::move(probe));
}

bool probes_enabled() { return widget_state().probes.enabled(); }
void set_probes_enabled(bool on) { widget_state().probes.set_enabled(on); }
void clear_probes() { widget_state().probes.clear(); }
const std::vector<Probe>& recorded_probes() { return widget_state().probes.recorded(); }

void record_probe(std::string_view name, ImVec2 min, ImVec2 max, double value, double value2, std::string_view text) {
    widget_state().probes.record(name, min, max, value, value2, text);
}

void record_text_sizes(const ImDrawData* draw_data) {
    if (!probes_enabled() || !draw_data) return;
    // Glyphs by their texture corner; a glyph quad is four vertices with its
    // UVs at (U0,V0) (U1,V0) (U1,V1) (U0,V1) (ImDrawList::PrimRectUV).
    std::map<std::pair<float, float>, std::pair<const ImFontGlyph*, const ImFont*>> glyphs;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible && g.Y1 > g.Y0) glyphs.emplace(std::make_pair(g.U0, g.V0), std::make_pair(&g, font));
    float smallest = 0;
    int count = 0;
    ImVec2 at_min, at_max;
    for (int l = 0; l < draw_data->CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = draw_data->CmdLists[l]->VtxBuffer;
        for (int i = 0; i + 3 < v.Size; ++i) {
            const auto it = glyphs.find({v[i].uv.x, v[i].uv.y});
            if (it == glyphs.end()) continue;
            const ImFontGlyph& g = *it->second.first;
            if (v[i + 2].uv.x != g.U1 || v[i + 2].uv.y != g.V1 || v[i + 1].uv.x != g.U1 || v[i + 3].uv.y != g.V1) continue;
            float height = v[i + 2].pos.y - v[i].pos.y;
            if (height <= 0) height = v[i + 2].pos.x - v[i].pos.x;  // turned a quarter (the heatmap's column headings)
            if (height <= 0) continue;
            const float size = it->second.second->FontSize * height / (g.Y1 - g.Y0);
            ++count;
            if (count == 1 || size < smallest - 0.01f) smallest = size, at_min = v[i].pos, at_max = v[i + 2].pos;
            i += 3;
        }
    }
    if (count > 0) record_probe("text.min_size", at_min, at_max, smallest, count);
}


}  // namespace wardscope::ui
