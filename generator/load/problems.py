"""What went wrong in a YAML file, said in Finnish at the place the editor must look.

PyYAML's own messages are English and name the place it noticed a problem, often a line
or more after it (an unclosed quote is reported at the end of the file). Here they become
Finnish messages with a hint that shows the fixed line where the fix is clear, at the line
where the construct began. Characters that look like spaces but are not (a non-breaking
space after a colon) are found at their exact line and column, and a ``#`` that cut a
value short is found for a warning. The loader (:mod:`.loader`) raises and collects these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

import yaml

Path_ = tuple[str | int, ...]


class Position(NamedTuple):
    """Where a key or value starts (a tuple: a file has tens of thousands of them)."""

    line: int  # 1-based
    col: int  # 1-based



class YamlProblem(Exception):
    def __init__(self, message: str, mark: Any | None = None, hint: str = "", *,
                 at: Position | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.position = (at if at is not None
                         else Position(mark.line + 1, mark.column + 1) if mark is not None
                         else None)
        self.hint = hint


def short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _quoted(value: str) -> str:
    """``value`` as a YAML quoted scalar an editor can copy."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def quoted_line(line: str, begin: int) -> str:
    """``line`` with its value (from column ``begin``, 0-based, to the end) quoted."""
    return (line[:begin] + _quoted(line[begin:].rstrip())).strip()


def hash_lines(text: str) -> set[int]:
    """0-based numbers of the lines where a ``#`` follows a space after some content."""
    return {number for number, line in enumerate(text.split("\n"))
            if (" #" in line or "\t#" in line) and not line.lstrip().startswith("#")}


# Characters that look like (or are) a space but are not one for YAML: a value or key then
# silently contains them, or the structure breaks far from where they stand.
_LOOKALIKE_NAMES = {
    "\u00a0": "sitova välilyönti",
    "\u200b": "leveydetön välilyönti",
    "\u202f": "kapea sitova välilyönti",
    "\u3000": "leveä välilyönti",
    "\ufeff": "näkymätön BOM-merkki",
}
_LOOKALIKES = "\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff"
_LOOKALIKE = re.compile(f"[{_LOOKALIKES}]")
_LOOKALIKE_CHARS = ("\u00a0\u202f\u200b\u2009\u3000\ufeff\u1680\u205f"
                    + "".join(map(chr, range(0x2000, 0x2009))) + "\u200a")


def has_lookalike(text: str) -> bool:
    """Whether ``text`` contains a look-alike space: one-character searches are several
    times faster than a regular expression over the text (this runs for every file)."""
    for char in _LOOKALIKE_CHARS:  # noqa: SIM110 - any() with a generator is ~20 % slower
        if char in text:
            return True
    return False


# A look-alike where YAML needs a space, at the start of a line (after the indentation and
# any list dashes): in the indentation, right after a dash, right after a key's colon, or
# between a key and its colon.
_STRUCTURAL_LOOKALIKE = re.compile(
    rf"^[ \t]*(?:-[ \t]+)*(?:"
    rf"(?P<indent>[{_LOOKALIKES}])"
    rf"|-(?P<dash>[{_LOOKALIKES}])"
    rf"|[^\s:#'\"{_LOOKALIKES}][^:#\n]*?:(?P<colon>[{_LOOKALIKES}])"
    rf"|[^\s:#'\"{_LOOKALIKES}][^:#\n]*?(?P<key>[{_LOOKALIKES}])"
    rf"(?=[{_LOOKALIKES} \t]*:(?:[ \t]|$)))")
_KEY_SHAPED_LOOKALIKE = re.compile(rf"^(?:[a-z_][a-z0-9_-]*:|-)(?P<char>[{_LOOKALIKES}])")


