"""Load stage: YAML safety and exact messages with positions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.diagnostics import Report
from generator.load.files import load

BODY = """\
name: Työ- ja elinkeinoministeriö
type: ministeriö
sources:
  - url: https://tem.fi
"""


def _load(make_content: Callable[[dict[str, str]], Path], files: dict[str, str]
          ) -> tuple[list[str], Report]:
    report = Report()
    documents = load(make_content(files), report)
    return [d.id for d in documents], report


def _messages(report: Report) -> list[str]:
    """First lines of the messages, without the missing-schema-line warning."""
    return [d.format().splitlines()[0] for d in report.sorted() if "skeemarivi" not in d.message]


def test_valid_file_loads_with_positions(make_content: Callable[[dict[str, str]], Path]) -> None:
    report = Report()
    documents = load(make_content({"bodies/tem.yaml": BODY}), report)
    assert not report.errors
    [document] = documents
    assert document.id == "tem" and document.kind.key == "body"
    assert document.data["name"] == "Työ- ja elinkeinoministeriö"
    assert document.position(("type",), key=True).line == 2
    assert document.position(("sources", 0, "url")) == (4, 10)
    assert document.values[("sources", 0, "url")] == (4, 10)


def test_scalars_stay_text_whatever_yaml_11_says(
    make_content: Callable[[dict[str, str]], Path]
) -> None:
    report = Report()
    [document] = load(make_content({"bodies/x.yaml": "a: 10:30\nb: no\nc: on\nd: 0o17\n"}),
                      report)
    assert document.data == {"a": "10:30", "b": "no", "c": "on", "d": "0o17"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: a\nname: b\n",
         "content/bodies/x.yaml:2:1: virhe: avain 'name' toistuu (ensimmäinen rivillä 1) [x]"),
        ("a: &anchor 1\nb: 2\n",
         "content/bodies/x.yaml:1:4: virhe: YAML-ankkurit (&anchor) eivät ole sallittuja [x]"),
        ("a: !!python/object:os.system echo\n",
         "content/bodies/x.yaml:1:4: virhe: YAML-tagit (tag:yaml.org,2002:python/object:os.system)"
         " eivät ole sallittuja [x]"),
        ("- a\n- b\n",
         "content/bodies/x.yaml:1:1: virhe: tiedoston ylätason pitää olla avain–arvo-rakenne [x]"),
        ("", "content/bodies/x.yaml:1:1: virhe: tiedosto on tyhjä [x]"),
        ("# vain kommentti\n", "content/bodies/x.yaml:1:1: virhe: tiedosto on tyhjä [x]"),
        ("  \n\n", "content/bodies/x.yaml:1:1: virhe: tiedosto on tyhjä [x]"),
        ("a: 1\n---\nb: 2\n",
         "content/bodies/x.yaml:2:1: virhe: tiedostossa on useampi YAML-dokumentti [x]"),
        ("a: [1, 2\n",
         "content/bodies/x.yaml:1:4: virhe: rivillä 1 avattu hakasulku [ jää sulkematta [x]"),
    ],
)
def test_bad_yaml_is_reported_with_position(
    make_content: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch,
    text: str, expected: str,
) -> None:
    root = make_content({"bodies/x.yaml": text})
    monkeypatch.chdir(root.parent)
    report = Report()
    assert load(root, report) == []
    assert _messages(report) == [expected]


def test_alias_is_rejected(make_content: Callable[[dict[str, str]], Path],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_content({"bodies/x.yaml": "a: &a [1]\n"})
    (root / "bodies/y.yaml").write_text("b: *a\n", "utf-8")
    monkeypatch.chdir(root.parent)
    report = Report()
    load(root, report)
    assert "content/bodies/y.yaml:1:4: virhe: YAML-viittaukset (*alias) eivät ole sallittuja [y]" \
        in _messages(report)


def test_billion_laughs_is_rejected_before_expansion(
    make_content: Callable[[dict[str, str]], Path]
) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
              for i in range(9)]
    ids, report = _load(make_content, {"bodies/x.yaml": "\n".join(lines) + "\n"})
    assert ids == []
    assert len(report.errors) == 1


def test_non_utf8_file(make_content: Callable[[dict[str, str]], Path],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_content({})
    (root / "bodies").mkdir(parents=True)
    (root / "bodies/x.yaml").write_bytes("name: ok\ntitle: Jyväskylä\n".encode("latin-1"))
    monkeypatch.chdir(root.parent)
    report = Report()
    load(root, report)
    assert _messages(report) == [
        "content/bodies/x.yaml:2:1: virhe: tiedosto ei ole UTF-8-muotoista tekstiä [x]"
    ]


def test_file_over_one_mib(make_content: Callable[[dict[str, str]], Path],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_content({"bodies/x.yaml": "name: " + "a" * (1024 * 1024) + "\n"})
    monkeypatch.chdir(root.parent)
    report = Report()
    assert load(root, report) == []
    [message] = _messages(report)
    assert message.startswith("content/bodies/x.yaml: virhe: tiedosto on liian suuri (")


def test_stray_files_and_folders_are_errors_not_skipped(
    make_content: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_content({"bodies/tem.yaml": BODY, "bodies/notes.txt": "x",
                         "organisations/x.yaml": BODY, "bodies/Bad_Name.yaml": BODY})
    monkeypatch.chdir(root.parent)
    report = Report()
    ids = [d.id for d in load(root, report)]
    assert ids == ["tem"]
    messages = _messages(report)
    assert "content/bodies/notes.txt: virhe: tiedosto 'notes.txt' ei ole YAML-tiedosto" in messages
    assert "content/organisations: virhe: tuntematon sisältökansio 'organisations'" in messages
    assert ("content/bodies/Bad_Name.yaml: virhe: tiedostonimi 'Bad_Name.yaml' ei kelpaa "
            "tunnisteeksi") in messages


def test_missing_schema_line_is_a_warning(make_content: Callable[[dict[str, str]], Path],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_content({
        "bodies/tem.yaml": BODY,
        "bodies/kela.yaml": "# yaml-language-server: $schema=../../schema/body.schema.json\n"
        + BODY,
    })
    monkeypatch.chdir(root.parent)
    report = Report()
    load(root, report)
    assert [d.format() for d in report.sorted()] == [
        "content/bodies/tem.yaml:1:1: varoitus: ensimmäinen rivi ei ole skeemarivi [tem]\n"
        "    vihje: lisää alkuun: # yaml-language-server: $schema=../../schema/body.schema.json"
        " (VS Code täydentää silloin kentät)"
    ]
