// The views, in tab order. A new view is one file in this folder defining
// make_NAME_view(), and its name on this list.
#include "ui/view.hpp"

#define WS_VIEWS(X) X(timeline) X(explorer) X(swot) X(heatmap) X(compare) X(kpi) X(notes)

namespace wardscope::ui {

#define WS_DECLARE_VIEW(name) std::unique_ptr<View> make_##name##_view();
WS_VIEWS(WS_DECLARE_VIEW)

Views make_views() {
    Views views;
#define WS_MAKE_VIEW(name) views.push_back(make_##name##_view());
    WS_VIEWS(WS_MAKE_VIEW)
    return views;
}

}  // namespace wardscope::ui
