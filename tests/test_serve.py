"""`stukken serve`: the live preview. The HTTP handler without a browser (pages, the
version endpoint, the error page, files that must not be served), the watcher, the
background build, the command line, and one run in headless Chromium driven over the
DevTools protocol: edit, break and fix agenda.yaml while the page is open.

Every server here binds to 127.0.0.1 on a free port and is stopped by its fixture."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import AGENDA_YAML, pdf_text
from vergaderstukken.commands import serve as serve_command
from vergaderstukken.commands.serve import Voorvertoning, serve
from vergaderstukken.exceptions import StukkenError
from vergaderstukken.serve.handler import host_name, is_loopback

AGENDA = "meetings/2024-01-24/agenda.yaml"
TYPO = AGENDA_YAML.replace(
    "  - titel: Rondvraag", "  - titel: Rondvraag\n    doel: [besluitvorming"
)
TYPO_MESSAGE = f"{AGENDA}:13: ongeldige YAML: een '[' of '{{' is hier niet goed gesloten"
PNG = (  # a 1x1 PNG
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def start(workspace):
    """A factory for a running preview of a workspace (HTML only unless told); every
    preview started is stopped at the end of the test, whatever happens."""
    started: list[Voorvertoning] = []

    def make(files=None, **options) -> Voorvertoning:
        root = workspace(files)
        options.setdefault("pdf", False)
        preview = Voorvertoning(root, poort=0, adres="127.0.0.1", **options)
        started.append(preview)
        preview.start()
        return preview

    yield make
    for preview in started:
        preview.stop()


def get(preview: Voorvertoning, path: str, host: str | None = None) -> tuple[int, dict, bytes]:
    """GET `path` exactly as written (no normalising of '..' or '%2e'), with a timeout."""
    address = urlsplit(preview.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host or address.netloc)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def text(preview: Voorvertoning, path: str) -> str:
    status, _, body = get(preview, path)
    assert status == 200, path
    return body.decode("utf-8")


def edit(preview: Voorvertoning, content: str) -> None:
    (preview.root / AGENDA).write_text(content, encoding="utf-8")


def test_the_overview_lists_the_meetings_documents(start):
    preview = start({"meetings/2024-01-24/verslag.yaml": "status: concept\n"})
    page = text(preview, "/")
    assert "<h1>Voorvertoning vergadering 2024-01-24</h1>" in page
    assert '<a href="/agenda">Agenda</a>' in page
    assert '<a href="/verslag">Verslag</a>' in page
    assert '<a href="/actie-en-besluitenlijst">Actie- en besluitenlijst</a>' in page
    assert "PDF's worden niet gemaakt (--geen-pdf)" in page


def test_a_document_page_is_the_templates_html_with_the_reload_script(start):
    preview = start()
    page = text(preview, "/agenda")
    assert "<title>Agenda Regionaal Overleg Water" in page
    assert '<span class="nummer">2.</span> <span>Dijkversterking</span>' in page
    assert '<base href="/__werkmap/meetings/2024-01-24/">' in page
    assert 'var gezien = {"versie": 1};' in page
    assert 'url("/__sjablonen/fonts/Lato-Regular.ttf")' in page
    assert "file://" not in page  # nothing the browser could not fetch from the server


def test_the_version_goes_up_when_the_documents_change_and_only_then(start):
    preview = start()
    assert json.loads(get(preview, "/__versie")[2]) == {"versie": 1, "pdf": 0}
    preview.ververs()  # nothing changed
    assert json.loads(get(preview, "/__versie")[2]) == {"versie": 1, "pdf": 0}
    edit(preview, AGENDA_YAML.replace("Dijkversterking", "Dijkversterking Noord"))
    preview.ververs()
    assert json.loads(get(preview, "/__versie")[2])["versie"] == 2
    assert "<span>Dijkversterking Noord</span>" in text(preview, "/agenda")
    _, headers, _ = get(preview, "/__versie")
    assert headers["Cache-Control"] == "no-store"


def test_a_yaml_error_replaces_every_document_until_it_is_fixed(start):
    preview = start()
    edit(preview, TYPO)
    preview.ververs()
    for path in ("/", "/agenda"):
        page = text(preview, path)
        assert "<h1>Fout in de werkmap</h1>" in page
        assert f"<li>{TYPO_MESSAGE}</li>" in page
        assert 'var gezien = {"versie": 2};' in page  # and it reloads itself after the fix
        assert "Dijkversterking" not in page
    edit(preview, AGENDA_YAML)
    preview.ververs()
    page = text(preview, "/agenda")
    assert "Fout in de werkmap" not in page
    assert "<span>Dijkversterking</span>" in page


def test_every_error_is_shown_with_its_file_and_line(start):
    preview = start()
    edit(preview, AGENDA_YAML.replace("titel: Rondvraag", "titl: Rondvraag"))
    preview.ververs()
    assert preview.stand.voorbeeld.fouten == (
        f"{AGENDA}:11: onbekende sleutel 'titl' in agendapunt (bedoelde u 'titel'?)",
    )


@pytest.mark.parametrize(
    "path",
    [
        "/../stukken.yaml",
        "/%2e%2e/stukken.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/stukken.yaml",
        "/etc/passwd",
        "/__werkmap/stukken.yaml",  # sources are never served, only images
        f"/__werkmap/{AGENDA}",
        "/__werkmap/../stukken.yaml",
        "/__werkmap/%2e%2e/werkmap/stukken.yaml",
        "/__werkmap//etc/passwd",
        "/__werkmap/%2Fetc%2Fpasswd",
        "/__werkmap/meetings/2024-01-24/..%2F..%2F..%2Fbuiten.png",
        "/__werkmap/meetings/2024-01-24/link-naar-buiten.png",  # a symbolic link out
        "/__werkmap/.verborgen.png",
        "/__sjablonen/../stukken.yaml",
        "/__sjablonen/fonts/../../stukken.yaml",
        "/__sjablonen/agenda.html",
        "/__uitvoer/../../stukken.yaml",
        "/__uitvoer/agenda.pdf",  # not built yet
        "/__iets",
        "*",
    ],
)
def test_nothing_outside_the_workspace_or_of_the_wrong_kind_is_served(start, path):
    preview = start()
    outside = preview.root.parent / "buiten.png"
    outside.write_bytes(PNG)
    (preview.root / "meetings/2024-01-24/link-naar-buiten.png").symlink_to(outside)
    (preview.root / ".verborgen.png").write_bytes(PNG)
    status, _, body = get(preview, path)
    assert status == 404
    assert b"<h1>Niet gevonden</h1>" in body
    assert PNG not in body and b"overleg:" not in body


def test_images_of_the_workspace_and_the_house_font_are_served(start):
    with_image = AGENDA_YAML.replace(
        "ter besluitvorming voor.", "ter besluitvorming voor.\n\n      ![Kaart](bijlagen/kaart.png)"
    )
    preview = start({AGENDA: with_image, "meetings/2024-01-24/bijlagen/kaart.png": PNG})
    page = text(preview, "/agenda")
    # the image resolves against the <base> of the meeting folder, as in the PDF
    assert '<img src="bijlagen/kaart.png" alt="Kaart"' in page
    status, headers, body = get(preview, "/__werkmap/meetings/2024-01-24/bijlagen/kaart.png")
    assert (status, headers["Content-Type"], body) == (200, "image/png", PNG)
    assert headers["Content-Security-Policy"] == "sandbox"
    status, _, body = get(preview, "/__sjablonen/fonts/Lato-Bold.ttf")
    font = Path(__file__).resolve().parents[1] / "templates/fonts/Lato-Bold.ttf"
    assert (status, body) == (200, font.read_bytes())


def test_only_a_loopback_host_name_is_answered(start):
    preview = start()
    port = urlsplit(preview.url).port
    status, _, body = get(preview, "/agenda", host=f"stukken.example.com:{port}")
    assert (status, body) == (403, b"Alleen voor deze computer.\n")
    assert get(preview, "/agenda", host=f"localhost:{port}")[0] == 200
    assert [is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "10.0.0.1")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert [host_name(h) for h in ("[::1]:8000", "localhost:80", "::1")] == [
        "::1",
        "localhost",
        "::1",
    ]


def test_the_watcher_renders_again_after_a_save(start):
    preview = start()
    deadline = time.monotonic() + 20
    # The watcher's first look at the folders may come a moment after start(): save
    # until it has seen one; one save seen counts.
    while preview.stand.versie == 1 and time.monotonic() < deadline:
        edit(preview, AGENDA_YAML.replace("Dijkversterking", "Dijkversterking Zuid"))
        saved = time.monotonic()
        while preview.stand.versie == 1 and time.monotonic() < min(saved + 2, deadline):
            time.sleep(0.02)
    assert preview.stand.versie == 2
    assert "<span>Dijkversterking Zuid</span>" in text(preview, "/agenda")
    # a second save, with the watcher surely running: seen within a second (+ slack for
    # a machine shared by many test runs)
    edit(preview, AGENDA_YAML)
    saved = time.monotonic()
    while preview.stand.versie == 2 and time.monotonic() < saved + 5:
        time.sleep(0.02)
    assert preview.stand.versie == 3


def test_the_watcher_ignores_the_output_hidden_files_and_backups(start):
    preview = start()
    root = preview.root
    counted = {
        name: preview.telt_mee(None, str(root / name))
        for name in (
            "stukken.yaml",
            AGENDA,
            "templates/stijl.css",
            "output/2024-01-24/agenda.pdf",
            "meetings/2024-01-24/.agenda.yaml.swp",
            "meetings/2024-01-24/agenda.yaml~",
            "README.md",
            ".git/index",
        )
    }
    assert [name for name, yes in counted.items() if yes] == [
        "stukken.yaml",
        AGENDA,
        "templates/stijl.css",
    ]


def test_the_pdfs_are_built_in_the_background_and_offered(start):
    def bouwen(root, datum, *, output, cache):
        (output / "2024-01-24").mkdir(parents=True, exist_ok=True)
        (output / "2024-01-24" / "agenda.pdf").write_bytes(b"%PDF-1.7 test")
        gebouwd = [str(root), datum, str(output), cache, os.getpid()]
        (output / "gebouwd.json").write_text(json.dumps(gebouwd))

    preview = start(pdf=True, bouwen=bouwen)
    deadline = time.monotonic() + 10
    while preview.stand.pdf_versie < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    root, datum, output, cache, pid = json.loads((preview.uitvoer / "gebouwd.json").read_text())
    assert (root, datum, output, cache) == (str(preview.root), None, str(preview.uitvoer), True)
    assert pid == preview.bouwer.pid != os.getpid()  # in the builder, not a thread here
    page = text(preview, "/")
    assert '<a href="/__uitvoer/agenda.pdf">agenda.pdf</a>' in page
    assert "PDF's bijgewerkt om " in page
    assert '<a href="/__uitvoer/agenda.pdf">PDF</a>' in text(preview, "/agenda")
    status, headers, body = get(preview, "/__uitvoer/agenda.pdf")
    assert (status, headers["Content-Type"], body) == (200, "application/pdf", b"%PDF-1.7 test")


def test_the_build_starts_at_the_save_beside_the_html(start):
    """The builder is asked at the save itself: a change that leaves the HTML as it was
    (a Word template) is built too, and a build under way sees the next save."""

    def bouwen(root, datum, *, output, cache):
        output.mkdir(exist_ok=True)
        with (output / "builds.txt").open("a") as log:
            log.write((root / "templates" / "agenda.docx").read_text() + "\n")

    preview = start({"templates/agenda.docx": "eerste"}, pdf=True, bouwen=bouwen)
    log = preview.uitvoer / "builds.txt"
    deadline = time.monotonic() + 20
    while not log.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    while "tweede" not in log.read_text() and time.monotonic() < deadline:
        (preview.root / "templates" / "agenda.docx").write_text("tweede")
        time.sleep(0.3)
    assert log.read_text().splitlines()[0] == "eerste"
    assert log.read_text().splitlines()[-1] == "tweede"
    assert preview.stand.versie == 1  # the HTML did not change


def test_an_error_the_page_shows_is_not_reported_again_by_the_build(start):
    def bouwen(root, datum, *, output, cache):
        if "[besluitvorming" in (root / AGENDA).read_text():
            raise StukkenError(TYPO_MESSAGE)

    messages: list[str] = []
    preview = start(pdf=True, bouwen=bouwen, melden=messages.append)
    deadline = time.monotonic() + 20
    while preview.stand.versie == 1 and time.monotonic() < deadline:
        edit(preview, TYPO)
        time.sleep(0.3)
    while (preview.stand.pdf.bezig or not preview.stand.pdf.fout) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert preview.stand.pdf.fout == TYPO_MESSAGE  # the overview says why there are none
    assert messages.count(TYPO_MESSAGE) == 1
    assert not [line for line in messages if line.startswith("PDF's niet gemaakt")]


def test_stopping_the_preview_ends_its_builder_even_mid_build(start):
    """The builder is interrupted as Ctrl+C interrupts a build, and holds no copy of the
    preview's port."""

    def bouwen(root, datum, *, output, cache):
        output.mkdir(exist_ok=True)
        (output / "bezig").write_text("ja")
        time.sleep(60)

    preview = start(pdf=True, bouwen=bouwen)
    port = preview.server.server_address[1]
    deadline = time.monotonic() + 10
    while not (preview.uitvoer / "bezig").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    pid = preview.bouwer.pid
    preview.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with socket.socket() as again:
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))  # nothing else holds it
        again.listen()


