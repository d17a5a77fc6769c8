#include "ui/widgets/probes.hpp"

#include <utility>

namespace wardscope::ui {
namespace {
bool enabled = false;
std::vector<Probe> probes;
}  // namespace

bool probes_enabled() { return enabled; }
void set_probes_enabled(bool on) { enabled = on; }

void record_probe(std::string_view name, ImVec2 min, ImVec2 max, double value, double value2, std::string_view text) {
    if (!enabled) return;
    Probe probe{std::string(name), min, max, value, value2, std::string(text)};
    for (auto& existing : probes)
        if (existing.name == probe.name) {
            existing = std::move(probe);
            return;
        }
    probes.push_back(std::move(probe));
}

const std::vector<Probe>& recorded_probes() { return probes; }
void clear_probes() { probes.clear(); }

}  // namespace wardscope::ui
