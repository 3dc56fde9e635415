"""Load stage: what editors are told about YAML mistakes, in Finnish, at the right place.

Each case is a mistake seen in an editor trial; the message (first line, with
``file:line:col``) and its hint are pinned exactly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import parsecache
from generator.core.diagnostics import Report
from generator.load import files as loader
from generator.load import problems as yaml_problems
from generator.load.files import load

SCHEMA = "# yaml-language-server: $schema=../../schema/person.schema.json\n"
PERSON = SCHEMA + "name: Ellen Vogt\nrole: erityisasiantuntija\n"
FILE = "content/people/ellen-vogt.yaml"

MakeContent = Callable[[dict[str, str]], Path]


def _run(make_content: MakeContent, monkeypatch: pytest.MonkeyPatch, files: dict[str, str],
         *, cache: bool = False) -> tuple[list[loader.Document], list[str]]:
    root = make_content(files)
    monkeypatch.chdir(root.parent)
    report = Report()
    documents = load(root, report,
                     cache_folder=root.parent / parsecache.FOLDER if cache else None)
    return documents, [d.format() for d in report.sorted()]


def _write_bytes(make_content: MakeContent, relative: str, data: bytes) -> Path:
    root = make_content({})
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return root


def _one(make_content: MakeContent, monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    documents, messages = _run(make_content, monkeypatch, {"people/ellen-vogt.yaml": text})
    assert documents == []
    [message] = messages
    return message


# Line 1 is the schema line in every case, so line numbers are the editor's.
SYNTAX_CASES = [
    pytest.param(
        SCHEMA + "name: Ellen Vogt\n\trole: erityisasiantuntija\n",
        "3:1: virhe: rivin sisennyksessä on sarkain (tab-merkki)",
        "sisennä välilyönneillä; YAML ei salli sarkaimia sisennyksessä", id="tab-in-mapping"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\ntopics:\n\t- tyollisyys\n",
        "4:1: virhe: rivin sisennyksessä on sarkain (tab-merkki)",
        "sisennä välilyönneillä; YAML ei salli sarkaimia sisennyksessä", id="tab-in-list"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\nrole: Huom: vain sijainen\n",
        "3:11: virhe: arvossa on kaksoispiste, jota YAML luulee uudeksi avaimeksi",
        'laita koko arvo lainausmerkkeihin: role: "Huom: vain sijainen", '
        "tai korjaa rivin sisennys", id="colon-in-value"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\n  role: erityisasiantuntija\n",
        "3:3: virhe: rivin 3 sisennys ei täsmää edellisiin riveihin",
        "saman tason avaimet alkavat samasta sarakkeesta; jos edellisen rivin arvossa on ': ', "
        "laita arvo lainausmerkkeihin", id="over-indented-key"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\ntitle:erityisasiantuntija\nemail: ellen@example.fi\n",
        "3:1: virhe: rivillä 3 kaksoispisteen jälkeen puuttuu välilyönti",
        "kirjoita muotoon avain: arvo, esim. title: erityisasiantuntija",
        id="no-space-after-colon"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\ntitle:erityisasiantuntija\n",
        "3:1: virhe: rivillä 3 kaksoispisteen jälkeen puuttuu välilyönti",
        "kirjoita muotoon avain: arvo, esim. title: erityisasiantuntija",
        id="no-space-after-colon-last-line"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\nerityisasiantuntija\nemail: ellen@example.fi\n",
        "3:1: virhe: rivi 3 ei ole muotoa 'avain: arvo'",
        "lisää avaimen perään kaksoispiste ja välilyönti; jos rivi jatkaa edellisen rivin "
        "tekstiä, sisennä se tai laita teksti lainausmerkkeihin", id="no-colon"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\nemail: @ellen\n",
        "3:8: virhe: arvo ei voi alkaa merkillä @ ilman lainausmerkkejä",
        'laita koko arvo lainausmerkkeihin: email: "@ellen"', id="at-sign"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\nrole: %50 työajasta\n",
        "3:7: virhe: arvo ei voi alkaa merkillä % ilman lainausmerkkejä",
        'laita koko arvo lainausmerkkeihin: role: "%50 työajasta"', id="percent"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\nrole: `koodi`\n",
        "3:7: virhe: arvo ei voi alkaa merkillä ` ilman lainausmerkkejä",
        'laita koko arvo lainausmerkkeihin: role: "`koodi`"', id="backtick"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\nrole: \"erityisasiantuntija\n" + "x: y\n" * 8,
        '3:7: virhe: rivillä 3 avattu lainausmerkki " jää sulkematta',
        'lisää arvon loppuun sulkeva "; kirjoita tekstin sisällä oleva " muotoon \\"',
        id="open-double-quote"),
    pytest.param(
        SCHEMA + "name: 'Ellen Vogt\nrole: x\n",
        "2:7: virhe: rivillä 2 avattu lainausmerkki ' jää sulkematta",
        "lisää arvon loppuun sulkeva '; kirjoita tekstin sisällä oleva ' kahdesti ('')",
        id="open-single-quote"),
    pytest.param(
        SCHEMA + 'name: Ellen Vogt\nrole: "Sanoi "moi" hän"\n',
        "3:15: virhe: lainausmerkeissä olevan arvon perässä on vielä tekstiä",
        'kirjoita tekstin sisällä oleva " muotoon \\", tai laita ulommiksi toisenlaiset '
        "lainausmerkit", id="quote-inside-quotes"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\ntopics:\n  - a\n - b\n",
        "5:2: virhe: rivin 5 sisennys ei täsmää rivillä 2 alkavan rakenteen kanssa",
        yaml_problems.INDENT_HINT, id="list-item-less-indented"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\ntopics:\n  - a\n  role: x\n",
        "5:3: virhe: rivin 5 sisennys ei täsmää rivillä 4 alkavan luettelon kanssa",
        yaml_problems.INDENT_HINT, id="key-inside-list"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\ncontact:\n  email: a@b.fi\n phone: 1\n",
        "5:2: virhe: rivin 5 sisennys ei täsmää rivillä 2 alkavan rakenteen kanssa",
        yaml_problems.INDENT_HINT, id="key-less-indented"),
    pytest.param(
        SCHEMA + "name: Ellen Vogt\ntopics: [a, b\n",
        "3:9: virhe: rivillä 3 avattu hakasulku [ jää sulkematta",
        "lisää loppuun ]; jos merkki kuuluu tekstiin, laita koko arvo lainausmerkkeihin",
        id="open-bracket"),
    pytest.param(
        SCHEMA + 'name: Ellen Vogt\nrole: "C:\\kansio"\n',
        "3:10: virhe: lainausmerkeissä olevassa tekstissä on kenoviiva \\, jota YAML ei tunne",
        "käytä puolilainausmerkkejä '…' tai kirjoita kenoviiva kahdesti \\\\", id="escape"),
    pytest.param(
        SCHEMA + "name: - Ellen Vogt\n",
        "2:7: virhe: luettelon '- '-kohta ei voi olla samalla rivillä avaimen kanssa",
        "aloita luettelo seuraavalta riviltä sisennettynä, tai laita arvo lainausmerkkeihin",
        id="dash-after-key"),
]


@pytest.mark.parametrize(("text", "first", "hint"), SYNTAX_CASES)
def test_syntax_error_is_finnish_with_position_and_hint(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch,
        text: str, first: str, hint: str) -> None:
    message = _one(make_content, monkeypatch, text)
    assert message == f"{FILE}:{first} [ellen-vogt]\n    vihje: {hint}"


def test_unknown_problems_keep_a_finnish_lead_and_the_original_in_parentheses() -> None:
    with pytest.raises(loader.YamlProblem) as caught:
        loader.parse_yaml("a: b\n... x\n")
    problem = caught.value
    assert problem.message.startswith("YAML-rakenne on virheellinen (")
    assert problem.position is not None
    assert problem.hint == yaml_problems.FALLBACK_HINT


NBSP_HINT = "korvaa merkki tavallisella välilyönnillä"
NBSP = "rivillä on näkymätön merkki (sitova välilyönti, U+00A0) tavallisen välilyönnin paikalla"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        pytest.param(SCHEMA + "name: Ellen Vogt\nemail: a@b.fi\nrole:\u00a0sijainen\nx: y\n",
                     "4:6", id="after-colon"),
        pytest.param(SCHEMA + "name: Ellen Vogt\nrole:\u00a0sijainen\n", "3:6",
                     id="after-colon-last-line"),
        pytest.param(SCHEMA + "name\u00a0: Ellen Vogt\n", "2:5", id="in-key"),
        pytest.param(SCHEMA + "name: Ellen Vogt\ncontact:\n  a: 1\n\u00a0 b: 2\n", "5:1",
                     id="in-indentation"),
        pytest.param(SCHEMA + "name: Ellen Vogt\ntopics:\n  -\u00a0a\n  - b\n", "4:4",
                     id="after-dash"),
        pytest.param(SCHEMA + "name:\u00a0\n  - a\n", "2:6", id="whole-file-became-text"),
    ],
)
def test_invisible_space_is_reported_where_it_stands(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch,
        text: str, where: str) -> None:
    message = _one(make_content, monkeypatch, text)
    assert message == f"{FILE}:{where}: virhe: {NBSP} [ellen-vogt]\n    vihje: {NBSP_HINT}"


@pytest.mark.parametrize(
    ("char", "name"),
    [("\u202f", "kapea sitova välilyönti"), ("\u200b", "leveydetön välilyönti"),
     ("\u2009", "erikoisvälilyönti"), ("\u3000", "leveä välilyönti")],
)
def test_other_invisible_spaces(make_content: MakeContent, monkeypatch: pytest.MonkeyPatch,
                                char: str, name: str) -> None:
    text = SCHEMA + f"name: Ellen Vogt\nrole:{char}sijainen\nx: y\n"
    message = _one(make_content, monkeypatch, text)
    assert message == (
        f"{FILE}:3:6: virhe: rivillä on näkymätön merkki ({name}, U+{ord(char):04X}) "
        f"tavallisen välilyönnin paikalla [ellen-vogt]\n    vihje: {NBSP_HINT}")


def test_invisible_space_inside_text_is_content(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    text = PERSON + "summary: |\n  Huom:\u00a0tärkeä\n  \u00a0sisennys\nrole2: 5\u00a0000 €\n"
    [document], messages = _run(make_content, monkeypatch, {"people/ellen-vogt.yaml": text})
    assert messages == []
    assert document.data["role2"] == "5\u00a0000 €"


def test_byte_order_mark_is_accepted_and_positions_stay_right(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _write_bytes(make_content, "people/ellen-vogt.yaml",
                        b"\xef\xbb\xbf" + (PERSON + "summary: Katso [[kela]].\n").encode())
    monkeypatch.chdir(root.parent)
    report = Report()
    [document] = load(root, report)
    assert report.items == []
    assert document.position(("name",), key=True) == (2, 1)
    assert document.position(("role",)) == (3, 7)
    assert document.position_of(("summary",), "[[kela]]") == (4, 16)
    assert document.text.startswith("# yaml-language-server")


def test_byte_order_mark_without_schema_line_gets_the_usual_warning_at_1_1(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _write_bytes(make_content, "people/ellen-vogt.yaml", b"\xef\xbb\xbfname: x\n")
    monkeypatch.chdir(root.parent)
    report = Report()
    load(root, report)
    assert [d.format().splitlines()[0] for d in report.sorted()] == [
        f"{FILE}:1:1: varoitus: ensimmäinen rivi ei ole skeemarivi [ellen-vogt]"]


COMMENT_WARNING = (
    f"{FILE}:3:25: varoitus: '#' aloittaa kommentin, joten arvoksi jää vain "
    "'Verkoston kokous' [meeting]\n"
    '    vihje: jos # kuuluu tekstiin, laita koko arvo lainausmerkkeihin: '
    'title: "Verkoston kokous #3"; jos kommentti on tarkoituksellinen, siirrä se omalle '
    "rivilleen").replace(FILE, "content/meetings/meeting.yaml")
MEETING = ("# yaml-language-server: $schema=../../schema/meeting.schema.json\n"
           "name: x\ntitle: Verkoston kokous #3\n")


def test_comment_after_a_value_warns_at_the_hash(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    [document], messages = _run(make_content, monkeypatch, {"meetings/meeting.yaml": MEETING})
    assert messages == [COMMENT_WARNING]
    assert document.data["title"] == "Verkoston kokous"  # YAML's reading, now not silent


@pytest.mark.parametrize(
    ("line", "where", "message", "fixed"),
    [
        ("title: #3\n", "3:8", "'#' aloittaa kommentin, joten kentän arvo jää tyhjäksi",
         ': title: "#3";'),
        ("topics:\n  - tyollisyys # tarkista\n", "4:16",
         "'#' aloittaa kommentin, joten arvoksi jää vain 'tyollisyys'",
         ': - "tyollisyys # tarkista";'),
        ('title: Sanoi "moi" #1\n', "3:20",
         "'#' aloittaa kommentin, joten arvoksi jää vain 'Sanoi \"moi\"'",
         ": title: 'Sanoi \"moi\" #1';"),
        ("title: Verkoston\n  kokous #3\n", "4:10",
         "'#' aloittaa kommentin, joten arvoksi jää vain 'Verkoston kokous'",
         " lainausmerkkeihin;"),
    ],
)
def test_comment_after_other_values(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch,
        line: str, where: str, message: str, fixed: str) -> None:
    text = MEETING.replace("title: Verkoston kokous #3\n", line)
    _, messages = _run(make_content, monkeypatch, {"meetings/meeting.yaml": text})
    [warning] = messages
    first, hint = warning.split("\n")
    assert first == f"content/meetings/meeting.yaml:{where}: varoitus: {message} [meeting]"
    assert fixed in hint


@pytest.mark.parametrize(
    "text",
    [
        'title: "Verkoston kokous #3"\n',
        "title: 'Verkoston kokous #3'\n",
        "title: Verkoston kokous#3\n",
        "# oma kommentti\ntitle: Verkoston kokous\n",
        "title: |\n  Kokous #3\n",
        "topics: [a, b]  # flow\n",
    ],
)
def test_no_comment_warning_when_nothing_is_cut(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    _, messages = _run(make_content, monkeypatch,
                       {"meetings/meeting.yaml": MEETING.replace(
                           "title: Verkoston kokous #3\n", text)})
    assert messages == []


def test_comment_warning_comes_back_from_the_parse_cache(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    parses: list[str] = []
    real = loader.parse_yaml

    def counting(text: str) -> parsecache.Parsed:
        parses.append(text)
        return real(text)

    monkeypatch.setattr(loader, "parse_yaml", counting)
    files = {"meetings/meeting.yaml": MEETING}
    for _ in range(2):
        _, messages = _run(make_content, monkeypatch, files, cache=True)
        assert messages == [COMMENT_WARNING]
    assert len(parses) == 1  # the second (warm) build read the cache


def test_cache_files_of_the_old_format_are_not_read(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    """A format-1 entry has no warnings; it must be ignored, not unpacked."""
    import hashlib
    import marshal

    root = make_content({"meetings/meeting.yaml": MEETING})
    raw = (root / "meetings/meeting.yaml").read_bytes()
    data, values, keys, _ = loader.parse_yaml(raw.decode())
    body = marshal.dumps((parsecache.code_version(),
                          {parsecache.key_of(raw): (data, values, keys)}))
    cached = root.parent / parsecache.FOLDER / parsecache.FILE_NAME
    cached.parent.mkdir(parents=True)
    for head in (b"yaml-parse-cache 1", b"yaml-parse-cache 2"):  # before generator.cache
        cached.write_bytes(head + b"\n" + hashlib.sha256(body).hexdigest().encode()
                           + b"\n" + body)
        _, messages = _run(make_content, monkeypatch, {}, cache=True)
        assert messages == [COMMENT_WARNING]


def test_hidden_folders_are_skipped_like_hidden_files(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    documents, messages = _run(make_content, monkeypatch, {
        "people/ellen-vogt.yaml": PERSON,
        "people/.luonnokset/uusi-henkilo.yaml": PERSON,
        "people/.uusi.yaml": PERSON,
        "people/ryhma/.luonnokset/toinen.yaml": PERSON,
        "people/ryhma/matti.yaml": PERSON,
    })
    assert [d.id for d in documents] == ["ellen-vogt", "matti"]
    assert messages == []


def test_uppercase_extension_says_to_use_lowercase(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    documents, messages = _run(make_content, monkeypatch, {"people/ellen-vogt.YAML": PERSON})
    assert documents == []
    assert messages == [
        "content/people/ellen-vogt.YAML: virhe: tiedostopääte '.YAML' on isoilla kirjaimilla\n"
        "    vihje: nimeä tiedosto uudelleen: ellen-vogt.yaml (pääte pienillä kirjaimilla)"]


def test_file_directly_in_content_says_to_move_it(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    documents, messages = _run(make_content, monkeypatch, {"ellen-vogt.yaml": PERSON,
                                                           "vanhat/x.yaml": PERSON})
    assert documents == []
    folders = ("laws/ (lait ja asetukset), bodies/ (organisaatiot), people/ (henkilöt), "
               "committees/ (toimielimet), processes/ (prosessit), meetings/ (kokoukset), "
               "topics/ (aiheet), terms/ (sanasto)")
    assert messages == [
        "content/ellen-vogt.yaml: virhe: tiedosto 'ellen-vogt.yaml' on suoraan "
        "sisältökansiossa, ei minkään sisältölajin kansiossa\n"
        f"    vihje: siirrä tiedosto lajinsa kansioon: {folders}",
        "content/vanhat: virhe: tuntematon sisältökansio 'vanhat'\n"
        f"    vihje: sisältö kuuluu kansioihin: {folders}",
    ]


@pytest.mark.parametrize(("text", "position"), [
    ("name: [\n", (1, 7)),
    ("name: x\nsummary: {a: 1\n", (2, 10)),
])
def test_a_bracket_left_open_at_the_end_is_shown_where_it_opens(
        text: str, position: tuple[int, int]) -> None:
    with pytest.raises(loader.YamlProblem) as caught:
        loader.parse_yaml(text)
    problem = caught.value
    assert problem.position == position
    assert problem.message.startswith(f"rivillä {position[0]} avattu ")
    assert problem.message.endswith(" jää sulkematta")


def test_a_quote_closed_only_by_a_later_value_is_shown_where_it_opened() -> None:
    text = ('series: verkosto\ntitle: "Verkoston kokous\ndate: 2025-03-24\n'
            'start: "12:00"\n')
    with pytest.raises(loader.YamlProblem) as caught:
        loader.parse_yaml(text)
    problem = caught.value
    assert problem.position == (2, 8)
    assert problem.message == 'rivillä 2 avattu lainausmerkki " jää sulkematta'
    assert problem.hint == ('lisää rivin 2 arvon loppuun sulkeva "; nyt sen sulkee vasta '
                            'rivin 4 lainausmerkki')


def test_deep_nesting_is_an_error_at_its_line_not_a_traceback(
        make_content: MakeContent, monkeypatch: pytest.MonkeyPatch) -> None:
    # `- - - … x` 10,000 deep once overflowed Python's stack (RecursionError) in `check`.
    deep = SCHEMA + "name: Ellen Vogt\nsources:\n  " + "- " * 10_000 + "x\n"
    message = _one(make_content, monkeypatch, deep)
    assert message == (
        f"{FILE}:4:{3 + 2 * (loader.MAX_DEPTH - 1)}: virhe: rakenne on sisäkkäin liian "
        f"syvällä (yli {loader.MAX_DEPTH} tasoa) [ellen-vogt]\n"
        "    vihje: sisältö tarvitsee vain muutaman sisäkkäisen tason; tarkista sisennykset ja "
        "rivien alun '- '-merkit")


def test_deep_nesting_through_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    content = tmp_path / "content" / "people"
    content.mkdir(parents=True)
    (content / "ellen-vogt.yaml").write_text(
        SCHEMA + "name: Ellen Vogt\nsources:\n  " + "- " * 10_000 + "x\n", "utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--content",
                           str(tmp_path / "content")], capture_output=True, text=True,
                          cwd=tmp_path, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "rakenne on sisäkkäin liian syvällä (yli 50 tasoa)" in done.stderr + done.stdout
