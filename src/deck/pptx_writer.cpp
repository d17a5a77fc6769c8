// The PowerPoint deck: an OOXML (ECMA-376) package written with libzip. One
// slide per saved slide: the slide's title in the layout's title placeholder,
// its image as a picture, its source line as a text box, its notes as the
// speaker notes. The parts PowerPoint needs to open the file without a repair
// prompt: [Content_Types].xml, the package and part relationships, the
// presentation, one slide master with one layout ("Title Only"), the theme,
// a notes master (with a theme of its own) for the notes slides, document
// properties. Sizes are in EMU (914400 per inch); docs/slides.md says what
// the writer covers.
#include <zip.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "deck/deck.hpp"
#include "deck/layout.hpp"
#include "wardscope/error.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope::deck {
namespace {

const char* const xml_header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const char* const namespaces =
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    " xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
const std::string relationship_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const std::string content_type = "application/vnd.openxmlformats-officedocument.";

// The slide is 13.333 in wide (PowerPoint's 16:9 default), its height in the
// proportion of --size; PowerPoint accepts 1 in to 56 in each way.
constexpr long long slide_width_emu = 12192000;
constexpr long long min_side_emu = 914400, max_side_emu = 51206400;
constexpr long long emu_per_point = 12700;

struct Relationship {
    std::string type;  // after relationship_type, or a full URI
    std::string target;
};

std::string relationships(const std::vector<Relationship>& rels) {
    std::string out = std::string(xml_header) + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (std::size_t i = 0; i < rels.size(); ++i) {
        const std::string& type = rels[i].type;
        out += "<Relationship Id=\"rId" + std::to_string(i + 1) + "\" Type=\"" +
               (type.rfind("http", 0) == 0 ? type : relationship_type + type) + "\" Target=\"" + rels[i].target + "\"/>";
    }
    return out + "</Relationships>";
}

std::string group_start() {
    return "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
           "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/>"
           "<a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";
}

const char* const color_map =
    "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\""
    " accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>";

// Paragraphs of text (one per line), each run tagged Japanese or English.
// `size`: hundredths of a point (0: the placeholder's), `color`: RRGGBB (empty: the placeholder's).
std::string paragraphs(std::string_view text, const char* lang, long long size = 0, const std::string& color = {}) {
    std::string properties = std::string("<a:rPr lang=\"") + lang + "\" altLang=\"en-US\" dirty=\"0\"";
    if (size > 0) properties += " sz=\"" + std::to_string(size) + "\"";
    properties += color.empty() ? "/>" : "><a:solidFill><a:srgbClr val=\"" + color + "\"/></a:solidFill></a:rPr>";
    std::string out;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out += "<a:p>";
        if (!line.empty())
            out += "<a:r>" + properties + "<a:t>" + xml_text(line) + "</a:t></a:r>";
        out += std::string("<a:endParaRPr lang=\"") + lang + "\" dirty=\"0\"/></a:p>";
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

// Japanese when the text holds anything beyond ASCII.
const char* language_of(std::string_view text) {
    for (unsigned char c : text)
        if (c >= 0x80) return "ja-JP";
    return "en-US";
}

std::string theme(const char* name) {
    std::string fonts = "<a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
                        "<a:font script=\"Jpan\" typeface=\"Yu Gothic\"/>";
    std::string solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    std::string lines;
    for (const char* w : {"6350", "12700", "19050"}) lines += std::string("<a:ln w=\"") + w + "\">" + solid + "</a:ln>";
    return std::string(xml_header) + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"" + name +
           "\"><a:themeElements><a:clrScheme name=\"wardscope\">"
           "<a:dk1><a:srgbClr val=\"000000\"/></a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1>"
           "<a:dk2><a:srgbClr val=\"1F2937\"/></a:dk2><a:lt2><a:srgbClr val=\"E7E6E6\"/></a:lt2>"
           "<a:accent1><a:srgbClr val=\"0072B2\"/></a:accent1><a:accent2><a:srgbClr val=\"E69F00\"/></a:accent2>"
           "<a:accent3><a:srgbClr val=\"009E73\"/></a:accent3><a:accent4><a:srgbClr val=\"CC79A7\"/></a:accent4>"
           "<a:accent5><a:srgbClr val=\"56B4E9\"/></a:accent5><a:accent6><a:srgbClr val=\"D55E00\"/></a:accent6>"
           "<a:hlink><a:srgbClr val=\"0563C1\"/></a:hlink><a:folHlink><a:srgbClr val=\"954F72\"/></a:folHlink>"
           "</a:clrScheme><a:fontScheme name=\"wardscope\"><a:majorFont>" + fonts + "</a:majorFont><a:minorFont>" + fonts +
           "</a:minorFont></a:fontScheme><a:fmtScheme name=\"wardscope\"><a:fillStyleLst>" + solid + solid + solid +
           "</a:fillStyleLst><a:lnStyleLst>" + lines + "</a:lnStyleLst><a:effectStyleLst>"
           "<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>"
           "<a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>" + solid + solid + solid +
           "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>";
}

std::string xfrm(long long x, long long y, long long cx, long long cy) {
    return "<a:xfrm><a:off x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\"/><a:ext cx=\"" +
           std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"/></a:xfrm>";
}

class PptxWriter final : public Writer {
public:
    PptxWriter(int width, int height, std::string_view deck_title)
        : width_(width), height_(height), title_(deck_title),
          emu_per_pixel_(static_cast<double>(slide_width_emu) / width),
          slide_height_emu_(std::llround(height * emu_per_pixel_)) {
        if (slide_height_emu_ < min_side_emu || slide_height_emu_ > max_side_emu)
            throw Error("--size " + std::to_string(width) + "x" + std::to_string(height) +
                        ": PowerPoint slides are at most 56 times as high as wide and at least 1/13 (use a size nearer 16:9)");
    }

    void add(const Page& page) override {
        const Rect image = image_rect(Format::pptx, width_, height_);
        if (page.image_width != image.width || page.image_height != image.height || page.png.empty())
            throw Error("PowerPoint: slide " + std::to_string(page.number) + "'s image is not a " +
                        std::to_string(image.width) + "x" + std::to_string(image.height) + " PNG");
        const std::string n = std::to_string(++slides_);
        const bool has_notes = !page.notes.empty();
        notes_ += has_notes;
        parts_.push_back({"ppt/media/image" + n + ".png", std::string(page.png.begin(), page.png.end())});
        parts_.push_back({"ppt/slides/slide" + n + ".xml", slide_xml(page, image)});
        std::vector<Relationship> rels = {{"slideLayout", "../slideLayouts/slideLayout1.xml"},
                                          {"image", "../media/image" + n + ".png"}};
        if (has_notes) {
            rels.push_back({"notesSlide", "../notesSlides/notesSlide" + n + ".xml"});
            parts_.push_back({"ppt/notesSlides/notesSlide" + n + ".xml", notes_xml(page.notes)});
            parts_.push_back({"ppt/notesSlides/_rels/notesSlide" + n + ".xml.rels",
                              relationships({{"notesMaster", "../notesMasters/notesMaster1.xml"}, {"slide", "../slides/slide" + n + ".xml"}})});
            note_slides_.push_back(slides_);
        }
        parts_.push_back({"ppt/slides/_rels/slide" + n + ".xml.rels", relationships(rels)});
    }

    std::string finish() override {
        if (slides_ == 0) throw Error("PowerPoint: no slides");
        std::vector<std::pair<std::string, std::string>> fixed = {
            {"[Content_Types].xml", content_types()},
            {"_rels/.rels", relationships({{"officeDocument", "ppt/presentation.xml"},
                                           {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"},
                                           {"extended-properties", "docProps/app.xml"}})},
            {"docProps/core.xml", core_properties()},
            {"docProps/app.xml", app_properties()},
            {"ppt/presentation.xml", presentation_xml()},
            {"ppt/_rels/presentation.xml.rels", presentation_rels()},
            {"ppt/presProps.xml", std::string(xml_header) + "<p:presentationPr" + namespaces + "/>"},
            {"ppt/viewProps.xml", std::string(xml_header) + "<p:viewPr" + namespaces + "/>"},
            {"ppt/tableStyles.xml", std::string(xml_header) +
                                        "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                                        "def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>"},
            {"ppt/slideMasters/slideMaster1.xml", master_xml()},
            {"ppt/slideMasters/_rels/slideMaster1.xml.rels",
             relationships({{"slideLayout", "../slideLayouts/slideLayout1.xml"}, {"theme", "../theme/theme1.xml"}})},
            {"ppt/slideLayouts/slideLayout1.xml", layout_xml()},
            {"ppt/slideLayouts/_rels/slideLayout1.xml.rels", relationships({{"slideMaster", "../slideMasters/slideMaster1.xml"}})},
            {"ppt/theme/theme1.xml", theme("wardscope")},
            {"ppt/theme/theme2.xml", theme("wardscope notes")},
            {"ppt/notesMasters/notesMaster1.xml", notes_master_xml()},
            {"ppt/notesMasters/_rels/notesMaster1.xml.rels", relationships({{"theme", "../theme/theme2.xml"}})},
        };
        fixed.insert(fixed.end(), std::make_move_iterator(parts_.begin()), std::make_move_iterator(parts_.end()));
        parts_.clear();
        return zip_parts(fixed);
    }

private:
    long long emu(int pixels) const { return std::llround(pixels * emu_per_pixel_); }
    std::string xfrm_of(const Rect& r) const { return xfrm(emu(r.x), emu(r.y), emu(r.width), emu(r.height)); }
    // Hundredths of a point for text `share` of the slide's height.
    long long text_size(double share) const {
        return std::llround(static_cast<double>(slide_height_emu_) * share / emu_per_point * 100);
    }

    std::string content_types() const {
        const std::string pml = content_type + "presentationml.";
        std::string out = std::string(xml_header) +
                          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                          "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                          "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                          "<Default Extension=\"png\" ContentType=\"image/png\"/>";
        const auto override_part = [&](const std::string& part, const std::string& type) {
            out += "<Override PartName=\"/" + part + "\" ContentType=\"" + type + "\"/>";
        };
        override_part("ppt/presentation.xml", pml + "presentation.main+xml");
        override_part("ppt/presProps.xml", pml + "presProps+xml");
        override_part("ppt/viewProps.xml", pml + "viewProps+xml");
        override_part("ppt/tableStyles.xml", pml + "tableStyles+xml");
        override_part("ppt/slideMasters/slideMaster1.xml", pml + "slideMaster+xml");
        override_part("ppt/slideLayouts/slideLayout1.xml", pml + "slideLayout+xml");
        override_part("ppt/notesMasters/notesMaster1.xml", pml + "notesMaster+xml");
        override_part("ppt/theme/theme1.xml", content_type + "theme+xml");
        override_part("ppt/theme/theme2.xml", content_type + "theme+xml");
        for (int i = 1; i <= slides_; ++i) override_part("ppt/slides/slide" + std::to_string(i) + ".xml", pml + "slide+xml");
        for (int i : note_slides_) override_part("ppt/notesSlides/notesSlide" + std::to_string(i) + ".xml", pml + "notesSlide+xml");
        override_part("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        override_part("docProps/app.xml", content_type + "extended-properties+xml");
        return out + "</Types>";
    }

    std::string core_properties() const {
        return std::string(xml_header) +
               "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
               " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
               " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" + xml_text(title_) +
               "</dc:title><dc:creator>wardscope</dc:creator></cp:coreProperties>";
    }

    std::string app_properties() const {
        return std::string(xml_header) +
               "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
               "<Application>wardscope</Application><Slides>" + std::to_string(slides_) + "</Slides><Notes>" +
               std::to_string(notes_) + "</Notes></Properties>";
    }

    // rId1 the master, rId2 the notes master, rId3… the slides, then the properties and table styles.
    std::string presentation_rels() const {
        std::vector<Relationship> rels = {{"slideMaster", "slideMasters/slideMaster1.xml"},
                                          {"notesMaster", "notesMasters/notesMaster1.xml"}};
        for (int i = 1; i <= slides_; ++i) rels.push_back({"slide", "slides/slide" + std::to_string(i) + ".xml"});
        rels.push_back({"presProps", "presProps.xml"});
        rels.push_back({"viewProps", "viewProps.xml"});
        rels.push_back({"theme", "theme/theme1.xml"});
        rels.push_back({"tableStyles", "tableStyles.xml"});
        return relationships(rels);
    }

    std::string presentation_xml() const {
        std::string ids;
        // Slide ids start at 256 (ECMA-376 ST_SlideId); the master's and the layout's are ≥ 2^31.
        for (int i = 1; i <= slides_; ++i)
            ids += "<p:sldId id=\"" + std::to_string(255 + i) + "\" r:id=\"rId" + std::to_string(2 + i) + "\"/>";
        return std::string(xml_header) + "<p:presentation" + namespaces + " saveSubsetFonts=\"1\">" +
               "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
               "<p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>"
               "<p:sldIdLst>" + ids + "</p:sldIdLst><p:sldSz cx=\"" + std::to_string(slide_width_emu) + "\" cy=\"" +
               std::to_string(slide_height_emu_) + "\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>";
    }

    std::string title_placeholder(const std::string& position, const std::string& text) const {
        return "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
               "<p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>" + position + "</p:spPr>" + text + "</p:sp>";
    }

    std::string master_xml() const {
        const std::string title_body = "<p:txBody><a:bodyPr vert=\"horz\" lIns=\"0\" rIns=\"0\" anchor=\"ctr\"><a:normAutofit/></a:bodyPr>"
                                       "<a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody>";
        return std::string(xml_header) + "<p:sldMaster" + namespaces + "><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/>"
               "</p:bgRef></p:bg><p:spTree>" + group_start() +
               title_placeholder(xfrm_of(pptx_title_rect(width_, height_)) + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>",
                                 title_body) +
               "</p:spTree></p:cSld>" + color_map +
               "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>"
               "<p:txStyles><p:titleStyle><a:lvl1pPr algn=\"l\"><a:defRPr sz=\"" + std::to_string(text_size(0.05)) +
               "\" b=\"1\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/>"
               "<a:ea typeface=\"+mj-ea\"/><a:cs typeface=\"+mj-cs\"/></a:defRPr></a:lvl1pPr></p:titleStyle>"
               "<p:bodyStyle><a:lvl1pPr><a:defRPr sz=\"" + std::to_string(text_size(0.03)) + "\"><a:solidFill><a:schemeClr val=\"tx1\"/>"
               "</a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr>"
               "</a:lvl1pPr></p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/>"
               "</a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>";
    }

    std::string layout_xml() const {
        return std::string(xml_header) + "<p:sldLayout" + namespaces + " type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\">"
               "<p:spTree>" + group_start() +
               title_placeholder("", "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody>") +
               "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";
    }

    std::string slide_xml(const Page& page, const Rect& image) const {
        const std::string title = "<p:txBody><a:bodyPr/><a:lstStyle/>" + paragraphs(page.title, language_of(page.title)) + "</p:txBody>";
        const std::string description = std::to_string(page.number) + " / " + std::to_string(page.count) + " " + page.title;
        return std::string(xml_header) + "<p:sld" + namespaces + "><p:cSld><p:spTree>" + group_start() + title_placeholder("", title) +
               "<p:pic><p:nvPicPr><p:cNvPr id=\"3\" name=\"Slide image\" descr=\"" + xml_text(description) + "\"/>"
               "<p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
               "<p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
               "<p:spPr>" + xfrm_of(image) + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
               "<p:sp><p:nvSpPr><p:cNvPr id=\"4\" name=\"Source\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
               "<p:spPr>" + xfrm_of(pptx_source_rect(width_, height_)) + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
               "</p:spPr><p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"ctr\"><a:normAutofit/>"
               "</a:bodyPr><a:lstStyle/>" +
               paragraphs(page.source, language_of(page.source), text_size(0.02), "404040") +
               "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>";
    }

    std::string notes_master_xml() const {
        return std::string(xml_header) + "<p:notesMaster" + namespaces + "><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/>"
               "</p:bgRef></p:bg><p:spTree>" + group_start() +
               "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\""
               " noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr>" +
               xfrm(685800, 1143000, 5486400, 3086100) +
               "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr></p:sp>"
               "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
               "<p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/></p:nvPr></p:nvSpPr><p:spPr>" +
               xfrm(685800, 4400550, 5486400, 3600450) +
               "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p>"
               "<a:endParaRPr lang=\"en-US\"/></a:p></p:txBody></p:sp></p:spTree></p:cSld>" + color_map +
               "<p:notesStyle><a:lvl1pPr marL=\"0\" algn=\"l\"><a:defRPr sz=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/>"
               "</a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr>"
               "</a:lvl1pPr></p:notesStyle></p:notesMaster>";
    }

    std::string notes_xml(const std::string& notes) const {
        return std::string(xml_header) + "<p:notes" + namespaces + "><p:cSld><p:spTree>" + group_start() +
               "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\""
               " noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
               "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
               "<p:nvPr><p:ph type=\"body\" idx=\"3\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>" +
               paragraphs(notes, language_of(notes)) +
               "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>";
    }

    static std::string zip_parts(const std::vector<std::pair<std::string, std::string>>& parts);

    int width_, height_;
    std::string title_;
    double emu_per_pixel_;
    long long slide_height_emu_;
    int slides_ = 0, notes_ = 0;
    std::vector<int> note_slides_;
    std::vector<std::pair<std::string, std::string>> parts_;  // slides, their images, notes and relationships
};

// The package in memory ([Content_Types].xml first); PNGs stored, XML deflated.
std::string PptxWriter::zip_parts(const std::vector<std::pair<std::string, std::string>>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) throw Error(std::string("PowerPoint: cannot start the package: ") + zip_error_strerror(&error));
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        throw Error(std::string("PowerPoint: cannot start the package: ") + zip_error_strerror(&error));
    }
    zip_source_keep(buffer);  // read back after zip_close
    const auto fail = [&](const std::string& what) {
        const std::string message = "PowerPoint: " + what + ": " + zip_strerror(archive);
        zip_discard(archive);
        zip_source_free(buffer);
        throw Error(message);
    };
    for (const auto& [name, bytes] : parts) {
        zip_source_t* part = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);  // `parts` outlives zip_close
        if (!part) fail("cannot add " + name);
        const zip_int64_t index = zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(part);
            fail("cannot add " + name);
        }
        const bool png = name.size() > 4 && name.compare(name.size() - 4, 4, ".png") == 0;
        if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), png ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) != 0)
            fail("cannot compress " + name);
    }
    if (zip_close(archive) != 0) fail("cannot write the package");
    std::string out;
    zip_stat_t stat;
    if (zip_source_open(buffer) != 0 || zip_source_stat(buffer, &stat) != 0) {
        zip_source_free(buffer);
        throw Error("PowerPoint: cannot read the package back");
    }
    out.resize(stat.size);
    const zip_int64_t read = zip_source_read(buffer, out.data(), out.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (read != static_cast<zip_int64_t>(out.size())) throw Error("PowerPoint: cannot read the package back");
    return out;
}

}  // namespace

std::unique_ptr<Writer> pptx_writer(int width, int height, std::string_view deck_title) {
    return std::make_unique<PptxWriter>(width, height, deck_title);
}

}  // namespace wardscope::deck
