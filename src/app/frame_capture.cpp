#include "app/frame_capture.hpp"

#include <algorithm>
#include <future>
#include <memory>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "ui/widgets/probes.hpp"
#include "wardscope/error.hpp"
#include "wardscope/safe_files.hpp"

namespace wardscope::app {
namespace {

// Rows [first, last) of the image, each "Sub"-filtered (flat UI colours become
// runs of zeros), as a raw deflate stream at level 2; `final` ends the stream,
// otherwise it ends on a byte boundary (a sync flush) so that the next part's
// stream can follow it.
std::vector<std::uint8_t> deflate_rows(const std::vector<std::uint8_t>& rgba, int width, int first, int last, bool final,
                                       uLong& adler) {
    const std::size_t stride = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> raw((stride + 1) * static_cast<std::size_t>(last - first));
    for (int y = first; y < last; ++y) {
        const std::uint8_t* src = rgba.data() + static_cast<std::size_t>(y) * stride;
        std::uint8_t* dst = raw.data() + static_cast<std::size_t>(y - first) * (stride + 1);
        dst[0] = 1;  // filter type Sub: each byte minus the same channel of the pixel to its left
        std::copy(src, src + 4, dst + 1);
        for (std::size_t x = 4; x < stride; ++x) dst[1 + x] = static_cast<std::uint8_t>(src[x] - src[x - 4]);
    }
    adler = adler32(1L, raw.data(), static_cast<uInt>(raw.size()));
    z_stream z{};
    if (deflateInit2(&z, 2, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw Error("cannot start the PNG compressor");
    std::vector<std::uint8_t> out(deflateBound(&z, static_cast<uLong>(raw.size())) + 16);
    z.next_in = raw.data();
    z.avail_in = static_cast<uInt>(raw.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, final ? Z_FINISH : Z_SYNC_FLUSH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != (final ? Z_STREAM_END : Z_OK) || z.avail_in != 0) throw Error("cannot compress the PNG image");
    return out;
}

}  // namespace

// PNG encoding with zlib at level 2, about 5× quicker than stb_image_write's
// encoder (per-row filter search and its own deflate) for the same pixels, at a
// similar file size. The two halves of the image are deflated on two threads
// and their streams joined, as pigz does (issue #5: the shot's wall time).
std::vector<std::uint8_t> encode_png(int width, int height, const std::vector<std::uint8_t>& rgba) {
    const int middle = height / 2;
    uLong top_adler = 0, bottom_adler = 0;
    auto bottom = std::async(std::launch::async, [&] { return deflate_rows(rgba, width, middle, height, true, bottom_adler); });
    std::vector<std::uint8_t> idat = {0x78, 0x01};  // zlib header: deflate, 32 KiB window
    const std::vector<std::uint8_t> top = deflate_rows(rgba, width, 0, middle, false, top_adler);
    const std::vector<std::uint8_t> rest = bottom.get();
    idat.insert(idat.end(), top.begin(), top.end());
    idat.insert(idat.end(), rest.begin(), rest.end());
    const std::size_t bottom_size = (static_cast<std::size_t>(width) * 4 + 1) * static_cast<std::size_t>(height - middle);
    const uLong adler = adler32_combine(top_adler, bottom_adler, static_cast<z_off_t>(bottom_size));
    for (int shift = 24; shift >= 0; shift -= 8) idat.push_back(static_cast<std::uint8_t>(adler >> shift));

    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    auto put32 = [&](std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) png.push_back(static_cast<std::uint8_t>(v >> shift));
    };
    auto chunk = [&](const char* type, const std::uint8_t* data, std::size_t size) {
        put32(static_cast<std::uint32_t>(size));
        const std::size_t start = png.size();
        png.insert(png.end(), type, type + 4);
        png.insert(png.end(), data, data + size);
        put32(static_cast<std::uint32_t>(crc32(0, png.data() + start, static_cast<uInt>(size + 4))));
    };
    std::uint8_t header[13] = {};
    for (int i = 0; i < 4; ++i) {
        header[i] = static_cast<std::uint8_t>(static_cast<std::uint32_t>(width) >> (24 - 8 * i));
        header[4 + i] = static_cast<std::uint8_t>(static_cast<std::uint32_t>(height) >> (24 - 8 * i));
    }
    header[8] = 8;  // bits per channel
    header[9] = 6;  // RGBA; compression, filter method and interlace stay 0
    png.reserve(idat.size() + 64);
    chunk("IHDR", header, sizeof header);
    chunk("IDAT", idat.data(), idat.size());
    chunk("IEND", nullptr, 0);
    return png;
}

void write_png(const std::filesystem::path& path, int width, int height, const std::vector<std::uint8_t>& rgba) {
    write_file_atomically(path, std::span<const std::uint8_t>(encode_png(width, height, rgba)));
}

void write_layout_json(const std::filesystem::path& path, int width, int height, const ui::Probes& probes) {
    nlohmann::json items = nlohmann::json::array();
    for (const ui::Probe& p : probes.recorded())
        items.push_back({{"name", p.name},
                         {"x0", p.min.x}, {"y0", p.min.y}, {"x1", p.max.x}, {"y1", p.max.y},
                         {"value", p.value}, {"value2", p.value2}, {"text", p.text}});
    const nlohmann::json doc{{"width", width}, {"height", height}, {"items", items}};
    // Rewritten every frame for tests: whole, but not flushed to the disk each time.
    write_file_atomically(path, doc.dump(1) + "\n", Durability::rename_only);
}

}  // namespace wardscope::app
