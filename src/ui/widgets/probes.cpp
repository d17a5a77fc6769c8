#include "ui/widgets/probes.hpp"

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

void record_probe(std::string_view name, ImVec2 min, ImVec2 max, double value, double value2, std::string_view text) {
    widget_state().probes.record(name, min, max, value, value2, text);
}

}  // namespace wardscope::ui
