#!/usr/bin/env python3
"""Checks a PowerPoint package as wardscope writes it, with the standard library.

    check_pptx.py FILE SLIDES "TITLE|TITLE…" "NOTES|NOTES…"

The OPC rules (every part has a content type, every relationship target
exists, [Content_Types].xml first, all XML well-formed), the presentation's
slide list, slide sizes and ids, and per slide: the title placeholder's text,
a PNG picture, and the notes slide's text. Exits non-zero naming the first problem.
"""
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
R_ID = "{%s}id" % NS["r"]
R_EMBED = "{%s}embed" % NS["r"]


def fail(message):
    sys.exit("check_pptx: " + message)


def main():
    path, count, titles, notes = sys.argv[1], int(sys.argv[2]), sys.argv[3].split("|"), sys.argv[4].split("|")
    z = zipfile.ZipFile(path)
    if z.testzip() is not None:
        fail("a damaged zip entry")
    names = z.namelist()
    if names[0] != "[Content_Types].xml":
        fail("[Content_Types].xml is not the first entry")
    xml = {}
    for name in names:
        if name.endswith(".xml") or name.endswith(".rels"):
            try:
                xml[name] = ET.fromstring(z.read(name))
            except ET.ParseError as e:
                fail(f"{name}: not well-formed XML: {e}")
    types = xml["[Content_Types].xml"]
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
    overrides = {o.get("PartName").lstrip("/"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    for part in overrides:
        if part not in names:
            fail(f"[Content_Types].xml names a missing part {part}")
    for name in names:
        if name != "[Content_Types].xml" and name not in overrides and name.rsplit(".", 1)[-1] not in defaults:
            fail(f"{name} has no content type")

    def rels_of(part):
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        out = {}
        if rels_name in xml:
            for r in xml[rels_name].findall("rel:Relationship", NS):
                target = posixpath.normpath(posixpath.join(folder, r.get("Target")))
                if r.get("Id") in out:
                    fail(f"{rels_name}: relationship id {r.get('Id')} twice")
                out[r.get("Id")] = (r.get("Type").rsplit("/", 1)[-1], target)
        return out

    for name in names:
        if name.endswith(".rels"):
            source = name.replace("_rels/", "")[: -len(".rels")] if name != "_rels/.rels" else ""
            for rid, (kind, target) in rels_of(source).items():
                if target not in names:
                    fail(f"{name}: {rid} ({kind}) points to a missing part {target}")
    main_part = [t for k, t in rels_of("").values() if k == "officeDocument"]
    if main_part != ["ppt/presentation.xml"]:
        fail(f"the package's main part is {main_part}")
    if overrides.get("ppt/presentation.xml", "").rsplit(".", 1)[-1] != "main+xml":
        fail("ppt/presentation.xml is not the presentation's main part type")

    pres = xml["ppt/presentation.xml"]
    pres_rels = rels_of("ppt/presentation.xml")
    size = pres.find("p:sldSz", NS)
    cx, cy = int(size.get("cx")), int(size.get("cy"))
    if not (914400 <= cx <= 51206400 and 914400 <= cy <= 51206400):
        fail(f"slide size {cx}x{cy} EMU is outside what PowerPoint accepts")
    for master in pres.findall("p:sldMasterIdLst/p:sldMasterId", NS):
        if int(master.get("id")) < 2147483648:
            fail("a slide master id below 2^31")
    if pres.find("p:notesMasterIdLst/p:notesMasterId", NS) is None:
        fail("no notes master")
    ids = pres.findall("p:sldIdLst/p:sldId", NS)
    if len(ids) != count:
        fail(f"{len(ids)} slides, expected {count}")
    if len({int(s.get('id')) for s in ids}) != count or min(int(s.get("id")) for s in ids) < 256:
        fail("slide ids are not unique numbers from 256")
    for i, sld in enumerate(ids):
        kind, slide = pres_rels[sld.get(R_ID)]
        if kind != "slide":
            fail(f"slide {i + 1}: its relationship is a {kind}")
        tree, rels = xml[slide], rels_of(slide)
        layouts = [t for k, t in rels.values() if k == "slideLayout"]
        if len(layouts) != 1:
            fail(f"{slide}: {len(layouts)} layouts")
        title = None
        for sp in tree.iter("{%s}sp" % NS["p"]):
            ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
            if ph is not None and ph.get("type") == "title":
                title = "\n".join("".join(t.text or "" for t in p.iter("{%s}t" % NS["a"])) for p in sp.findall("p:txBody/a:p", NS))
        if title != titles[i]:
            fail(f"{slide}: title placeholder holds {title!r}, expected {titles[i]!r}")
        blip = tree.find(".//p:pic/p:blipFill/a:blip", NS)
        if blip is None or not rels[blip.get(R_EMBED)][1].endswith(".png") or z.read(rels[blip.get(R_EMBED)][1])[:4] != b"\x89PNG":
            fail(f"{slide}: no PNG picture")
        note_parts = [t for k, t in rels.values() if k == "notesSlide"]
        text = ""
        if note_parts:
            body = [sp for sp in xml[note_parts[0]].iter("{%s}sp" % NS["p"])
                    if (ph := sp.find("p:nvSpPr/p:nvPr/p:ph", NS)) is not None and ph.get("type") == "body"]
            text = "\n".join("".join(t.text or "" for t in p.iter("{%s}t" % NS["a"])) for p in body[0].findall("p:txBody/a:p", NS))
            back = [t for k, t in rels_of(note_parts[0]).values() if k == "slide"]
            if back != [slide]:
                fail(f"{note_parts[0]} does not point back to {slide}")
        if text != notes[i]:
            fail(f"{slide}: speaker notes {text!r}, expected {notes[i]!r}")
    print(f"{count} slides, {len(names)} parts, {cx}x{cy} EMU")


main()
