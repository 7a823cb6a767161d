"""The speed-ups inside the engines give what the slow ways gave: the library lookup for
WeasyPrint, the template's Word styles looked up once, the font names read off the XML,
compiled string templates kept, the pack composed while the pool works, and cffi's
array types made without parsing C.

Never timings: what is asserted is that each shortcut answers as the long way does.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import cffi
import jinja2
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docxtpl import DocxTemplate
from lxml import etree

from conftest import REPO
from vergaderstukken.commands.build import build
from vergaderstukken.exceptions import StukkenError
from vergaderstukken.render.engines import docx_fonts, laden
from vergaderstukken.render.engines.docx_bouwstenen import blank_subdoc
from vergaderstukken.render.engines.docx_stijlen import Stijlen
from vergaderstukken.render.engines.templates import environment

DATUM = "2024-01-24"
WORD_TEMPLATES = sorted((REPO / "templates").glob("*.docx"))
LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldconfig is Linux's")


# --- the library lookup --------------------------------------------------------------------


@LINUX
def test_the_quick_lookup_finds_weasyprints_libraries_and_nothing_ctypes_would_not():
    find = laden.lookup(laden.linker_cache())
    for name in ("gobject-2.0", "pango-1.0", "harfbuzz", "fontconfig", "pangoft2-1.0"):
        found = find(name)
        assert found is not None and found.startswith(f"lib{name}.so"), name
        ctypes.CDLL(found)  # loadable by that name
        assert ctypes.util.find_library(name) is not None
    for name in ("libgobject-2.0-0", "gobject-2.0-0", "libpango-1.0-0.dll", "geen-bibliotheek"):
        assert find(name) is None
        assert ctypes.util.find_library(name) is None


def test_without_a_linker_cache_find_library_is_left_alone(monkeypatch):
    original = ctypes.util.find_library
    monkeypatch.setattr(laden, "linker_cache", lambda: [])
    with laden.quick_find_library():
        assert ctypes.util.find_library is original
    assert laden.lookup(["libfoo.so.1", "libfoo-bar.so.2", "libfoo.so"])("foo") == "libfoo.so"


def run_python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_weasyprint_imports_with_the_lookup_and_restores_find_library():
    out = run_python(
        "import ctypes.util\n"
        "original = ctypes.util.find_library\n"
        "from vergaderstukken.render.engines import laden\n"
        "module = laden.weasyprint()\n"
        "print(module.__name__, ctypes.util.find_library is original,"
        " laden.weasyprint() is module)\n"
    )
    assert out == "weasyprint True True"


def test_a_failed_quick_import_is_done_again_the_usual_way():
    # the first import of WeasyPrint fails as a library it cannot open would make it fail
    out = run_python(
        "import sys, importlib.abc\n"
        "class Once(importlib.abc.MetaPathFinder):\n"
        "    failed = False\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'weasyprint.text.ffi' and not Once.failed:\n"
        "            Once.failed = True\n"
        "            raise OSError('cannot load library')\n"
        "sys.meta_path.insert(0, Once())\n"
        "from vergaderstukken.render.engines import laden\n"
        "module = laden.weasyprint()\n"
        "print(Once.failed, module.HTML(string='<p>x</p>').write_pdf()[:5])\n"
    )
    assert out == "True b'%PDF-'"


FONT_PDF = (
    "import hashlib\n"
    "from vergaderstukken.render.engines import laden\n"
    "w = laden.weasyprint()\n"
    'html = "<style>@font-face { font-family: L; src: url(%s) }</style>"\n'
    "html += '<p style=\"font-family: L\">Agenda: opening, <i>vaststellen</i> en rondvraag</p>'\n"
    "pdf = w.HTML(string=html).write_pdf()\n"
)


def test_fonttools_subsetter_and_instancer_are_imported_when_first_used():
    font = (REPO / "templates" / "fonts" / "Lato-Regular.ttf").as_uri()
    out = run_python(
        "import sys\n"
        + FONT_PDF % repr(font)
        + "loaded = [m for m in ('fontTools.subset.cff', 'fontTools.varLib') if m in sys.modules]\n"
        "import weasyprint.pdf.fonts as fonts\n"
        "print(loaded, hashlib.sha256(pdf).hexdigest())\n"
        "print(fonts.subset.Options.__module__, 'fontTools.subset.cff' in sys.modules)\n"
        "import fontTools.varLib.instancer as real\n"
        "print(real.instantiateVariableFont is not fonts.instantiateVariableFont)\n"
        "errors = []\n"
        "for f in (fonts.instantiateVariableFont, real.instantiateVariableFont):\n"
        "    try:\n"
        "        f(None, {})\n"
        "    except Exception as e:\n"
        "        errors.append((type(e), str(e)))\n"
        "print(len(errors) == 2 and errors[0] == errors[1])\n"
    )
    # the same PDF as with fontTools imported whole beforehand (nothing deferred then)
    whole = run_python(
        "import fontTools.subset, fontTools.ttLib.woff2, fontTools.varLib.instancer\n"
        + FONT_PDF % repr(font)
        + "print(hashlib.sha256(pdf).hexdigest())\n"
    )
    lines = out.splitlines()
    assert lines[0] == f"[] {whole}"  # laid out and written without them
    assert lines[1:] == ["fontTools.subset True", "True", "True"]


# --- Word styles -------------------------------------------------------------------------


@pytest.mark.parametrize("template", WORD_TEMPLATES, ids=lambda p: p.name)
def test_styles_set_once_write_the_xml_of_python_docxs_setters(template):
    tpl = DocxTemplate(template)
    stijlen = Stijlen.van(tpl)
    assert Stijlen.van(tpl) is stijlen  # asked once per template
    names = [style.name for style in tpl.get_docx().styles]
    assert names and all(stijlen.has(name) for name in names)
    assert not stijlen.has("Geen Bestaande Stijl")
    slow, quick = blank_subdoc(tpl), blank_subdoc(tpl)
    paragraphs = [s.name for s in tpl.get_docx().styles if s.type == WD_STYLE_TYPE.PARAGRAPH]
    for name in paragraphs:
        slow.add_paragraph().style = name
        stijlen.paragraph(quick.add_paragraph(), name)
    if stijlen.has("Table Grid"):
        slow.add_table(rows=1, cols=1).style = "Table Grid"
        stijlen.table(quick.add_table(rows=1, cols=1), "Table Grid")
    if stijlen.has("Hyperlink"):
        slow.add_paragraph().add_run("x").style = "Hyperlink"
        stijlen.run(quick.add_paragraph().add_run("x"), "Hyperlink")
    assert etree.tostring(quick.subdocx.element) == etree.tostring(slow.subdocx.element)
    # the default paragraph style is written as no style at all, as python-docx does
    default = tpl.get_docx().styles.default(WD_STYLE_TYPE.PARAGRAPH)
    assert stijlen.style_id(default.name, WD_STYLE_TYPE.PARAGRAPH) is None


# --- fonts asked for ---------------------------------------------------------------------


def word_parts() -> list[tuple[str, bytes]]:
    parts = []
    for template in WORD_TEMPLATES:
        with zipfile.ZipFile(template) as archive:
            parts += [
                (f"{template.name}:{name}", archive.read(name))
                for name in archive.namelist()
                if name.startswith("word/") and name.endswith(".xml")
            ]
    return parts


def parsed(data: bytes) -> list[str]:
    w = docx_fonts.W
    return [
        value
        for fonts in etree.fromstring(data).iter(f"{{{w}}}rFonts")
        for value in (fonts.get(f"{{{w}}}ascii"), fonts.get(f"{{{w}}}hAnsi"))
        if value
    ]


def test_fonts_read_off_the_text_are_those_the_xml_names():
    checked = 0
    for name, data in word_parts():
        if b"rFonts" in data:
            assert docx_fonts._asked(data) == parsed(data), name
            checked += 1
    assert checked >= 8  # styles and documents of the four templates


def test_fonts_in_other_spellings_are_read_from_the_xml():
    w = docx_fonts.W
    quoted = (
        f"<w:document xmlns:w='{w}'><w:r><w:rPr><w:rFonts w:ascii='Lato &amp; Co' "
        "w:hAnsi='Arial'/></w:rPr></w:r></w:document>"
    ).encode()
    prefixed = (
        f'<x:document xmlns:x="{w}"><x:r><x:rPr><x:rFonts x:hAnsi="Arial" x:ascii="Lato"/>'
        "</x:rPr></x:r></x:document>"
    ).encode()
    entity = (
        f'<w:document xmlns:w="{w}"><w:rFonts w:asciiTheme="minorHAnsi" '
        'w:hAnsi="Lato &amp; Co" w:ascii="Lato"/></w:document>'
    ).encode()
    assert docx_fonts._asked(quoted) == ["Lato & Co", "Arial"] == parsed(quoted)
    assert docx_fonts._asked(prefixed) == ["Lato", "Arial"] == parsed(prefixed)
    assert docx_fonts._asked(entity) == ["Lato", "Lato & Co"] == parsed(entity)


# --- compiled string templates -----------------------------------------------------------


class Kept(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


def test_a_string_template_is_compiled_once_and_again_when_its_source_changes(monkeypatch):
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, *args, **kwargs):
        compiled.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    kept = Kept()
    source = "<w:t>{{ titel }}</w:t>"
    first, second = environment(), environment()
    first.bytecode_cache = second.bytecode_cache = kept
    first.autoescape = second.autoescape = True
    assert first.from_string(source).render(titel="A & B") == "<w:t>A &amp; B</w:t>"
    assert second.from_string(source).render(titel="A & B") == "<w:t>A &amp; B</w:t>"
    assert compiled == [source]  # the second environment took the compiled code
    second.from_string(source + " ").render(titel="x")
    second.autoescape = False  # compiled otherwise: a code of its own
    assert second.from_string(source).render(titel="A & B") == "<w:t>A & B</w:t>"
    assert len(compiled) == 3 and len(kept.kept) == 3
    environment().from_string(source)  # without a cache: compiled as Jinja does
    assert len(compiled) == 4


# --- the pack composed while the pool renders --------------------------------------------


def broken(example: Path, name: str) -> None:
    templates = example / "templates"
    templates.mkdir(exist_ok=True)
    (templates / name).write_text("<p>{{ onbekend.veld }}</p>", encoding="utf-8")


def error_of(example: Path, output: Path, werkers: int) -> str:
    with pytest.raises(StukkenError) as raised:
        build(example, DATUM, output=output, werkers=werkers)
    return str(raised.value.message)


def test_the_first_error_is_the_serial_builds_whatever_finishes_first(example, tmp_path):
    broken(example, "pakket.html")  # the pack fails, composed early in the pool
    pack_only = error_of(example, tmp_path / "a", 1)
    assert "pakket.html" in pack_only
    assert error_of(example, tmp_path / "b", 2) == pack_only
    broken(example, "verslag.html")  # a task before it fails too, in a worker: it comes first
    serial = error_of(example, tmp_path / "c", 1)
    assert "verslag.html" in serial
    assert error_of(example, tmp_path / "d", 2) == serial
    assert not (tmp_path / "d" / DATUM).exists()  # nothing written


# --- files read before ---------------------------------------------------------------------


def composed(monkeypatch) -> list[str]:
    """The files parsed (composed from YAML) in this process."""
    from vergaderstukken import schema

    seen: list[str] = []
    original = schema.compose

    def counting(path, *args, **kwargs):
        seen.append(path.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(schema, "compose", counting)
    return seen


def test_files_read_before_are_not_parsed_again_and_give_the_same_build(
    example, tmp_path, monkeypatch
):
    from vergaderstukken.schema import leescache

    parsed_files = composed(monkeypatch)
    plain = build(example, DATUM, output=tmp_path / "gewoon", werkers=1)
    assert "agenda.yaml" in parsed_files
    first = build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    assert (tmp_path / "uit" / ".cache" / leescache.NAME).is_file()
    parsed_files.clear()
    again = build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True, opnieuw=True)
    assert parsed_files == []  # every file from the cache, --opnieuw or not
    assert again.warnings == first.warnings == plain.warnings
    assert outputs(again.folder) == outputs(plain.folder)
    # one file changed: that file alone is read again, and what it now says is built
    agenda = example / "meetings" / DATUM / "agenda.yaml"
    agenda.write_text(
        agenda.read_text(encoding="utf-8").replace("Opening &", "Opening, mededelingen &", 1),
        encoding="utf-8",
    )
    changed = build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True, opnieuw=True)
    assert parsed_files == ["agenda.yaml"]
    assert changed.vergadering is not None
    assert changed.vergadering.punten[0].titel == "Opening, mededelingen & vaststellen agenda"


def test_check_reads_through_the_same_cache_and_keeps_it(example, stukken, monkeypatch):
    from vergaderstukken.commands.check import check
    from vergaderstukken.schema import leescache

    parsed_files = composed(monkeypatch)
    first = stukken(example, "check")
    assert first.exit_code == 0 and "agenda.yaml" in parsed_files
    cache = example / "output" / ".cache"
    assert (cache / leescache.NAME).is_file() and (cache / ".gitignore").is_file()
    parsed_files.clear()
    again = stukken(example, "check")
    assert parsed_files == [] and (again.stdout, again.stderr) == (first.stdout, first.stderr)
    plain = check(example)  # the core, without the cache: the same check
    assert plain.summary() in again.stdout
    parsed_files.clear()
    build(example, DATUM, werkers=1, cache=True, opnieuw=True)  # a build reads what it read
    assert parsed_files == []
    # a file with an error is read again, and the error given, every time
    agenda = example / "meetings" / DATUM / "agenda.yaml"
    agenda.write_text(agenda.read_text("utf-8").replace("titel:", "titell:", 1), "utf-8")
    for _ in range(2):
        failed = stukken(example, "check")
        assert failed.exit_code == 1 and "titell" in failed.stderr
    assert parsed_files.count("agenda.yaml") == 2


def test_word_templates_are_cleaned_for_jinja_once_and_give_the_same_files(
    example, tmp_path, monkeypatch
):
    ran: list[int] = []
    original = DocxTemplate.patch_xml

    def counting(self, src_xml):
        ran.append(len(src_xml))
        return original(self, src_xml)

    monkeypatch.setattr(DocxTemplate, "patch_xml", counting)
    plain = build(example, DATUM, output=tmp_path / "gewoon", werkers=1)
    assert ran
    ran.clear()
    build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    made = len(ran)
    kept = sorted((tmp_path / "uit" / ".cache" / "jinja").glob("xml-*.xml"))
    assert made and len(kept) <= made
    ran.clear()
    again = build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True, opnieuw=True)
    assert ran == []  # every part's XML from the cache, --opnieuw or not
    assert outputs(again.folder) == outputs(plain.folder)
    # a damaged file is cleaned again, and the files stay the same
    kept[0].write_text(kept[0].read_text("utf-8")[:-40], "utf-8")
    damaged = build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True, opnieuw=True)
    assert len(ran) >= 1
    assert outputs(damaged.folder) == outputs(plain.folder)


def test_files_hashed_before_are_looked_at_not_read_while_their_times_stay(
    example, tmp_path, monkeypatch
):
    from vergaderstukken.render import cache as bouwcache

    read: list[str] = []
    original = bouwcache.sha256_of
    monkeypatch.setattr(bouwcache, "sha256_of", lambda p: read.append(Path(p).name) or original(p))

    def new_process() -> None:  # what a fresh process knows: nothing
        for memo in (bouwcache._HASHES, bouwcache._USED):
            memo.clear()

    uit = tmp_path / "uit"
    new_process()
    build(example, DATUM, output=uit, werkers=1, cache=True)
    kept = (uit / ".cache" / bouwcache.HASHES).read_text("utf-8")
    assert "agenda.yaml" not in kept  # hashed within two seconds of its last change
    monkeypatch.setattr(bouwcache, "RACY_NS", 0)  # as if the files were older
    new_process()
    build(example, DATUM, output=uit, werkers=1, cache=True)
    assert "agenda.yaml" in (uit / ".cache" / bouwcache.HASHES).read_text("utf-8")
    new_process()
    read.clear()
    assert build(example, DATUM, output=uit, werkers=1, cache=True).vergadering is None
    assert "agenda.yaml" not in read and "hellendoorn.yaml" not in read
    # the same size, another letter: its times changed, so it is read, and built
    agenda = example / "meetings" / DATUM / "agenda.yaml"
    text = agenda.read_text("utf-8")
    agenda.write_text(text.replace("Opening &", "Opening +", 1), "utf-8")
    assert len(agenda.read_bytes()) == len(text.encode("utf-8"))
    new_process()
    read.clear()
    changed = build(example, DATUM, output=uit, werkers=1, cache=True)
    assert "agenda.yaml" in read and changed.vergadering is not None
    assert changed.vergadering.punten[0].titel.startswith("Opening +")
    # a damaged file of hashes is no file of hashes
    (uit / ".cache" / bouwcache.HASHES).write_text('{"format": 1, "hashes": [[1, 2', "utf-8")
    new_process()
    read.clear()
    again = build(example, DATUM, output=uit, werkers=1, cache=True)
    assert again.vergadering is None and "agenda.yaml" in read


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_file_with_errors_is_never_kept(example, tmp_path, monkeypatch):
    from vergaderstukken.exceptions import ValidationError

    agenda = example / "meetings" / DATUM / "agenda.yaml"
    agenda.write_text(agenda.read_text(encoding="utf-8") + "\nonbekende_sleutel: 1\n", "utf-8")
    messages = []
    for _ in range(2):  # the second time from a cache that must not hold the bad file
        with pytest.raises(ValidationError) as raised:
            build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
        messages.append(str(raised.value.message))
    assert "onbekende_sleutel" in messages[0] and messages[0] == messages[1]


def test_a_damaged_or_hostile_cache_is_a_miss_and_runs_nothing(example, tmp_path, monkeypatch):
    import pickle

    from vergaderstukken.render import cache as bouwcache
    from vergaderstukken.schema import leescache

    build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    stored = tmp_path / "uit" / ".cache" / leescache.NAME
    marker = tmp_path / "uitgevoerd"

    class Attack:
        def __reduce__(self):
            return (Path.touch, (marker,))

    digest = bouwcache.package_digest()
    # the outer layer naming a function, and an entry naming one
    entries = leescache.Leescache(stored, digest, {}).entries
    key = next(k for k in entries if k[0] == "agenda")
    outer = pickle.dumps(Attack())
    inner = dict(entries)
    inner[key] = (entries[key][0], pickle.dumps(Attack()))
    parsed_files = composed(monkeypatch)
    for hostile in (outer, pickle.dumps((leescache.FORMAT, digest, inner)), b"\x80\x05kapot"):
        stored.write_bytes(hostile)
        parsed_files.clear()
        result = build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True, opnieuw=True)
        assert result.vergadering is not None
        assert not marker.exists()
        assert "agenda.yaml" in parsed_files  # read again from the source


def test_a_word_file_compressed_once_has_the_bytes_of_one_compressed_twice(tmp_path):
    from docx.opc import phys_pkg

    from vergaderstukken.render.engines import docx_stable

    template = REPO / "templates" / "agenda.docx"
    saved = docx_stable.saved_uncompressed(DocxTemplate(template))
    with zipfile.ZipFile(io.BytesIO(saved)) as archive:
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}
    assert phys_pkg.ZIP_DEFLATED == zipfile.ZIP_DEFLATED  # python-docx as it was
    twice = tmp_path / "agenda.docx"
    DocxTemplate(template).save(twice)  # compressed by python-docx, then again
    docx_stable.make_reproducible(twice, fonts=REPO / "templates" / "fonts")
    assert docx_stable.reproducible(saved, fonts=REPO / "templates" / "fonts") == (
        twice.read_bytes()
    )


def test_an_entry_deflated_once_is_written_as_zipfile_writes_it():
    from vergaderstukken.render.engines import docx_stable

    font = (REPO / "templates" / "fonts" / "Lato-Regular.ttf").read_bytes()
    assert len(font) > docx_stable.LARGE

    def zipped(write) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name in ("a.odttf", "b.odttf"):  # the second time from the memo
                info = zipfile.ZipInfo(name, date_time=docx_stable.ZIP_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                write(archive, info, font)
        return buffer.getvalue()

    ours = zipped(docx_stable._write)
    theirs = zipped(lambda archive, info, data: archive.writestr(info, data, compresslevel=6))
    assert ours == theirs
    with zipfile.ZipFile(io.BytesIO(ours)) as archive:
        assert archive.testzip() is None and archive.read("b.odttf") == font


# --- cffi's types, made without parsing C ------------------------------------------------


DECLARATIONS = (
    "typedef uint32_t hb_codepoint_t; typedef hb_codepoint_t hb_tag_t;"
    "typedef struct { int x; } Punt; typedef struct _Kaart Kaart;"
    "typedef unsigned char FcChar8; typedef int (*Teller)(int);"
)
QUICK = (  # spellings made here: the ones WeasyPrint asks for, and their kin
    "hb_codepoint_t[1]",
    "hb_codepoint_t[94]",
    "Punt[3]",
    "char[4]",
    "char[]",
    "Kaart *",
    "Kaart*",
    "FcChar8 **",
    "Punt *",
    "unsigned int *",
    "unsigned char",
    "hb_tag_t",
    "hb_codepoint_t",
    "char",
    "int",
    "void *",
    "Teller",
    "Punt *[2]",
)
SLOW = ("const char *", "long", "unsigned long *", "char[010]", "struct _Kaart *", " int")


def test_types_made_without_parsing_are_cffis_own():
    quick, slow = cffi.FFI(), cffi.FFI()
    quick.cdef(DECLARATIONS)
    slow.cdef(DECLARATIONS)
    laden.quick_types(quick)
    parses = []
    original = quick._parser.parse_type_and_quals
    quick._parser.parse_type_and_quals = lambda cdecl: parses.append(cdecl) or original(cdecl)
    for cdecl in QUICK:
        made = quick.typeof(cdecl)
        assert str(made) == str(slow.typeof(cdecl))
        if not cdecl.endswith("[]"):  # an open array has no size
            assert quick.sizeof(made) == slow.sizeof(cdecl)
        # the parser's own answer (another spelling, so parsed) is the very same type
        with quick._lock:
            parsed = type(quick)._typeof_locked(quick, f" {cdecl} ")
        assert parsed[0] is made, cdecl
    assert parses == [f" {cdecl} " for cdecl in QUICK]  # none of QUICK was parsed
    parses.clear()
    for cdecl in SLOW:  # the usual way
        assert str(quick.typeof(cdecl)) == str(slow.typeof(cdecl))
    assert parses == list(SLOW)
    assert quick.sizeof("char[010]") == 8  # C's octal, as the parser reads it
    array = quick.new("hb_codepoint_t[3]", [1, 2, 3])
    assert list(array) == [1, 2, 3]
    for unknown in ("Onbekend[3]", "Onbekend *", "Onbekend"):
        with pytest.raises(cffi.CDefError):
            quick.typeof(unknown)


def test_weasyprints_ffi_makes_its_arrays_the_quick_way():
    laden.weasyprint()
    from weasyprint.text.ffi import ffi

    assert "_typeof_locked" in vars(ffi)  # the instance's own, see quick_types
    assert ffi.sizeof("hb_codepoint_t[10]") == 40


def test_a_first_layout_parses_no_c(tmp_path):
    """In a fresh process (whose cffi has asked for no type yet): the PDF of a page in the
    house style's fonts, laid out without cffi parsing a single C type."""
    fonts = (REPO / "templates" / "fonts").as_uri()
    html = (
        "<html lang='nl'><head><title>Proef</title><style>"
        f"@font-face {{ font-family: Lato; src: url('{fonts}/Lato-Regular.ttf') }}"
        f"@font-face {{ font-family: Lato; font-weight: bold; src: url('{fonts}/Lato-Bold.ttf') }}"
        "body { font-family: Lato } </style></head>"
        "<body><h1>Agenda</h1><p>Eén <b>twee</b> drie, <i>vier</i>.</p></body></html>"
    )
    script = (
        "import sys; from pathlib import Path\n"
        "from vergaderstukken.render.engines import laden\n"
        "from vergaderstukken.render.engines.pdf import html_to_pdfs\n"
        "laden.weasyprint()\n"
        "from weasyprint.text.ffi import ffi\n"
        "parsed, original = [], ffi._parser.parse_type_and_quals\n"
        "ffi._parser.parse_type_and_quals = lambda c: parsed.append(c) or original(c)\n"
        f"pdf, _ = html_to_pdfs({html!r}, base_dir=Path('.'), roots=[Path({str(REPO)!r})],\n"
        "                      warn=print)\n"
        "print(pdf[:5], parsed)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "b'%PDF-' []"


# --- only overlays changed -----------------------------------------------------------------


def test_after_an_overlay_edit_only_the_annotated_agendas_are_rendered(
    example, tmp_path, monkeypatch
):
    from vergaderstukken.render import pool

    ran: list[str] = []
    original = pool.in_this_process

    def counting(job, taak, voortgang):
        ran.append(taak.naam)
        return original(job, taak, voortgang)

    monkeypatch.setattr(pool, "in_this_process", counting)
    build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    overlay = example / "meetings" / DATUM / "annotaties" / "hellendoorn.yaml"
    overlay.write_text(overlay.read_text("utf-8").replace("vragen hebben", "vraag heeft"), "utf-8")
    ran.clear()
    edited = build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    assert ran == ["geannoteerde agenda hellendoorn", "geannoteerde agenda hellendoorn (Word)"]
    fresh = build(example, DATUM, output=tmp_path / "vers", werkers=1)
    assert outputs(edited.folder) == outputs(fresh.folder)
    assert edited.warnings == fresh.warnings and edited.files == fresh.files
    # a second overlay added: its files appear, the others still stand
    (overlay.parent / "noord.yaml").write_text("inleiding: Eerste advies.\n", "utf-8")
    ran.clear()
    added = build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    assert "geannoteerde-agenda-noord.pdf" in added.files
    assert all(naam.startswith("geannoteerde agenda") for naam in ran)
    assert outputs(added.folder) == outputs(build(example, DATUM, output=tmp_path / "v2").folder)


def test_what_else_changed_or_was_touched_renders_the_other_documents_again(
    example, tmp_path, monkeypatch
):
    from vergaderstukken.render import pool

    ran: list[str] = []
    original = pool.in_this_process
    monkeypatch.setattr(
        pool,
        "in_this_process",
        lambda job, taak, v: ran.append(taak.naam) or original(job, taak, v),
    )
    build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    overlay = example / "meetings" / DATUM / "annotaties" / "hellendoorn.yaml"
    agenda = example / "meetings" / DATUM / "agenda.yaml"
    # an overlay and the agenda changed together: everything is made again
    overlay.write_text(overlay.read_text("utf-8").replace("vragen hebben", "vraag heeft"), "utf-8")
    agenda.write_text(agenda.read_text("utf-8").replace("Opening &", "Opening, en", 1), "utf-8")
    ran.clear()
    build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    assert "agenda" in ran and "verslag" in ran
    # an output file changed by hand: it is not taken as it stands
    (tmp_path / "uit" / DATUM / "agenda.pdf").write_bytes(b"%PDF-1.7 veranderd")
    overlay.write_text(overlay.read_text("utf-8").replace("vraag heeft", "vragen hebben"), "utf-8")
    ran.clear()
    again = build(example, DATUM, output=tmp_path / "uit", werkers=1, cache=True)
    assert "agenda" in ran
    assert (again.folder / "agenda.pdf").read_bytes().startswith(b"%PDF-1.7\n")


@pytest.mark.parametrize("template", WORD_TEMPLATES, ids=lambda p: p.name)
def test_the_word_templates_carry_no_legacy_parts(template):
    with zipfile.ZipFile(template) as archive:
        names = archive.namelist()
        linked = b"".join(archive.read(n) for n in names if n.endswith(".rels"))
        types = archive.read("[Content_Types].xml")
    for part in ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"):
        assert part not in names
        assert part.rsplit("/", 1)[-1].encode() not in linked + types
    assert "word/styles.xml" in names and b"styles.xml" in linked


# --- the libraries' versions, for the cache's digest ------------------------------------------


def test_library_versions_are_read_from_the_metadata_folders_names(tmp_path, monkeypatch):
    from vergaderstukken.render import versies

    first, second = tmp_path / "eerste", tmp_path / "tweede"
    for folder, names in (
        (first, ["python_docx-1.2.0.dist-info", "Jinja2-3.1.6.dist-info", "los.py"]),
        (second, ["python_docx-9.9.dist-info", "pydyf-0.13.0.dist-info"]),
    ):
        for name in names:
            (folder / name).mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "weg"), str(first), str(second)])
    asked: list[str] = []
    monkeypatch.setattr(versies, "_from_metadata", lambda name: asked.append(name) or "?")
    found = versies.library_versions(["pydyf", "python-docx", "jinja2", "bestaat-niet"])
    # in the order asked; the first folder on the path wins, as importlib.metadata's does
    assert found == {
        "pydyf": "0.13.0",
        "python-docx": "1.2.0",
        "jinja2": "3.1.6",
        "bestaat-niet": "?",
    }
    assert asked == ["bestaat-niet"]  # only what no folder names is asked the slow way


