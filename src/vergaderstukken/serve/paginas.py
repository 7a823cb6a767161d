"""The pages of the preview around the documents: the overview, the error page, the
page for an unknown address, and what every page gets added: a bar with links and the
script that reloads it when the server's version changes."""

from __future__ import annotations

import json
from html import escape

from .stand import Stand
from .voorbeeld import Stuk

VERSIE_URL = "/__versie"
UITVOER_URL = "/__uitvoer/"  # the build's files of the meeting (handler.py)
PAKKET = "vergaderpakket.pdf"

# Polls the version endpoint and reloads when a watched counter changed. A server that
# is gone (stopped, restarting) is asked again a second later.
HERLAAD = """<script>
(function () {
  var gezien = %s;
  function kijk() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.json(); }).then(
      function (nu) {
        for (var k in gezien) { if (nu[k] !== gezien[k]) { location.reload(); return; } }
        setTimeout(kijk, 250);
      },
      function () { setTimeout(kijk, 1000); });
  }
  setTimeout(kijk, 250);
})();
</script>"""

SCHERM = """<style>
@media screen {
  html { background: #e6e6e6; }
  body { background: #fff; max-width: 165mm; margin: 14mm auto; padding: 18mm 20mm;
         box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  #stukken-balk { position: fixed; top: 0; right: 0; z-index: 10; padding: 4px 10px;
                  background: #154273; color: #fff; font: 13px sans-serif; }
  #stukken-balk a { color: #fff; }
}
@media print { #stukken-balk { display: none; } }
</style>"""

OPMAAK = """<style>
body { font: 15px/1.5 sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       color: #1a1a1a; }
h1 { color: #154273; font-size: 1.5em; }
table { border-collapse: collapse; }
td, th { text-align: left; padding: 4px 16px 4px 0; border-bottom: 1px solid #ddd; }
ul.fouten li { font-family: monospace; color: #a00; white-space: pre-wrap; margin: 4px 0; }
ul.waarschuwingen li { font-family: monospace; color: #7a5500; white-space: pre-wrap; }
</style>"""


def tekst(value: str) -> str:
    """`value` as the text of an element (quotes may stay as they are there)."""
    return escape(value, quote=False)


def herlaad(stand: Stand, *sleutels: str) -> str:
    """The reload script of a page that shows the counters `sleutels` as they are now."""
    nu = stand.versies()
    return HERLAAD % (json.dumps({k: nu[k] for k in sleutels}), VERSIE_URL)


def document(stuk: Stuk, stand: Stand) -> str:
    """A document's HTML with the bar, the screen layout and the reload script."""
    pdf = stand.pdf_map
    links = ['<a href="/">overzicht</a>']
    if pdf is not None and (pdf / stuk.pdf).is_file():
        links.append(f'<a href="{UITVOER_URL}{escape(stuk.pdf)}">PDF</a>')
    balk = f'<div id="stukken-balk">Voorvertoning · {" · ".join(links)}</div>'
    html = _insert(stuk.html, "</head>", SCHERM)
    html = _insert(html, "<body>", balk, after=True)
    return _insert(html, "</body>", herlaad(stand, "versie"))


def _insert(html: str, marker: str, extra: str, *, after: bool = False) -> str:
    """`extra` before (or after) the first `marker`; at the end when there is none."""
    at = html.find(marker)
    if at < 0:
        return html + extra
    at += len(marker) if after else 0
    return html[:at] + extra + html[at:]


def _page(titel: str, body: str, script: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{tekst(titel)}</title>\n{OPMAAK}\n</head>\n<body>\n{body}\n{script}\n"
        "</body>\n</html>\n"
    )


def overzicht(stand: Stand) -> str:
    """The overview: the meeting's documents with their preview and their PDF."""
    voorbeeld = stand.voorbeeld
    pdf = stand.pdf_map
    rows = []
    for stuk in voorbeeld.stukken.values():
        pdf_link = (
            f'<a href="{UITVOER_URL}{escape(stuk.pdf)}">{tekst(stuk.pdf)}</a>'
            if pdf is not None and (pdf / stuk.pdf).is_file()
            else "—"
        )
        rows.append(
            f'<tr><td><a href="/{escape(stuk.naam)}">{tekst(stuk.titel)}</a></td>'
            f"<td>{pdf_link}</td></tr>"
        )
    if pdf is not None and (pdf / PAKKET).is_file():
        rows.append(
            f'<tr><td>Vergaderpakket</td><td><a href="{UITVOER_URL}{PAKKET}">{PAKKET}</a></td></tr>'
        )
    body = [
        f"<h1>Voorvertoning vergadering {tekst(voorbeeld.vergadering)}</h1>",
        "<p>De stukken worden bijgewerkt zodra u een bestand van de werkmap opslaat.</p>",
        "<table>\n<tr><th>Stuk</th><th>PDF</th></tr>\n" + "\n".join(rows) + "\n</table>",
        f"<p>{tekst(pdf_status(stand))}</p>",
    ]
    if voorbeeld.waarschuwingen:
        items = "".join(f"<li>{tekst(w)}</li>" for w in voorbeeld.waarschuwingen)
        body.append(f'<h2>Waarschuwingen</h2>\n<ul class="waarschuwingen">{items}</ul>')
    titel = f"Voorvertoning {voorbeeld.vergadering}"
    return _page(titel, "\n".join(body), herlaad(stand, "versie", "pdf"))


def pdf_status(stand: Stand) -> str:
    """One line on the background build."""
    if not stand.pdf_aan:
        return "PDF's worden niet gemaakt (--geen-pdf); maak ze met stukken build."
    status = stand.pdf
    if status.bezig:
        return "De PDF's worden gemaakt…"
    if status.fout:
        return f"De PDF's zijn niet gemaakt: {status.fout}"
    if status.tijd:
        return f"PDF's bijgewerkt om {status.tijd}."
    return "De PDF's worden gemaakt zodra de stukken in orde zijn."


def fout(stand: Stand) -> str:
    """The error page, shown instead of every document until the files are right again."""
    items = "\n".join(f"<li>{tekst(f)}</li>" for f in stand.voorbeeld.fouten)
    body = (
        "<h1>Fout in de werkmap</h1>\n"
        f'<ul class="fouten">\n{items}\n</ul>\n'
        "<p>Deze pagina toont de stukken weer zodra de fout is hersteld en het bestand "
        "is opgeslagen.</p>"
    )
    return _page("Fout in de werkmap", body, herlaad(stand, "versie"))


def niet_gevonden(pad: str, stand: Stand) -> str:
    """The page for an address the preview does not serve."""
    body = (
        "<h1>Niet gevonden</h1>\n"
        f"<p>Op dit adres staat niets: <code>{tekst(pad)}</code>.</p>\n"
        '<p><a href="/">Naar het overzicht</a></p>'
    )
    return _page("Niet gevonden", body, "")
