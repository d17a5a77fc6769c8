// UTF-16LE/BE or Shift_JIS (CP932) bytes to UTF-16, a chunk at a time, for
// the CSV reader (csv.cpp). The one platform seam for decoding imported
// files: ICU on Linux, the Win32 API on Windows (utf16_decoder.cpp).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace wardscope {

class Utf16Decoder {
public:
    enum class Source { utf16le, utf16be, cp932 };
    using Sink = std::function<void(std::u16string_view)>;

    // Throws Error naming `file` when the platform cannot decode `source`.
    Utf16Decoder(Source source, const std::string& file);
    ~Utf16Decoder();
    Utf16Decoder(const Utf16Decoder&) = delete;
    Utf16Decoder& operator=(const Utf16Decoder&) = delete;

    // Decodes `bytes`, handing the UTF-16 to `sink` piece by piece; a character
    // split across chunks is completed by the next call (`last`: no more
    // bytes follow). False at the first invalid byte, after everything before
    // it went to `sink`. Surrogates are passed on unchecked (the caller pairs them).
    bool decode(std::string_view bytes, bool last, const Sink& sink);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace wardscope