NOTE = "meetings/2024-01-24/annotaties/noord.yaml"


@pytest.mark.traag  # it renders every document once
def test_after_a_saved_note_the_background_build_lays_out_only_that_annotated_agenda(
    start, monkeypatch, tmp_path
):
    """The background build keeps the build cache, as `stukken build` does: a save of
    one overlay renders that advisor's annotated agenda again, not every document."""
    from vergaderstukken.render import job, zetter
    from vergaderstukken.render.engines import pdf

    log = tmp_path / "laid-out.txt"  # layouts happen in the builder's typesetters
    original = pdf.html_to_pdfs

    def counted(html, **options):
        with log.open("a", encoding="utf-8") as lines:
            lines.write(html[html.index("<title>") + 7 : html.index("</title>")] + "\n")
        return original(html, **options)

    def laid_out() -> list[str]:
        return log.read_text(encoding="utf-8").splitlines() if log.exists() else []

    for module in (job, pdf, zetter):
        monkeypatch.setattr(module, "html_to_pdfs", counted)
    note = "auteur: Jan\npunten:\n  dijk: Instemmen, {}.\n"
    preview = start({NOTE: note.format("eerste versie")}, pdf=True)

    def built(count: int) -> None:
        deadline = time.monotonic() + 120
        while (preview.stand.pdf_versie < count or preview.stand.pdf.bezig) and (
            time.monotonic() < deadline
        ):
            time.sleep(0.05)
        assert preview.stand.pdf_versie >= count and not preview.stand.pdf.bezig
        assert preview.stand.pdf.fout == ""

    built(2)
    first = sorted(laid_out())
    assert "Agenda Regionaal Overleg Water 24 januari 2024" in first and len(first) > 2
    folder = preview.uitvoer / "2024-01-24"
    agenda = (folder / "agenda.pdf").read_bytes()
    log.unlink()
    deadline = time.monotonic() + 20
    while preview.stand.versie == 1 and time.monotonic() < deadline:  # the watcher may start late
        (preview.root / NOTE).write_text(note.format("tweede versie"), encoding="utf-8")
        time.sleep(0.3)
    built(4)
    assert laid_out() == ["Geannoteerde agenda Regionaal Overleg Water 24 januari 2024"]
    assert (folder / "agenda.pdf").read_bytes() == agenda
    assert "tweede versie" in pdf_text(folder / "geannoteerde-agenda-noord.pdf")


