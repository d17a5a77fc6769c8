// find_japanese_font(), per platform: fontconfig on Linux, the fonts folders
// on Windows (which has no fontconfig).
#include "app/font_atlas.hpp"

#ifdef _WIN32
#include <windows.h>

#include <cstdlib>
#else
#include <fontconfig/fontconfig.h>
#endif

namespace wardscope::app {

#ifndef _WIN32

namespace {

bool covers_japanese(FcPattern* font) {
    FcLangSet* langs = nullptr;
    if (FcPatternGetLangSet(font, FC_LANG, 0, &langs) != FcResultMatch || !langs) return false;
    return FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("ja")) == FcLangEqual;
}

std::optional<FontFile> file_of(FcPattern* font) {
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch || !file) return std::nullopt;
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    FontFile out{reinterpret_cast<const char*>(file), index};
    std::error_code ec;
    if (!std::filesystem::is_regular_file(out.path, ec)) return std::nullopt;
    return out;
}

// fontconfig's best match for `pattern_text`; it always returns *a* font, so
// it is taken only when `accept` says it is what was asked for.
std::optional<FontFile> match(FcConfig* config, const char* pattern_text, bool (*accept)(FcPattern*)) {
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(pattern_text));
    if (!pattern) return std::nullopt;
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* font = FcFontMatch(config, pattern, &result);
    std::optional<FontFile> out;
    if (font && result == FcResultMatch && accept(font)) out = file_of(font);
    if (font) FcPatternDestroy(font);
    FcPatternDestroy(pattern);
    return out;
}

// Has the symbols Noto Sans CJK lacks (∼ U+223C stands for them).
bool has_symbols(FcPattern* font) {
    FcCharSet* chars = nullptr;
    return FcPatternGetCharSet(font, FC_CHARSET, 0, &chars) == FcResultMatch && FcCharSetHasChar(chars, 0x223C);
}

}  // namespace

std::optional<FontFile> find_japanese_font() {
    if (!FcInit()) return std::nullopt;
    FcConfig* config = FcConfigGetCurrent();
    for (const char* pattern : {"Noto Sans CJK JP:lang=ja", "sans-serif:lang=ja"})
        if (auto found = match(config, pattern, covers_japanese)) return found;
    // Any installed font that covers Japanese.
    std::optional<FontFile> out;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(":lang=ja"));
    FcObjectSet* fields = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_LANG, nullptr);
    if (FcFontSet* fonts = FcFontList(config, pattern, fields)) {
        for (int i = 0; i < fonts->nfont && !out; ++i)
            if (covers_japanese(fonts->fonts[i])) out = file_of(fonts->fonts[i]);
        FcFontSetDestroy(fonts);
    }
    FcObjectSetDestroy(fields);
    FcPatternDestroy(pattern);
    return out;
}

const char* japanese_font_install_hint() { return "Install one: apt-get install fonts-noto-cjk"; }

std::optional<FontFile> find_symbol_font() {
    if (!FcInit()) return std::nullopt;
    return match(FcConfigGetCurrent(), "DejaVu Sans", has_symbols);
}

#else

namespace {

std::optional<std::filesystem::path> env_path(const wchar_t* name) {
    const wchar_t* value = _wgetenv(name);
    if (!value || !*value) return std::nullopt;
    return std::filesystem::path(value);
}

}  // namespace

// Windows' own Japanese fonts first (Yu Gothic, Meiryo, MS Gothic), then Noto
// Sans CJK JP if the user installed it; in the system fonts folder, then the
// per-user one (%LOCALAPPDATA%\Microsoft\Windows\Fonts). Face 0 of each .ttc
// is the Japanese regular face.
// Segoe UI Symbol (every Windows since 7) has the symbols the Japanese fonts lack.
std::optional<FontFile> find_symbol_font() {
    wchar_t windows_dir[MAX_PATH];
    const UINT n = GetWindowsDirectoryW(windows_dir, MAX_PATH);
    if (n == 0 || n >= MAX_PATH) return std::nullopt;
    const std::filesystem::path file = std::filesystem::path(windows_dir) / "Fonts" / "seguisym.ttf";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    return FontFile{file, 0};
}

std::optional<FontFile> find_japanese_font() {
    std::vector<std::filesystem::path> folders;
    wchar_t windows_dir[MAX_PATH];
    if (const UINT n = GetWindowsDirectoryW(windows_dir, MAX_PATH); n > 0 && n < MAX_PATH)
        folders.push_back(std::filesystem::path(windows_dir) / "Fonts");
    if (auto local = env_path(L"LOCALAPPDATA")) folders.push_back(*local / "Microsoft" / "Windows" / "Fonts");
    for (const char* name : {"YuGothM.ttc", "YuGothR.ttc", "meiryo.ttc", "msgothic.ttc", "NotoSansCJK-Regular.ttc",
                             "NotoSansCJKjp-Regular.otf"})
        for (const auto& folder : folders) {
            std::error_code ec;
            if (std::filesystem::is_regular_file(folder / name, ec)) return FontFile{folder / name, 0};
        }
    return std::nullopt;
}

const char* japanese_font_install_hint() {
    return "Windows ships Yu Gothic, Meiryo and MS Gothic (Settings > Time & language > Language: add Japanese, or "
           "install the Japanese supplemental fonts); Noto Sans CJK JP also works";
}

#endif

}  // namespace wardscope::app
