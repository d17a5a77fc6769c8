#include "utf16_decoder.hpp"

#include <array>

#ifdef _WIN32
#include <windows.h>
#else
#include <unicode/ucnv.h>
#endif

#include "wardscope/error.hpp"

namespace wardscope {

#ifdef _WIN32

namespace {

bool cp932_lead_byte(unsigned char b) { return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC); }

// Bytes of `bytes` that end on a character boundary (a lead byte at the end waits for its trail byte).
std::size_t complete_cp932(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t length = cp932_lead_byte(static_cast<unsigned char>(bytes[i])) ? 2 : 1;
        if (i + length > bytes.size()) break;
        i += length;
    }
    return i;
}

// MultiByteToWideChar(932, MB_ERR_INVALID_CHARS); false when a byte is invalid.
bool cp932_to_utf16(std::string_view bytes, std::u16string& out) {
    out.clear();
    if (bytes.empty()) return true;
    const int size = static_cast<int>(bytes.size());
    const int units = MultiByteToWideChar(932, MB_ERR_INVALID_CHARS, bytes.data(), size, nullptr, 0);
    if (units <= 0) return false;
    out.resize(static_cast<std::size_t>(units));
    return MultiByteToWideChar(932, MB_ERR_INVALID_CHARS, bytes.data(), size, reinterpret_cast<wchar_t*>(out.data()),
                               units) == units;
}

}  // namespace

// UTF-16 is paired into units by hand; CP932 goes through MultiByteToWideChar,
// which stops at an invalid byte (MB_ERR_INVALID_CHARS) instead of giving U+FFFD.
struct Utf16Decoder::Impl {
    Source source;
    std::string carry;  // an incomplete character from the previous chunk
    std::u16string units;

    bool decode_utf16(std::string_view bytes, bool last, const Sink& sink) {
        const std::size_t whole = bytes.size() / 2 * 2;
        units.clear();
        for (std::size_t i = 0; i < whole; i += 2) {
            const auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
            units += static_cast<char16_t>(source == Source::utf16le ? b0 | b1 << 8 : b1 | b0 << 8);
        }
        sink(units);
        carry.assign(bytes.substr(whole));
        return !(last && !carry.empty());  // an odd byte at the end
    }

    bool decode_cp932(std::string_view bytes, bool last, const Sink& sink) {
        const std::size_t complete = complete_cp932(bytes);
        if (last && complete != bytes.size()) {
            if (!decode_cp932(bytes.substr(0, complete), false, sink)) return false;
            return false;  // a lead byte without its trail byte
        }
        carry.assign(bytes.substr(complete));
        bytes = bytes.substr(0, complete);
        if (cp932_to_utf16(bytes, units)) {
            sink(units);
            return true;
        }
        // An invalid byte somewhere: decode up to it, a character at a time, for its line.
        std::size_t from = 0;
        for (std::size_t i = 0; i < bytes.size();) {
            const std::size_t length = cp932_lead_byte(static_cast<unsigned char>(bytes[i])) ? 2 : 1;
            if (!cp932_to_utf16(bytes.substr(i, length), units)) {
                if (cp932_to_utf16(bytes.substr(from, i - from), units)) sink(units);
                return false;
            }
            i += length;
        }
        return false;
    }
};

Utf16Decoder::Utf16Decoder(Source source, const std::string&) : impl_(std::make_unique<Impl>()) {
    impl_->source = source;
}

Utf16Decoder::~Utf16Decoder() = default;

bool Utf16Decoder::decode(std::string_view bytes, bool last, const Sink& sink) {
    std::string joined = std::move(impl_->carry);
    impl_->carry.clear();
    joined += bytes;
    return impl_->source == Source::cp932 ? impl_->decode_cp932(joined, last, sink)
                                          : impl_->decode_utf16(joined, last, sink);
}

#else

// ICU's converter with its STOP callback: an invalid byte is an error, not a
// silent U+FFFD. ICU keeps an incomplete character for the next call itself.
struct Utf16Decoder::Impl {
    UConverter* converter = nullptr;
    std::array<UChar, 16 * 1024> utf16{};

    ~Impl() {
        if (converter) ucnv_close(converter);
    }
};

Utf16Decoder::Utf16Decoder(Source source, const std::string& file) : impl_(std::make_unique<Impl>()) {
    const char* name = source == Source::utf16le ? "UTF-16LE" : source == Source::utf16be ? "UTF-16BE" : "windows-31j";
    UErrorCode status = U_ZERO_ERROR;
    impl_->converter = ucnv_open(name, &status);
    if (U_FAILURE(status)) throw Error(file + ": cannot read " + name + " (ICU: " + u_errorName(status) + ")");
    ucnv_setToUCallBack(impl_->converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
}

Utf16Decoder::~Utf16Decoder() = default;

bool Utf16Decoder::decode(std::string_view bytes, bool last, const Sink& sink) {
    const char* source = bytes.data();
    const char* const source_end = bytes.data() + bytes.size();
    auto& utf16 = impl_->utf16;
    for (;;) {
        UChar* target = utf16.data();
        UErrorCode status = U_ZERO_ERROR;
        ucnv_toUnicode(impl_->converter, &target, utf16.data() + utf16.size(), &source, source_end, nullptr, last,
                       &status);
        sink(std::u16string_view(utf16.data(), static_cast<std::size_t>(target - utf16.data())));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        return !U_FAILURE(status);
    }
}

#endif

}  // namespace wardscope