def test_the_installed_libraries_versions_are_importlib_metadatas():
    from importlib import metadata

    from vergaderstukken.render import versies
    from vergaderstukken.render.cache import LIBRARIES

    found = versies.library_versions(LIBRARIES)
    assert found == {library: metadata.version(library) for library in LIBRARIES}
    assert versies.library_versions(["bestaat-niet-echt"]) == {"bestaat-niet-echt": versies.MISSING}


# --- mapping a function across the cores -----------------------------------------------------


def _pid_and_square(n: int) -> tuple[int, int]:
    if n == 4:
        raise ValueError(f"vier is fout (in {os.getpid()})")
    return os.getpid(), n * n


def test_across_maps_in_the_workers_in_order_and_raises_here():
    from vergaderstukken.render import pool

    found = pool.across(_pid_and_square, [3, 1, 2], werkers=2)
    assert [square for _, square in found] == [9, 1, 4]  # in the items' order
    assert os.getpid() not in {pid for pid, _ in found}  # in forked workers
    assert pool.across(_pid_and_square, [5], werkers=2) == [(os.getpid(), 25)]  # one: here
    assert pool.across(_pid_and_square, [2, 3], werkers=1)[0][0] == os.getpid()
    # an item that fails in a worker is done here again: its error is this process's
    with pytest.raises(ValueError, match=f"vier is fout \\(in {os.getpid()}\\)"):
        pool.across(_pid_and_square, [1, 4, 2], werkers=2)
    assert pool._MAP == []


def test_a_build_in_a_thread_forks_no_workers():
    """stukken serve builds beside its server's threads: one process, as on macOS."""
    import threading

    from vergaderstukken.render import pool

    counted: list[int] = []
    thread = threading.Thread(target=lambda: counted.append(pool.workers(2)))
    thread.start()
    thread.join()
    assert counted == [1] and pool.workers(2) == 2
