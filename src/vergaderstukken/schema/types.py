"""The small type language in which `schema/__init__.py` declares every key: its scalars
here, lists and mappings in `mappings.py`.

Each type converts a PyYAML node (which keeps its line) into a plain value, reporting
problems with `file:line` instead of raising, so one run finds every mistake. Scalars are
read from their source text, never from YAML 1.1's guesses: `tijd: 15:45` stays "15:45"
(not the sexagesimal 945) and `datum: 2024-02-30` is reported, not a crash.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final, Literal

import yaml

from ..exceptions import Loc, Problems
from ..namen import ISO_DATE, did_you_mean, parse_iso_date
from ..safe_read import shown

NULL_TAG = "tag:yaml.org,2002:null"
TRUE_WORDS = {"true", "yes", "ja", "on"}
FALSE_WORDS = {"false", "no", "nee", "off"}
TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
MAX_DIGITS = 9  # Python refuses int() of more than 4,300 digits; no count needs 10


@dataclass
class Context:
    """Where values are read from (`file`) and where their problems go."""

    file: Path
    problems: Problems

    def loc(self, node: yaml.Node) -> Loc:
        """The file and line at which `node` starts."""
        return Loc(self.file, node.start_mark.line + 1)

    def error(self, node: yaml.Node, message: str) -> None:
        """Report `message` at the line of `node`."""
        self.problems.error(self.loc(node), message)


class _Invalid(enum.Enum):
    INVALID = "invalid"


INVALID: Final = _Invalid.INVALID  # a value that was reported and must not be used
Invalid = Literal[_Invalid.INVALID]
JsonSchema = dict[str, Any]


def is_null(node: yaml.Node) -> bool:
    """Whether `node` is an unquoted empty value (`key:` or `key: ~`)."""
    return (
        isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG and node.style in (None, "")
    )  # libyaml says "" for plain


def kind_of(node: yaml.Node) -> str:
    """What `node` is, in Dutch, for a message that says it is the wrong kind."""
    if isinstance(node, yaml.MappingNode):
        return "sleutels met waarden"
    if isinstance(node, yaml.SequenceNode):
        return "een lijst"
    return f"de waarde '{shown(node.value)}'"


class Type:
    """Base of all schema types. `noun` says in Dutch what is expected (in messages);
    `describe()` says it for the format reference; `empty` stands in for a required value
    that was missing (and reported), so loading can go on and find the next mistake."""

    noun = "een waarde"
    empty: Any = None

    def describe(self) -> str:
        """What is expected, in Dutch, for the format reference."""
        return self.noun

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> Any:
        """The plain value of `node`, or INVALID after reporting why (`what` names it)."""
        raise NotImplementedError

    def json_schema(self) -> JsonSchema:
        """The JSON Schema of this type, for editors."""
        raise NotImplementedError

    def _scalar(self, node: yaml.Node, ctx: Context, what: str) -> str | Invalid:
        if not isinstance(node, yaml.ScalarNode):
            ctx.error(node, f"{what} moet {self.noun} zijn, niet {kind_of(node)}")
            return INVALID
        text: str = node.value
        return text


class Text(Type):
    """Any scalar, kept as its source text; `markdown` when it may carry formatting."""

    noun = "een tekst"
    empty = ""

    def __init__(self, markdown: bool = False) -> None:
        self.markdown = markdown

    def describe(self) -> str:
        """Says whether formatting is allowed."""
        return "een tekst met opmaak (Markdown)" if self.markdown else self.noun

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> str | Invalid:
        """The scalar's source text."""
        return self._scalar(node, ctx, what)

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        schema: JsonSchema = {"type": ["string", "number", "boolean"]}
        if self.markdown:
            schema["contentMediaType"] = "text/markdown"
        return schema