def test_a_failed_background_build_is_reported_on_the_overview(start):
    def bouwen(root, datum, *, output, cache):
        raise StukkenError("uitvoermap output/2024-01-24 is niet te schrijven")

    messages: list[str] = []
    preview = start(pdf=True, bouwen=bouwen, melden=messages.append)
    deadline = time.monotonic() + 10
    while preview.stand.pdf_versie < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    page = text(preview, "/")
    assert "De PDF's zijn niet gemaakt: uitvoermap output/2024-01-24 is niet te schrijven" in page
    # the terminal is told once the page has had its chance to show an error of its own
    while not messages[-1].startswith("PDF's niet gemaakt") and time.monotonic() < deadline:
        time.sleep(0.02)
    assert messages[-1] == "PDF's niet gemaakt: uitvoermap output/2024-01-24 is niet te schrijven"


def test_a_port_in_use_is_a_one_line_error(workspace):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        preview = Voorvertoning(workspace(), poort=port, pdf=False)
        with pytest.raises(StukkenError) as error:
            preview.start()
        preview.stop()
    assert error.value.format_message() == (
        f"kan niet luisteren op 127.0.0.1:{port}: Address already in use "
        "(is de poort al in gebruik? kies een andere met --poort)"
    )


def test_an_address_other_computers_reach_is_warned_about(workspace, monkeypatch):
    """Without binding to it: the preview itself is replaced by one that only records."""
    opened = []

    class Recorder:
        def __init__(self, root, datum, **options):
            opened.append(options["adres"])
            self.url, self.uitvoer = "http://0.0.0.0:8000/", root / "output"

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

        def wacht(self):
            raise KeyboardInterrupt

    monkeypatch.setattr(serve_command, "Voorvertoning", Recorder)
    messages: list[str] = []
    serve(workspace(), adres="0.0.0.0", pdf=False, melden=messages.append)
    assert opened == ["0.0.0.0"]
    assert messages == [
        "waarschuwing: de voorvertoning luistert op 0.0.0.0, niet alleen op deze computer; "
        "iedereen die deze computer via het netwerk bereikt, kan de stukken lezen",
        "voorvertoning op http://0.0.0.0:8000/ (stoppen: Ctrl+C)",
        "voorvertoning gestopt",
    ]


