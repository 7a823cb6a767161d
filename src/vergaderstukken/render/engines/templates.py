"""Template lookup and the Jinja environment shared by every document.

Lookup order: the workspace's `templates/` first, the built-in templates last. A workspace
template may extend a built-in one as "builtin/agenda.html" (pelican's prefix trick).
Undefined variables fail loudly with the template's name and line.
"""

from __future__ import annotations

import hashlib
import re
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from ... import dutch
from ...exceptions import StukkenError, display_path
from ...markdown import md_parser, render_block, render_inline
from ...namen import did_you_mean
from ...paden import outside
from ...safe_read import shown

TEMPLATE_SUFFIXES = (".html", ".css", ".md", ".txt", ".xml", ".docx")


def builtin_templates() -> Path:
    """Installed wheels carry the templates inside the package; a checkout has them on top."""
    package = Path(__file__).resolve().parents[2]
    for candidate in (package / "templates", package.parents[1] / "templates"):
        if (candidate / "agenda.html").is_file():
            return candidate
    raise StukkenError(f"ingebouwde sjablonen niet gevonden bij {package}")


class Templates:
    """Finds template files and renders HTML/text templates for one workspace."""

    def __init__(self, werkmap_root: Path):
        self.builtin = builtin_templates()
        own = werkmap_root / "templates"
        if own.is_dir():
            refuse_outside(own, werkmap_root)
        self.folders = [own, self.builtin] if own.is_dir() else [self.builtin]
        builtin_loader = jinja2.FileSystemLoader(self.builtin)
        loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(f) for f in self.folders[:-1]]
        loaders += [jinja2.PrefixLoader({"builtin": builtin_loader}, delimiter="/"), builtin_loader]
        self.env = environment(jinja2.ChoiceLoader(loaders))

    def path(self, name: str) -> Path:
        """A binary template (a .docx): the workspace's own copy wins."""
        for folder in self.folders:
            if (folder / name).is_file():
                return folder / name
        raise StukkenError(
            f"sjabloon '{name}' niet gevonden in {', '.join(map(str, self.folders))}"
        )

    def render(self, name: str, context: dict[str, Any]) -> str:
        """Render the HTML template `name` with `context`."""
        with template_errors():
            return self.env.get_template(name).render(context)


def refuse_outside(folder: Path, root: Path) -> None:
    """A template or font linked in from outside the workspace is never read: the same
    rule as for every other file of the workspace."""
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and outside(path, root):
            raise StukkenError(
                f"{display_path(path)}: {path.name} verwijst naar een bestand buiten de "
                "werkmap; stukken leest alleen bestanden binnen de werkmap (kopieer het "
                "bestand naar templates/)"
            )


