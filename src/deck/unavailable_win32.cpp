// The Windows build has no cairo or libzip (scripts/build-windows.sh): PNG
// export only.
#include "deck/deck.hpp"
#include "wardscope/error.hpp"

namespace wardscope::deck {

std::unique_ptr<Writer> pdf_writer(int, int, const Font&, std::string_view) {
    throw Error("PDF export is not in the Windows build of wardscope: export PNG files (--format png)");
}

std::unique_ptr<Writer> pptx_writer(int, int, std::string_view) {
    throw Error("PowerPoint export is not in the Windows build of wardscope: export PNG files (--format png)");
}

}  // namespace wardscope::deck