def test_help_is_dutch(stukken, workspace):
    result = stukken(workspace(), "serve", "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Gebruik: stukken serve [OPTIES] [DATUM]\n")
    assert "Toon de stukken van vergadering DATUM (standaard: de laatste) in de browser" in (
        result.stdout
    )
    words = " ".join(result.stdout.split())
    assert "-p, --poort POORT" in words and "[standaard: 8000;" in words
    assert "INTEGER" not in result.stdout and "TEXT" not in result.stdout
    assert "--poort" in result.stdout and "--adres" in result.stdout
    assert "--geen-pdf" in result.stdout


def test_the_command_serves_until_interrupted(workspace):
    root = workspace()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    command = [sys.executable, "-m", "vergaderstukken", "serve", "--poort", "0", "--geen-pdf"]
    process = subprocess.Popen(command, cwd=root, env=env, stderr=subprocess.PIPE, text=True)
    try:
        lines = [process.stderr.readline() for _ in range(2)]
        assert lines[0].startswith("bijgewerkt: vergadering 2024-01-24 (")
        assert lines[1].startswith("voorvertoning op http://127.0.0.1:")
        url = urlsplit(lines[1].split()[2])
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
        connection.request("GET", "/agenda")
        assert b"Dijkversterking" in connection.getresponse().read()
        connection.close()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert process.stderr.read() == "voorvertoning gestopt\n"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def test_a_watcher_that_cannot_watch_says_so(start, monkeypatch):
    def no_watches(self, paths, recursive):
        raise OSError("OS file watch limit reached")

    monkeypatch.setattr(Voorvertoning, "_volg", no_watches)
    messages: list[str] = []
    preview = start(melden=messages.append)
    deadline = time.monotonic() + 10
    while len(messages) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert messages[1:] == 2 * [
        "waarschuwing: de werkmap wordt niet meer gevolgd (OS file watch limit reached); "
        "start stukken serve opnieuw om wijzigingen te zien"
    ]
    assert text(preview, "/agenda")  # the pages are still served