class Integer(Type):
    """A whole number written in digits, at least `minimum` (and at most `maximum`)."""

    noun = "een geheel getal"

    def __init__(self, minimum: int = 0, maximum: int | None = None) -> None:
        self.minimum, self.maximum = minimum, maximum
        if minimum == 1:
            self.noun = "een positief geheel getal"

    def describe(self) -> str:
        """Names the range when there is a maximum."""
        if self.maximum is not None:
            return f"een geheel getal van {self.minimum} tot en met {self.maximum}"
        return self.noun

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> int | Invalid:
        """The number; digits only, at most MAX_DIGITS of them, within range."""
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        if not re.fullmatch(r"\d+", value):
            ctx.error(node, f"{what} moet {self.noun} zijn, niet '{shown(value)}'")
            return INVALID
        if len(value) > MAX_DIGITS:
            ctx.error(node, f"{what} is te groot ({len(value)} cijfers; hoogstens {MAX_DIGITS})")
            return INVALID
        number = int(value)
        if number < self.minimum or (self.maximum is not None and number > self.maximum):
            ctx.error(node, f"{what} moet {self.describe()} zijn, niet {number}")
            return INVALID
        return number

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        schema: JsonSchema = {"type": "integer", "minimum": self.minimum}
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


class Boolean(Type):
    """true or false, in English or Dutch (ja/nee)."""

    noun = "true of false"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> bool | Invalid:
        """True or False for one of the accepted words."""
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        word = value.lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        ctx.error(node, f"{what} moet {self.noun} zijn, niet '{shown(value)}'")
        return INVALID

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"type": "boolean"}


class Date(Type):
    """A calendar date written JJJJ-MM-DD."""

    noun = "een datum (JJJJ-MM-DD)"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> date | Invalid:
        """The date; an impossible one (2024-02-30) is reported as such."""
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        parsed = parse_iso_date(value)
        if parsed is None:
            adjective = "onmogelijke" if ISO_DATE.match(value) else "ongeldige"
            ctx.error(node, f"{what}: {adjective} datum '{shown(value)}' (verwacht JJJJ-MM-DD)")
            return INVALID
        return parsed

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"type": "string", "format": "date"}


class Time(Type):
    """One time of day, 'HH:MM' (or 'HH.MM', as in letters); kept as 'HH:MM'."""

    noun = "een tijd (UU:MM)"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> str | Invalid:
        """The time as 'HH:MM'."""
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        match = TIME.match(value.strip())
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            ctx.error(node, f"{what}: ongeldige tijd '{shown(value)}' (verwacht UU:MM)")
            return INVALID
        return f"{int(match[1]):02d}:{match[2]}"

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"type": "string", "pattern": r"^\d{1,2}[:.]\d{2}$"}


class DateOrWord(Type):
    """A date, or one fixed word standing for a date the loader works out ('vorige')."""

    def __init__(self, word: str) -> None:
        self.word = word
        self.noun = f"een datum (JJJJ-MM-DD) of '{word}'"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> date | str | Invalid:
        """The date, or the word itself."""
        value = self._scalar(node, ctx, what)
        if value is INVALID or value == self.word:
            return value
        parsed = parse_iso_date(value)
        if parsed is None:
            ctx.error(
                node,
                f"{what}: '{shown(value)}' is geen datum (JJJJ-MM-DD) en niet '{self.word}'"
                f"{did_you_mean(value, [self.word])}",
            )
            return INVALID
        return parsed

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"anyOf": [{"const": self.word}, {"type": "string", "format": "date"}]}


EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+$")
NAMED_EMAIL = re.compile(r"^(?P<naam>[^<>]*?)\s*<(?P<adres>[^<>]*)>$")
# What ends or splits a name in an address header unless the name is in quotes.
NAME_SEPARATORS = re.compile(r'[,;:@()\[\]\\"]')


