// The dashboard's copy of the data, made safe to draw: control characters in
// displayed text (a database written by another tool can hold a NUL
// anywhere) become a visible 〓 (see visible_control_characters). Ids are left
// as they are: they are keys, and the app writes them back.
#pragma once

#include <vector>

#include "wardscope/model.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope {

void make_text_visible(Dataset& data);
void make_text_visible(std::vector<Observation>& observations);
void make_text_visible(std::vector<Annotation>& annotations);
void make_text_visible(std::vector<Slide>& slides);

}  // namespace wardscope