def _lookalike_problem(text: str, line: int, col: int) -> YamlProblem:
    """An error for the look-alike space at ``line``:``col`` (1-based)."""
    char = text.split("\n")[line - 1][col - 1]
    name = _LOOKALIKE_NAMES.get(char, "erikoisvälilyönti")
    return YamlProblem(
        f"rivillä on näkymätön merkki ({name}, U+{ord(char):04X}) tavallisen välilyönnin "
        "paikalla", hint="korvaa merkki tavallisella välilyönnillä", at=Position(line, col))


def _structural_lookalike(text: str, first_line: int = 0, last_line: int | None = None
                          ) -> Position | None:
    """The first look-alike space in a place where YAML needs a real one, on the lines
    ``first_line``..``last_line`` (0-based, inclusive)."""
    lines = text.split("\n")
    stop = len(lines) - 1 if last_line is None else min(last_line, len(lines) - 1)
    for number in range(max(first_line, 0), stop + 1):
        found = _STRUCTURAL_LOOKALIKE.search(lines[number])
        if found:
            return Position(number + 1, found.start(found.lastgroup or 0) + 1)
    return None


def check_lookalikes(text: str, data: Any, values: dict[Path_, tuple[int, int]],
                      keys: dict[Path_, tuple[int, int]]) -> None:
    """Raise for look-alike spaces that changed the structure of a file that parsed: a key
    that contains one (``name\\u00a0:``), a list item or a ``key:\\u00a0value`` that became
    text, or a file that became one long text. Run only when the file contains one."""
    lines = text.split("\n")
    found: list[Position] = []
    if not isinstance(data, dict):
        where = _structural_lookalike(text)
        if where is not None:
            found.append(where)
    for path, (line, col) in keys.items():
        key = path[-1]
        if isinstance(key, str) and _LOOKALIKE.search(key):
            match = _LOOKALIKE.search(lines[line - 1], col - 1)
            if match:
                found.append(Position(line, match.start() + 1))
    for path, value in string_values(data, ()):
        line, col = values[path]
        source = lines[line - 1][col - 1:]
        if _LOOKALIKE.search(value) and _KEY_SHAPED_LOOKALIKE.match(source):
            match = _KEY_SHAPED_LOOKALIKE.match(source)
            assert match is not None
            found.append(Position(line, col + match.start("char")))
    if found:
        where = min(found)
        raise _lookalike_problem(text, where.line, where.col)


