"""`stukken publiceer`: the public website, site/ by default, from every meeting's public
edition.

load → the public edition of each meeting (publicatie/documenten.py) → pages, open data
and search index in memory → read-back of every text file → written aside and swapped in
(uitvoer.py), so a failed publication leaves the previous site as it was. A meeting
whose sources did not change since the previous site (its fingerprint in .stukken.json)
is not rendered again: its PDFs are taken from that site byte for byte.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__, dutch
from ..actions import ActieStand
from ..exceptions import Problem, StukkenError
from ..gather import minutes_order
from ..load.werkmap import load_werkmap
from ..model import Overleg, Werkmap
from ..publicatie import controle, documenten, gegevens, opendata, paginas, zoeken
from ..render.engines.templates import builtin_templates
from ..render.job import RenderJob
from ..uitvoer import recover, write_atomically
from ..woo.lakken import Lakker
from .build import refuse_source_folders

MANIFEST = ".stukken.json"
FONTS = ["Lato-Regular.ttf", "Lato-Italic.ttf", "Lato-Bold.ttf", "Lato-BoldItalic.ttf", "OFL.txt"]
PACKAGE = Path(__file__).resolve().parents[1]


@dataclass
class Publicatie:
    """What `stukken publiceer` wrote."""

    folder: Path
    vergaderingen: list[str]  # every meeting on the site, the newest first
    opnieuw: list[str]  # the meetings rendered anew (the others came from the old site)
    bestanden: int
    warnings: list[Problem] = field(default_factory=list)


def basis_adres(basis_url: str | None) -> str:
    """`--basis-url` with one closing slash ("" without it); an address without http(s)://
    and a host is refused, since the sitemap and the feed need absolute addresses."""
    if not basis_url:
        return ""
    parts = urlsplit(basis_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        host_alone = ":" not in basis_url and "." in basis_url.split("/", 1)[0]
        hint = f" (bedoelde u 'https://{basis_url}'?)" if host_alone else ""
        raise StukkenError(
            f"--basis-url '{basis_url}' is geen volledig webadres: begin met https:// of "
            f"http://{hint}"
        )
    return basis_url.rstrip("/") + "/"


def publiceer(root: Path, uitvoer: Path | None = None, basis_url: str | None = None) -> Publicatie:
    """Write the public website of the workspace at `root` into `uitvoer` (site/)."""
    basis = basis_adres(basis_url)
    target = uitvoer or root / "site"
    refuse_source_folders(root, target)
    recover(target)
    werkmap, warnings = load_werkmap(root)
    jobs, lakker = documenten.publieke_jobs(werkmap)
    pages = paginas.Paginas(root)
    oud = vorige_site(target)
    files: dict[str, bytes] = {}
    manifest: dict[str, dict[str, object]] = {}
    opnieuw: list[str] = []
    vergaderingen: list[gegevens.Data] = []
    # Before anything renders: rendering fills caches on the shared model.
    bronnen = {naam: vingerafdruk(job) for naam, job in jobs.items()}
    for naam, job in reversed(list(jobs.items())):  # the newest first
        bron = bronnen[naam]
        pdfs = hergebruik(target / naam, oud.get(naam), bron)
        if pdfs is None:
            pdfs = documenten.pdfs(job)
            opnieuw.append(naam)
        data = gegevens.vergadering_gegevens(job.gegevens, sorted(pdfs))
        vergaderingen.append(data)
        files.update({f"{naam}/{name}": pdf for name, pdf in pdfs.items()})
        files.update(vergadering_bestanden(pages, job, data, basis))
        manifest[naam] = {"bron": bron, "pdf": sorted(pdfs)}
    files.update(
        site_bestanden(publiek_overleg(werkmap, jobs, lakker), pages, jobs, vergaderingen, basis)
    )
    files.update(zoeken.zoekindex({n: d for n, d in files.items() if n.endswith(".html")}))
    controle.controleer(files, lakker, target.name)
    files[MANIFEST] = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
    write_atomically(target, files, keep_existing=False)
    for job in jobs.values():
        warnings += [w for w in job.warnings if w not in warnings]
    return Publicatie(target, [v["id"] for v in vergaderingen], opnieuw[::-1], len(files), warnings)


def publiek_overleg(werkmap: Werkmap, jobs: dict[str, RenderJob], lakker: Lakker) -> Overleg:
    """The committee as the public edition shows it (redacted like everything else)."""
    if jobs:
        return next(iter(jobs.values())).werkmap.overleg
    return lakker.walk(copy.deepcopy(werkmap.overleg))


# --- one meeting ----------------------------------------------------------------------------


def vergadering_bestanden(
    pages: paginas.Paginas, job: RenderJob, data: gegevens.Data, basis: str
) -> dict[str, bytes]:
    """The page, vergadering.json and woo-metadata.xml of one meeting."""
    naam = data["id"]
    per_bestand = {o["bestand"]: o for o in data["informatieobjecten"]}
    tijd = job.vergadering.tijd
    context = {
        "overleg": job.werkmap.overleg,
        "v": data,
        "root": "../",
        "pagina": "vergadering",
        "titel": data["naam"],
        "tijd": dutch.tijd(tijd) if tijd else "",
        "documenten": [o for o in data["informatieobjecten"] if o["soort"] != "bijlage"],
        "bijlagen": [o for o in data["informatieobjecten"] if o["soort"] == "bijlage"],
        "per_bestand": per_bestand,
        "schema": [p for p in alle_punten(data) if p["geplandeStarttijd"] or p["geplandeDuur"]],
        "gronden": opendata.gronden(json.dumps(data, ensure_ascii=False)),
    }
    return {
        f"{naam}/index.html": pages.render("vergadering.html", context).encode(),
        f"{naam}/vergadering.json": opendata.json_bytes(data),
        f"{naam}/woo-metadata.xml": opendata.diwoo_xml(job.werkmap.overleg, data, basis),
    }


def alle_punten(data: gegevens.Data) -> list[gegevens.Data]:
    """Items and sub-items in agenda order."""
    return [q for p in data["agendapunten"] for q in (p, *p["subagendapunten"])]


# --- the pages across meetings -------------------------------------------------------------


def site_bestanden(
    overleg: Overleg,
    pages: paginas.Paginas,
    jobs: dict[str, RenderJob],
    vergaderingen: list[gegevens.Data],
    basis: str,
) -> dict[str, bytes]:
    """The overview pages, feeds, schema, stylesheet, script and fonts."""
    context = {"overleg": overleg, "root": "", "vergaderingen": vergaderingen}
    laatste = vergaderingen[0] if vergaderingen else None
    files = {
        "index.html": page(pages, "index.html", context, "index", overleg.naam),
        "besluiten.html": page(pages, "besluiten.html", context, "besluiten", "Besluiten"),
        "acties.html": page(
            pages,
            "acties.html",
            {**context, "laatste": laatste, "acties": openstaand(jobs)},
            "acties",
            "Openstaande acties",
        ),
        "zoeken.html": page(pages, "zoeken.html", context, "zoeken", "Zoeken"),
        "feed.xml": opendata.feed(overleg, vergaderingen, basis),
        "sitemap.xml": opendata.sitemap(vergaderingen, basis),
        opendata.SCHEMA_BESTAND: pages.bestand(opendata.SCHEMA_BESTAND),
        "assets/stijl.css": pages.bestand("stijl.css"),
        "assets/zoeken.js": pages.bestand("zoeken.js"),
    }
    fonts = builtin_templates() / "fonts"
    files.update({f"assets/fonts/{name}": (fonts / name).read_bytes() for name in FONTS})
    return files


def page(
    pages: paginas.Paginas, template: str, context: dict[str, object], pagina: str, titel: str
) -> bytes:
    """One top-level page."""
    return pages.render(template, {**context, "pagina": pagina, "titel": titel}).encode()


def openstaand(jobs: dict[str, RenderJob]) -> list[gegevens.Data]:
    """The actions open after the latest meeting, the oldest first, judged on its day."""
    if not jobs:
        return []
    job = list(jobs.values())[-1]
    assert job.verzameling is not None
    standen: list[ActieStand] = job.verzameling.acties.standen(job.vergadering, inclusief=True)
    return [gegevens.actie(s) for s in sorted(standen, key=minutes_order) if s.is_open]


# --- what may be taken from the previous site ----------------------------------------------


def vorige_site(target: Path) -> dict[str, dict[str, object]]:
    """The fingerprints and PDFs of the previous site, {} when there is none to trust."""
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def hergebruik(folder: Path, oud: dict[str, object] | None, bron: str) -> dict[str, bytes] | None:
    """The previous site's PDFs of a meeting whose sources did not change, else None."""
    names = oud.get("pdf") if isinstance(oud, dict) and oud.get("bron") == bron else None
    if not isinstance(names, list):
        return None
    try:
        return {str(name): (folder / str(name)).read_bytes() for name in names}
    except OSError:
        return None


def vingerafdruk(job: RenderJob) -> str:
    """What the meeting's PDFs are made of: the public (redacted, screened) model of the
    meeting and everything gathered for it, its attachment files, the templates and
    this program. Paths count relative to the workspace, so a clone elsewhere agrees."""
    digest = hashlib.sha256(f"stukken {__version__}\n".encode())
    root = str(job.werkmap.root.resolve())
    digest.update(repr((job.vergadering, job.gegevens)).replace(root, "").encode())
    for bijlage in job.vergadering.bijlagen:
        if bijlage.bestand is not None:
            digest.update(_bytes(bijlage.bestand))
        if bijlage.verslag:
            bron = job.werkmap.vergadering(bijlage.verslag)
            if bron is not None:
                digest.update(repr(job.gegevens_van(bron)).replace(root, "").encode())
    folders = [job.werkmap.root / "templates", builtin_templates(), PACKAGE]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.name.encode() + _bytes(path))
    return digest.hexdigest()


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise StukkenError(f"{path}: kan niet gelezen worden: {error.strerror}") from None
