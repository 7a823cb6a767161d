"""Redaction that cannot be dodged: every spelling that renders the same is redacted in
the model and found by the read-back (woo.Lakker, openbaar.check_no_leaks)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pikepdf
import pytest

from alle_tekst import everything_in
from conftest import AGENDA_YAML, STUKKEN_YAML, pdf_text
from vergaderstukken.render.engines.templates import builtin_templates
from vergaderstukken.woo import lakken as woo
from vergaderstukken.woo.match import shown

DATUM = "2024-01-24"
LAKKEN = "woo:\n  lakken:\n    - {tekst: Jorrit Eijbersen, grond: 5.1.2e}\n"
NAAM = "Jorrit Eijbersen"

# Spellings of "Jorrit Eijbersen" that render (nearly) the same.
NAMEN = {
    "nbsp": "Jorrit\u00a0Eijbersen",
    "smalle-nbsp": "Jorrit\u202fEijbersen",
    "zacht-afbreekstreepje": "Jor\u00adrit Eij\u00adber\u00adsen",
    "zero-width": "Jorrit\u200b Eij\u200dbersen\u2060",
    "voltbreed": "ＪＯＲＲＩＴ Ｅｉｊｂｅｒｓｅｎ",
    "hoofdletters": "JORRIT EIJBERSEN",
    "punten": "jorrit.eijbersen",
    "regeleinde": "Jorrit\nEijbersen",
}
# Addresses a mail client accepts.
ADRESSEN = {
    "atext": "o'brien=x/y!z+q#t$u%v&w*a^b_c`d{e|f}g~h-i@x.nl",
    "plus": "jan+woo@gemeente.nl",
    "zacht-afbreekstreepje": "jan\u00ad.smit@gemeente.nl",
    "zero-width": "jan\u200b.smit@gemeente\u200b.nl",
    "localhost": "beheer@localhost",
    "ip": "beheer@[10.0.0.1]",
    "voltbreed-at": "jan.smit＠gemeente.nl",
    "voltbreed": "ｊａｎ＠ｇｅｍｅｅｎｔｅ．ｎｌ",
}


def lakker(*extra: tuple[str, str]) -> woo.Lakker:
    return woo.Lakker([(NAAM, "5.1.2e"), ("Café Eﬃ", "5.1.2i"), *extra])


# --- the model ---------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", NAMEN.values(), ids=NAMEN.keys())
def test_every_spelling_of_a_name_is_redacted_whole(spelling):
    text = f"Welkom, {spelling}, bij de dijk."
    assert woo.plain(lakker().text(text)) == "Welkom, 5.1.2e, bij de dijk."
    assert lakker().found(text) == [shown(spelling)]


def test_accents_and_ligatures_match_composed_or_not():
    for spelling in ["Café Effi", "Cafe\u0301 Effi", "CAFÉ EFFI", "café eﬃ"]:
        assert woo.plain(lakker().text(f"In {spelling}.")) == "In 5.1.2i.", spelling
    assert unicodedata.normalize("NFD", "Café") != "Café"  # the corpus holds both forms


@pytest.mark.parametrize("adres", ADRESSEN.values(), ids=ADRESSEN.keys())
def test_every_address_goes_whole(adres):
    text = f"Mail ({adres}) of bel."
    assert woo.plain(lakker().text(text)) == "Mail (5.1.2e) of bel."
    assert lakker().found(text) == [shown(adres)]


def test_markup_around_an_address_stays():
    assert woo.plain(lakker().text("Mail *jan@x.nl* of `piet@x.nl`.")) == (
        "Mail *5.1.2e* of `5.1.2e`."
    )


@pytest.mark.parametrize(
    "text",
    [
        "vergadering @ 15:00",
        "@",
        "mail naar @secretariaat",
        "in januari met jantje",
        "Jan\u00aduari",  # a soft hyphen does not make two words
        "Jorrit Eijbersenstraat",
        "Zie 5.1.2e@hellendoorn.nl (al gelakt).",
    ],
)
def test_ordinary_text_is_left_alone(text):
    lak = lakker(("Jan", "5.1.2e"))
    assert lak.found(text) == []
    if "@hellendoorn" not in text:
        assert lak.text(text) == text


def test_text_where_nothing_is_redacted_keeps_its_invisible_characters():
    text = "Af\u00adspraak\u00a0om 15:00 in het ｇｅｍｅｅｎｔｅhuis, Jorrit."
    assert lakker().text(text) == text


def test_link_targets_are_screened_after_decoding():
    text = (
        "[mail ons](mailto:jan%40gemeente.nl), [zoek](https://x.nl/?q=Jorrit+Eijbersen), "
        "[profiel](https://x.nl/%4Aorrit%2DEijbersen), [kaart](https://x.nl/kaart), "
        "[ref][r], ![foto](jorrit-eijbersen.jpg)\n\n"
        '[r]: https://x.nl/people/JORRIT%20EIJBERSEN "Profiel"\n'
    )
    assert woo.plain(lakker().text(text)) == (
        "[mail ons](<>), [zoek](<>), [profiel](<>), [kaart](https://x.nl/kaart), "
        "[ref][r], ![foto](<>)\n\n"
        '[r]: <> "Profiel"\n'
    )


def test_an_autolink_becomes_its_redacted_text():
    text = "Zie <https://x.nl/Jorrit%20Eijbersen> of <mailto:jan%40x.nl>."
    assert woo.plain(lakker().text(text)) == r"Zie https\:\/\/x\.nl\/5.1.2e of mailto\:5.1.2e."


def test_an_emptied_link_renders_as_its_text():
    from vergaderstukken.markdown import render_block

    html = render_block(lakker().text("[Jorrit](mailto:jan%40x.nl) en ![foto](<>)"))
    assert woo.boxes_in_html(str(html)) == "<p>Jorrit en foto</p>\n"


def test_the_read_back_decodes_link_targets():
    assert lakker().found("/URI (mailto:jan%40x.nl) /URI (https://x.nl/%4Aorrit%20Eijbersen)") == [
        "Jorrit Eijbersen",
        "jan@x.nl",
    ]


# --- end to end --------------------------------------------------------------------------

VERBODEN = [
    "jorrit",
    "eijbersen",
    "ｊｏｒｒｉｔ",
    "jan@",
    "jan.smit",
    "beheer",
    "o'brien",
    "%40",
    "%4a",
    "gemeente.nl",
]


def lek_werkmap(workspace) -> Path:
    """Every spelling in an agenda field, a verslag field, a link target, a reference-style
    link and a Markdown attachment."""
    namen = list(NAMEN.values())
    adressen = list(ADRESSEN.values())
    regels = [f"{n} en {a}." for n, a in zip(namen, adressen, strict=True)]

    def blok(indent: int) -> str:
        return "".join(" " * indent + regel.replace("\n", " ") + "\n\n" for regel in regels)

    links = (
        "[mail](mailto:jan%40gemeente.nl) [zoek](https://x.nl/?q=Jorrit+Eijbersen) "
        "[profiel][p]\n\n[p]: https://x.nl/%4Aorrit%20Eijbersen\n"
    )
    agenda = AGENDA_YAML.replace(
        "      Het plan ligt ter besluitvorming voor.\n",
        blok(6) + "".join("      " + line + "\n" for line in links.splitlines()),
    )
    verslag = "punten:\n  opening:\n    tekst: |\n" + blok(6)
    plan = "# Plan\n\n" + "\n\n".join(regels) + "\n\n" + links
    return workspace(
        {
            "stukken.yaml": STUKKEN_YAML + LAKKEN,
            "meetings/2024-01-24/agenda.yaml": agenda,
            "meetings/2024-01-24/verslag.yaml": verslag,
            "meetings/2024-01-24/bijlagen/plan.md": plan,
        }
    )


def link_uris(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        return [
            str(annot.A.get("/URI", ""))
            for page in pdf.pages
            for annot in page.get("/Annots", [])
            if "/A" in annot
        ]


def test_no_spelling_reaches_any_public_pdf(workspace, stukken):
    root = lek_werkmap(workspace)
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 0, result.stderr
    folder = root / "output" / DATUM / "openbaar"
    assert {p.name for p in folder.iterdir()} >= {"agenda.pdf", "verslag.pdf", "vergaderpakket.pdf"}
    fresh = lakker()
    for path in folder.iterdir():
        tekst = pdf_text(path)
        alles = everything_in(path)
        uris = link_uris(path)
        for laag in (tekst, alles, "\n".join(uris)):
            gelezen = unicodedata.normalize("NFKC", laag).casefold()
            for verboden in VERBODEN:
                assert verboden not in gelezen, (path.name, verboden)
        assert fresh.found(tekst + "\n".join(uris)) == [], path.name
        assert "@" not in tekst and "＠" not in tekst
        if path.name != "actie-en-besluitenlijst.pdf":  # which has no text of these fields
            assert tekst.count("5.1.2e") >= 16, path.name  # every name and address a box
    agenda = " ".join(pdf_text(folder / "agenda.pdf").split())
    assert "mail zoek profiel" in agenda  # the link texts stay
    assert "https://x.nl" not in "".join(link_uris(folder / "agenda.pdf"))


# --- the read-back's message -------------------------------------------------------------


def test_read_back_names_the_file_the_string_and_its_source(workspace, stukken):
    agenda = AGENDA_YAML.replace(
        "Het plan ligt ter besluitvorming voor.", "Het plan is van Jorrit&nbsp;Eijbersen."
    )
    root = workspace(
        {"stukken.yaml": STUKKEN_YAML + LAKKEN, "meetings/2024-01-24/agenda.yaml": agenda}
    )
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 1
    line = agenda.splitlines().index("      Het plan is van Jorrit&nbsp;Eijbersen.") + 1
    assert result.lines[0] == (
        "fout: de openbare versie is niet geschreven: openbaar/agenda.pdf bevat nog "
        f"'Jorrit Eijbersen' (uit meetings/2024-01-24/agenda.yaml:{line}); "
        "openbaar/vergaderpakket.pdf bevat nog "
        f"'Jorrit Eijbersen' (uit meetings/2024-01-24/agenda.yaml:{line}). "
        f"'Jorrit Eijbersen' staat al in woo.lakken, maar meetings/2024-01-24/agenda.yaml:{line} "
        "schrijft het zo dat stukken het bij het lakken niet herkent, bijvoorbeeld met een "
        "HTML-entiteit (&nbsp;, &#74;): schrijf het daar gewoon uit."
    )
    assert "Neem die schrijfwijze op" not in result.stderr
    assert not (root / "output").exists()


def test_read_back_traces_a_template(workspace, stukken):
    template = (
        '{% extends "builtin/agenda.html" %}\n'
        "{% block voor_punten %}\n<p>Contact: j&#111;rrit@gemeente.nl</p>\n{% endblock %}\n"
    )
    assert "{% block voor_punten %}" in (builtin_templates() / "agenda.html").read_text()
    root = workspace({"stukken.yaml": STUKKEN_YAML + LAKKEN, "templates/agenda.html": template})
    result = stukken(root, "build", DATUM, "--openbaar")
    assert result.exit_code == 1
    assert (
        "openbaar/agenda.pdf bevat nog 'jorrit@gemeente.nl' (uit templates/agenda.html:3)"
    ) in result.stderr
    assert "Haal de tekst uit het sjabloon of stijlblad: daarin lakt stukken niets." in (
        result.stderr
    )
    assert "Neem die schrijfwijze op" not in result.stderr


def test_a_meeting_folder_named_after_a_redacted_string_is_an_error(workspace, stukken):
    root = workspace(
        {
            "stukken.yaml": STUKKEN_YAML + LAKKEN,
            "meetings/2024-01-24-jorrit-eijbersen/agenda.yaml": AGENDA_YAML,
            "meetings/2024-01-24-jorrit-eijbersen/bijlagen/plan.md": "# Plan\n",
        },
    )
    import shutil

    shutil.rmtree(root / "meetings" / DATUM)
    result = stukken(root, "build", "2024-01-24-jorrit-eijbersen", "--openbaar")
    assert result.exit_code == 1
    assert result.lines == [
        "meetings/2024-01-24-jorrit-eijbersen: de mapnaam '2024-01-24-jorrit-eijbersen' bevat "
        "'jorrit-eijbersen', een tekst uit woo.lakken of een e-mailadres; de mapnaam staat in "
        "de openbare versie (in de actienummers en verwijzingen) en kan niet gelakt worden: "
        "geef de map een naam zonder die tekst (bedoelde u '2024-01-24'?)",
        "1 fout gevonden; er is niets geschreven.",
    ]
    assert not (root / "output").exists()