def string_values(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """``(path, text)`` for every string in parsed data, in file order."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from string_values(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from string_values(value, (*path, index))


FALLBACK_HINT = "tarkista rivin sisennys, kaksoispisteet ja lainausmerkit"
INDENT_HINT = ("saman tason avaimet ja saman luettelon '- '-kohdat alkavat samasta "
                "sarakkeesta; sisennä välilyönneillä")


def syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """PyYAML's English error as a Finnish message pointing where the editor must look."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark, start = exc.problem_mark, exc.context_mark
    if mark is None:
        mark = start
    if mark is None:  # pragma: no cover - PyYAML always gives one
        return YamlProblem(f"YAML-rakenne on virheellinen ({problem or context})",
                           hint=FALLBACK_HINT)
    lines = text.split("\n")

    def line_of(number: int) -> str:
        return lines[number] if 0 <= number < len(lines) else ""

    here = line_of(mark.line)
    char = here[mark.column:mark.column + 1]
    began = start.line + 1 if start is not None else mark.line + 1

    # An invisible look-alike space on the lines involved is the real cause.
    if has_lookalike(text):
        first = min(start.line, mark.line) if start is not None else mark.line
        where = _structural_lookalike(text, first, mark.line)
        if where is not None:
            return _lookalike_problem(text, where.line, where.col)

    if "tab" in problem or char == "\t":
        tab = here.find("\t")
        return YamlProblem(
            "rivin sisennyksessä on sarkain (tab-merkki)",
            hint="sisennä välilyönneillä; YAML ei salli sarkaimia sisennyksessä",
            at=Position(mark.line + 1, (tab if tab >= 0 else mark.column) + 1))
    if "cannot start any token" in problem or context in (
            "while scanning an anchor", "while scanning an alias", "while scanning a tag"):
        at = mark if "cannot start any token" in problem or start is None else start
        first_char = line_of(at.line)[at.column:at.column + 1]
        return YamlProblem(
            f"arvo ei voi alkaa merkillä {first_char} ilman lainausmerkkejä",
            hint=f"laita koko arvo lainausmerkkeihin: {quoted_line(line_of(at.line), at.column)}",
            at=Position(at.line + 1, at.column + 1))
    if problem.startswith("mapping values are not allowed"):
        colon = here.find(": ")
        if 0 <= colon < mark.column:  # `key: text: more` on one line
            begin = len(here) - len(here[colon + 1:].lstrip())
            return YamlProblem(
                "arvossa on kaksoispiste, jota YAML luulee uudeksi avaimeksi",
                hint=f"laita koko arvo lainausmerkkeihin: {quoted_line(here, begin)}, "
                "tai korjaa rivin sisennys",
                at=Position(mark.line + 1, mark.column + 1))
        indent = len(here) - len(here.lstrip())
        return YamlProblem(
            f"rivin {mark.line + 1} sisennys ei täsmää edellisiin riveihin",
            hint="saman tason avaimet alkavat samasta sarakkeesta; jos edellisen rivin arvossa "
            "on ': ', laita arvo lainausmerkkeihin",
            at=Position(mark.line + 1, indent + 1))
    if problem.startswith("block sequence entries are not allowed"):
        return YamlProblem(
            "luettelon '- '-kohta ei voi olla samalla rivillä avaimen kanssa",
            hint="aloita luettelo seuraavalta riviltä sisennettynä, tai laita arvo "
            "lainausmerkkeihin", at=Position(mark.line + 1, mark.column + 1))
    if "could not find expected ':'" in problem and start is not None:
        key_line = line_of(start.line)
        glued = re.match(r"\s*(?:-\s+)*([^\s:#'\"][^:#]*?):(?!//)(\S)", key_line)
        if glued:
            fixed = key_line[:glued.end(1) + 1] + " " + key_line[glued.end(1) + 1:].lstrip()
            return YamlProblem(
                f"rivillä {began} kaksoispisteen jälkeen puuttuu välilyönti",
                hint=f"kirjoita muotoon avain: arvo, esim. {fixed.strip()}",
                at=Position(began, start.column + 1))
        return YamlProblem(
            f"rivi {began} ei ole muotoa 'avain: arvo'",
            hint="lisää avaimen perään kaksoispiste ja välilyönti; jos rivi jatkaa edellisen "
            "rivin tekstiä, sisennä se tai laita teksti lainausmerkkeihin",
            at=Position(began, start.column + 1))
    if "quoted scalar" in context and start is not None:
        quote = line_of(start.line)[start.column:start.column + 1] or '"'
        if "end of stream" in problem or "document" in problem:
            inner = ("kirjoita tekstin sisällä oleva \" muotoon \\\"" if quote == '"'
                     else "kirjoita tekstin sisällä oleva ' kahdesti ('')")
            return YamlProblem(
                f"rivillä {began} avattu lainausmerkki {quote} jää sulkematta",
                hint=f"lisää arvon loppuun sulkeva {quote}; {inner}",
                at=Position(began, start.column + 1))
        if "escape" in problem:
            return YamlProblem(
                "lainausmerkeissä olevassa tekstissä on kenoviiva \\, jota YAML ei tunne",
                hint="käytä puolilainausmerkkejä '…' tai kirjoita kenoviiva kahdesti \\\\",
                at=Position(mark.line + 1, mark.column + 1))
    before = here[:mark.column].rstrip()
    indent = len(here) - len(here.lstrip())
    if (problem.startswith(("did not find expected key", "expected <block end>"))
            and mark.column > indent and before.endswith(('"', "'"))):
        opened = _opening_quote(text, lines, mark.line, len(before) - 1)
        if opened is not None:  # a quote left open, closed only by a later value's quote
            line, col = opened
            quote = before[-1]
            return YamlProblem(
                f"rivillä {line + 1} avattu lainausmerkki {quote} jää sulkematta",
                hint=f"lisää rivin {line + 1} arvon loppuun sulkeva {quote}; nyt sen sulkee "
                f"vasta rivin {mark.line + 1} lainausmerkki",
                at=Position(line + 1, col + 1))
        inner = ("kirjoita tekstin sisällä oleva \" muotoon \\\"" if before[-1] == '"'
                 else "kirjoita tekstin sisällä oleva ' kahdesti ('')")
        return YamlProblem(
            "lainausmerkeissä olevan arvon perässä on vielä tekstiä",
            hint=f"{inner}, tai laita ulommiksi toisenlaiset lainausmerkit",
            at=Position(mark.line + 1, mark.column + 1))
    if problem.startswith(("did not find expected '-' indicator",
                           "did not find expected key", "expected <block end>")):
        is_list = "'-'" in problem or "collection" in context
        what = "luettelon" if is_list else "rakenteen"
        return YamlProblem(
            f"rivin {mark.line + 1} sisennys ei täsmää rivillä {began} alkavan {what} kanssa",
            hint=INDENT_HINT, at=Position(mark.line + 1, indent + 1))
    for closer, name in (("]", "hakasulku ["), ("}", "aaltosulku {")):
        if f"',' or '{closer}'" in problem and start is not None:
            return YamlProblem(
                f"rivillä {began} avattu {name} jää sulkematta",
                hint=f"lisää loppuun {closer}; jos merkki kuuluu tekstiin, laita koko arvo "
                "lainausmerkkeihin", at=Position(began, start.column + 1))
    if "flow node" in context and "node content" in problem:
        opener = _last_opener(lines, mark.line, mark.column)
        if opener is not None:  # `name: [` and nothing after: the bracket is not closed
            line, col, char = opener
            name = "hakasulku [" if char == "[" else "aaltosulku {"
            closer = "]" if char == "[" else "}"
            return YamlProblem(
                f"rivillä {line + 1} avattu {name} jää sulkematta",
                hint=f"lisää loppuun {closer}; jos merkki kuuluu tekstiin, laita koko arvo "
                "lainausmerkkeihin", at=Position(line + 1, col + 1))
    if "block scalar" in context:
        return YamlProblem(
            f"merkin {line_of(start.line)[start.column:start.column + 1] if start else '|'} "
            "jälkeen samalla rivillä ei saa olla tekstiä",
            hint="aloita teksti seuraavalta riviltä sisennettynä, tai laita koko arvo "
            "lainausmerkkeihin", at=Position(mark.line + 1, mark.column + 1))
    return YamlProblem(f"YAML-rakenne on virheellinen ({problem or context})", mark,
                       FALLBACK_HINT)


def _last_opener(lines: list[str], line: int, col: int) -> tuple[int, int, str] | None:
    """The last ``[`` or ``{`` before ``(line, col)``: where an unclosed flow collection
    began (PyYAML reports it where the text ran out)."""
    for number in range(min(line, len(lines) - 1), -1, -1):
        text = lines[number][:col] if number == line else lines[number]
        found = max(text.rfind("["), text.rfind("{"))
        if found >= 0:
            return number, found, text[found]
    return None


def _opening_quote(text: str, lines: list[str], line: int, col: int
                   ) -> tuple[int, int] | None:
    """Where the quoted value that closes at ``(line, col)`` opened, if on an earlier line:
    then the quote on that line was left open (an editor rarely writes one quoted value
    over several lines)."""
    closing = sum(len(text_line) + 1 for text_line in lines[:line]) + col
    quote = text[closing:closing + 1]
    opening = text.rfind(quote, 0, closing) if quote in ('"', "'") else -1
    if opening < 0 or "\n" not in text[opening:closing]:
        return None
    opened_line = text.count("\n", 0, opening)
    return opened_line, opening - (text.rfind("\n", 0, opening) + 1)