class Email(Type):
    """An e-mail address, bare or with a name: 'Secretariaat TRA <secretariaat@tra.example>'."""

    noun = "een e-mailadres"

    def describe(self) -> str:
        """Shows both accepted shapes."""
        return "een e-mailadres (naam@domein.nl, of Naam <naam@domein.nl>)"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> str | Invalid:
        """The address as written (stripped), name included; a name with a comma quoted."""
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        written = value.strip()
        named = NAMED_EMAIL.match(written)
        if not EMAIL.match(named["adres"].strip() if named else written):
            ctx.error(
                node,
                f"{what}: ongeldig e-mailadres '{shown(value)}' "
                "(verwacht naam@domein.nl of Naam <naam@domein.nl>)",
            )
            return INVALID
        return quoted_name(named["naam"].strip(), named["adres"].strip()) if named else written

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"type": "string"}


def quoted_name(naam: str, adres: str) -> str:
    """'Kok, B. <b.kok@x.nl>' as a mail header reads it: a name with a comma (or another
    separator) in quotes, else the comma splits it into two addresses."""
    if NAME_SEPARATORS.search(naam) and not (len(naam) > 1 and naam[0] == naam[-1] == '"'):
        naam = '"' + naam.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{naam} <{adres}>" if naam else adres


class Termijn(Type):
    """A deadline: an ISO date when it looks like one, otherwise free text."""

    noun = "een datum (JJJJ-MM-DD) of een tekst"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> date | str | Invalid:
        """A date when the text looks like one, else the text."""
        value = self._scalar(node, ctx, what)
        if value is INVALID or not ISO_DATE.match(value):
            return value
        return Date().convert(node, ctx, what)

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"type": "string"}


class TimeRange(Type):
    """'HH:MM' or 'HH:MM-HH:MM'; kept as a tuple of 'HH:MM' strings."""

    noun = "een tijd (UU:MM of UU:MM-UU:MM)"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> tuple[str, ...] | Invalid:
        """One or two 'HH:MM' times; the end must lie after the start."""
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        written = re.sub(r"\s*uur\s*$", "", value.strip())  # '15.45-17.15 uur' as in letters
        parts = [p.strip() for p in re.split(r"\s*[-–—]\s*|\s+tot\s+", written)]
        times: list[str] = []
        for part in parts if len(parts) <= 2 else []:
            match = TIME.match(part)
            if not match or int(match[1]) > 23 or int(match[2]) > 59:
                break
            times.append(f"{int(match[1]):02d}:{match[2]}")
        if len(times) != len(parts) or len(parts) > 2:
            ctx.error(
                node, f"{what}: ongeldige tijd '{shown(value)}' (verwacht UU:MM of UU:MM-UU:MM)"
            )
            return INVALID
        if len(times) == 2 and times[1] <= times[0]:
            ctx.error(node, f"{what}: eindtijd {times[1]} ligt niet na begintijd {times[0]}")
            return INVALID
        return tuple(times)

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"type": "string"}


class Choice(Type):
    """One of a fixed set of words."""

    def __init__(self, *values: str) -> None:
        self.values = values
        self.noun = " of ".join(f"'{v}'" for v in values)

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> str | Invalid:
        """The word, if it is one of `values`."""
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        if value not in self.values:
            allowed = ", ".join(self.values)
            hint = did_you_mean(value, self.values)
            ctx.error(
                node, f"{what}: onbekende waarde '{shown(value)}'{hint}; toegestaan: {allowed}"
            )
            return INVALID
        return value

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"enum": list(self.values)}


class BoolOrText(Type):
    """true/false, or a text (used where a path can stand in for 'yes')."""

    noun = "true, false of een bestandsnaam"

    def convert(self, node: yaml.Node, ctx: Context, what: str) -> bool | str | Invalid:
        """True or False for a yes/no word, else the text."""
        value = self._scalar(node, ctx, what)
        if value is INVALID:
            return INVALID
        word = value.lower()
        return True if word in TRUE_WORDS else False if word in FALSE_WORDS else value

    def json_schema(self) -> JsonSchema:
        """Its JSON Schema."""
        return {"type": ["boolean", "string"]}


MARKDOWN = Text(markdown=True)