class Omgeving(jinja2.Environment):
    """Jinja's Environment, whose templates made from a string use the bytecode cache as
    file templates do: docxtpl compiles every part of a Word template from its XML on
    each render, a third of the cost of a Word file. A string's compiled code is found by
    the hash of the string (and the autoescape setting it was compiled with), and Jinja
    checks the source's checksum and its own version before it uses any."""

    def from_string(
        self,
        source: str | jinja2.nodes.Template,
        globals: Any = None,  # noqa: A002  # Jinja's own name
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        """Jinja's from_string, with the compiled code from the bytecode cache if any."""
        cache = self.bytecode_cache
        if cache is None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
        bucket = cache.get_bucket(self, f"string:{bool(self.autoescape)}:{digest}", None, source)
        if bucket.code is None:
            bucket.code = self.compile(source)
            cache.set_bucket(bucket)
        return self.template_class.from_code(self, bucket.code, self.make_globals(globals), None)


def environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """The Jinja environment of every template: strict, autoescaped, with the house filters."""
    env = Omgeving(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        markdown=render_block,
        inline=render_inline,
        datum_lang=dutch.datum_lang,
        datum_kort=dutch.datum_kort,
        datum_numeriek=dutch.datum_numeriek,
        tijd=dutch.tijd,
        termijn=dutch.termijn,
        css_string=css_string,
        vragenlijst=vragenlijst,
        met_label=met_label,
    )
    env.globals["lange_rij"] = lange_rij
    return env


# About half a page of 9pt table text. A row longer than this may break across pages
# (class "lang" in the house style); a shorter one moves whole to the next page.
LANGE_RIJ = 25


def lange_rij(tekst: str | None, zijtekst: str | None = None) -> bool:
    """Whether a table row is long: its main text (a wide column, ~50 characters a line)
    or its side note (a narrow column, ~22 a line) wraps to more than LANGE_RIJ lines."""

    def lines(text: str | None, width: int) -> int:
        return sum(max(1, -(-len(line) // width)) for line in str(text or "").splitlines())

    return max(lines(tekst, 50), lines(zijtekst, 22)) > LANGE_RIJ


def met_label(text: str | None, label: str) -> str:
    """Markdown `text` opened by an italic label ("*Stand van zaken:* ..."): on the line
    of its first paragraph, or on a line of its own when the text opens with a list or a
    table. Render the result as a block (`|markdown`, `|md`)."""
    if not text:
        return ""
    first = next(iter(md_parser().parse(text)), None)
    if first is not None and first.type == "paragraph_open":
        return f"*{label}* {text.lstrip()}"
    return f"*{label}*\n\n{text}"


def vragenlijst(vragen: list[str]) -> str:
    """The questions to the meeting as one Markdown numbered list ("1. ...", "2. ...").

    A question is Markdown like every text field, so it may hold a list or a table: its
    further lines are indented by the width of its number, which keeps them inside its
    item. Render the result as a block (`|markdown`, `|md`).
    """
    items = []
    for number, vraag in enumerate(vragen, start=1):
        marker = f"{number}. "
        first, *rest = str(vraag).strip().splitlines() or [""]
        indented = [" " * len(marker) + line if line.strip() else "" for line in rest]
        items.append("\n".join([marker + first, *indented]))
    return "\n".join(items) + "\n" if items else ""


def css_string(value: object) -> str:
    """Text safe inside a double-quoted CSS string (page headers and footers).

    A build's job installs it with its edition's `kaal` first: a page header cannot show a
    redaction box, only its bare ground.
    """
    text = str(value or "")
    escaped = "".join(ch if ch.isalnum() or ch in " .,:-_()·" else f"\\{ord(ch):x} " for ch in text)
    return Markup(escaped)  # every character HTML could misread is a CSS escape now


class template_errors:
    """Turn a Jinja error into `template:line: sjabloonfout: ...`, never a traceback."""

    def __enter__(self) -> template_errors:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        if error is None or not isinstance(error, jinja2.TemplateError):
            return False
        name = getattr(error, "filename", None) or getattr(error, "name", None)
        line = getattr(error, "lineno", None)
        if line is None:
            for frame in reversed(traceback.extract_tb(tb)):
                if frame.filename.endswith(TEMPLATE_SUFFIXES) or "template" in frame.filename:
                    name, line = frame.filename, frame.lineno
                    break
        if isinstance(error, jinja2.TemplateNotFound):  # its name is the one asked for
            name, line = _asking(tb)
        shown = display_path(Path(name)) if name else "sjabloon"
        where = f"{shown}:{line}" if line else shown
        raise StukkenError(f"{where}: sjabloonfout: {dutch_jinja(error, name)}") from None


def _asking(tb: TracebackType | None) -> tuple[str | None, int | None]:
    """The template (file and line) that asked for one that does not exist."""
    for frame in reversed(traceback.extract_tb(tb)):
        if frame.filename.endswith(TEMPLATE_SUFFIXES):
            return frame.filename, frame.lineno
    return None, None


def not_found(error: jinja2.TemplateNotFound, asking: str | None) -> str:
    """A missing template in Dutch, with the closest name there is: one of the built-in
    templates (plain or as 'builtin/NAME') or one beside the template that asked for it."""
    wanted = str(error.name)
    builtin = builtin_templates()
    names = [p.relative_to(builtin).as_posix() for p in builtin.rglob("*") if p.is_file()]
    candidates = [*names, *(f"builtin/{n}" for n in names)]
    if asking is not None and Path(asking).parent.is_dir():
        beside = Path(asking).parent
        candidates += [p.relative_to(beside).as_posix() for p in beside.rglob("*") if p.is_file()]
    return (
        f"sjabloon '{wanted}' niet gevonden in templates/ of bij de ingebouwde sjablonen"
        f"{did_you_mean(wanted, sorted(set(candidates)))}"
    )


JINJA_MESSAGES = [  # Jinja speaks English; the few messages a template author meets most
    (re.compile(r"^'([^']*)' is undefined$"), "onbekende variabele '{0}'"),
    (re.compile(r"^'(.*)' has no attribute '([^']*)'$"), "{0} heeft geen eigenschap '{1}'"),
    (
        re.compile(r"^unexpected end of template", re.IGNORECASE),
        "sjabloon houdt onverwacht op (is een '{{{{', '{{%' of blok niet gesloten?)",
    ),
    (re.compile(r"^unexpected '(.*)'$"), "onverwacht '{0}'"),
    (re.compile(r"^Encountered unknown tag '([^']*)'.*$"), "onbekende tag '{0}'"),
    (re.compile(r"^no filter named '([^']*)'$"), "onbekend filter '{0}'"),
]


def dutch_jinja(error: jinja2.TemplateError, asking: str | None = None) -> str:
    """Jinja's message in Dutch where it is a common one, else as Jinja put it; `asking`
    is the template that asked for a missing one."""
    if isinstance(error, jinja2.TemplateNotFound):
        return not_found(error, asking)
    message = shown(str(error.message or error))
    for pattern, dutch_text in JINJA_MESSAGES:
        match = pattern.match(message)
        if match:
            return dutch_text.format(*match.groups())
    return message
