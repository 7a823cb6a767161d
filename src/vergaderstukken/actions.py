"""Actions and toezeggingen across meetings: ids, state, and carry-forward.

An action is open from its meeting on until a later meeting's `acties:` marks it
afgerond or vervallen. State is always computed from the files, never stored, so every
document and every command agrees on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .exceptions import Problems
from .model import ActieUpdate, Regel, Vergadering, Werkmap, sort_key
from .namen import closest

OPEN_STATUSES = ("open", "loopt")
CLOSED_STATUSES = ("afgerond", "vervallen")


@dataclass
class ActieStand:
    """An action as it stands at a given moment."""

    regel: Regel
    vergadering: Vergadering  # where it was agreed
    status: str = "open"
    termijn: date | str | None = None
    toelichting: str | None = None
    bijgewerkt: Vergadering | None = None  # meeting of the latest update
    gesloten_in: Vergadering | None = None  # meeting that closed it (afgerond/vervallen)
    peildatum: date | None = None  # the day overdue is judged against

    @property
    def id(self) -> str:
        """The action's id ('2024-01-24.1'); '' only before numbering."""
        return self.regel.id or ""

    @property
    def is_open(self) -> bool:
        """Whether the action still needs doing: status 'open' or 'loopt'."""
        return self.status in OPEN_STATUSES

    @property
    def te_laat(self) -> bool:
        """Open and past its deadline on `peildatum`: the one place overdue is judged."""
        return (
            self.is_open
            and isinstance(self.termijn, date)
            and self.peildatum is not None
            and self.termijn < self.peildatum
        )


def all_actions(werkmap: Werkmap) -> list[tuple[Regel, Vergadering]]:
    """Every action and toezegging of every minutes, with its meeting, in date order."""
    return [
        (regel, vergadering)
        for vergadering in werkmap.vergaderingen
        if vergadering.verslag
        for regel in vergadering.verslag.regels()
        if regel.is_actie
    ]


def validate_actions(werkmap: Werkmap, problems: Problems) -> None:
    """Ids unique in the workspace; every update names an action of an earlier meeting."""
    origin: dict[str, tuple[Regel, Vergadering]] = {}
    for regel, vergadering in all_actions(werkmap):
        if regel.id in origin:
            first, where = origin[regel.id]
            problems.error(
                regel.loc,
                f"actie-id '{regel.id}' bestaat al (vergadering {where.naam}, {first.loc})",
            )
            continue
        origin[regel.id] = (regel, vergadering)
    for vergadering in werkmap.vergaderingen:
        if not vergadering.verslag:
            continue
        here = sort_key(vergadering)
        for update in vergadering.verslag.updates:
            if update.actie_id in origin and sort_key(origin[update.actie_id][1]) < here:
                continue
            if update.actie_id in origin:
                _, where = origin[update.actie_id]
                problems.error(
                    update.loc,
                    f"actie '{update.actie_id}' is pas afgesproken in "
                    f"de vergadering van {where.naam}; alleen een latere vergadering "
                    "kan haar bijwerken",
                )
            elif not werkmap.onvolledig:  # else it may be in the file that failed to load
                earlier = [i for i, (_, v) in origin.items() if sort_key(v) < here]
                hint = closest(update.actie_id, sorted(earlier))
                problems.error(update.loc, f"onbekende actie '{update.actie_id}'{hint}")
    _warn_about_updates_of_closed_actions(werkmap, problems)


def _warn_about_updates_of_closed_actions(werkmap: Werkmap, problems: Problems) -> None:
    """A closed action leaves every list; an update that does not reopen it shows nowhere."""
    closed_at: dict[str, str] = {}
    for vergadering in werkmap.vergaderingen:
        for update in vergadering.verslag.updates if vergadering.verslag else []:
            if update.actie_id in closed_at and update.status not in OPEN_STATUSES:
                problems.warn(
                    update.loc,
                    f"actie '{update.actie_id}' is al gesloten in de "
                    f"vergadering van {closed_at[update.actie_id]}; deze regel "
                    "verandert niets (zet status: open of loopt om haar te heropenen)",
                )
            elif update.status in CLOSED_STATUSES:
                closed_at[update.actie_id] = vergadering.naam
            elif update.status in OPEN_STATUSES:
                closed_at.pop(update.actie_id, None)


class Actieboek:
    """The state of every action of a workspace after each of its meetings.

    A state is found by one walk over the meetings in time order: at each meeting, first
    its updates of earlier actions, then the actions it agrees. The walk goes on from
    where the last question left it (questions come in time order: the checks of the
    meetings with annotations, then the meeting being built), and each answer is a copy
    of the states at that point, kept: a long history is walked once, not once per
    meeting asked about. Every document, list and check of a build asks this one ledger
    instead of walking all actions again.
    """

    def __init__(self, werkmap: Werkmap):
        self.werkmap = werkmap
        #: the meeting each action id was agreed in (the last, should an id be doubled)
        self.herkomst = {regel.id: v for regel, v in all_actions(werkmap)}
        self._plek = {v.naam: i for i, v in enumerate(werkmap.vergaderingen)}
        self._standen: dict[tuple[str, bool], list[ActieStand]] = {}  # (meeting, after it)
        self._gelopen = 0  # the meetings walked so far, and the states after them:
        self._by_id: dict[str, ActieStand] = {}

    def _stand(self, tot: Vergadering, inclusief: bool) -> list[ActieStand]:
        """The states before (or after) meeting `tot`, walked once and kept."""
        key = (tot.naam, inclusief)
        if key not in self._standen:
            end = self._plek[tot.naam] + (1 if inclusief else 0)
            if end < self._gelopen:  # an earlier meeting than walked: from the start
                self._gelopen, self._by_id = 0, {}
            by_id = self._by_id
            for vergadering in self.werkmap.vergaderingen[self._gelopen : end]:
                if vergadering.verslag is None:
                    continue
                for update in vergadering.verslag.updates:
                    _apply(by_id.get(update.actie_id), update, vergadering)
                for regel in vergadering.verslag.regels():
                    if regel.is_actie and regel.id not in by_id:
                        by_id[regel.id] = ActieStand(regel, vergadering, termijn=regel.termijn)
            self._gelopen = end
            self._standen[key] = [_copy(stand) for stand in by_id.values()]  # walked on later
        return self._standen[key]

    def standen(
        self, tot: Vergadering, *, inclusief: bool, peildatum: date | None = None
    ) -> list[ActieStand]:
        """Every action agreed up to `tot`, with the updates of meetings up to `tot` applied.

        `inclusief=False` gives the state as the agenda of `tot` sees it (before the
        meeting); `inclusief=True` the state after its minutes. Overdue is judged against
        `peildatum`, by default the day of `tot`.
        """
        day = peildatum or tot.datum
        return [_copy(s, peildatum=day) for s in self._stand(tot, inclusief)]

    def open_voor_agenda(self, vergadering: Vergadering) -> list[ActieStand]:
        """The actions still open after the previous meeting, as the agenda shows them."""
        return [s for s in self.standen(vergadering, inclusief=False) if s.is_open]

    def actielijst(self, vergadering: Vergadering) -> Actielijst:
        """The actions the action list of `vergadering` shows, in its three parts."""
        nieuw, lopend, gesloten = [], [], []
        for stand in self.standen(vergadering, inclusief=True):
            if stand.vergadering is vergadering:
                nieuw.append(stand)
            elif stand.is_open:
                lopend.append(stand)
            elif stand.gesloten_in is vergadering:
                gesloten.append(stand)
        return Actielijst(nieuw, lopend, gesloten)


def _copy(stand: ActieStand, **changes: object) -> ActieStand:
    """A copy of `stand` with `changes`: as dataclasses.replace, without its checks, which
    cost more than the copy (a thousand states per question in a long history)."""
    kopie = object.__new__(ActieStand)
    kopie.__dict__.update(stand.__dict__, **changes)
    return kopie


def _apply(stand: ActieStand | None, update: ActieUpdate, vergadering: Vergadering) -> None:
    """One update of the minutes of `vergadering`; it can only change an earlier action."""
    if stand is None or sort_key(stand.vergadering) >= sort_key(vergadering):
        return
    was_open = stand.is_open
    stand.status = update.status or stand.status
    stand.termijn = update.termijn or stand.termijn
    stand.toelichting = update.toelichting or stand.toelichting
    stand.bijgewerkt = vergadering
    if stand.is_open:
        stand.gesloten_in = None
    elif was_open:  # a later note on a closed action does not close it again
        stand.gesloten_in = vergadering


@dataclass
class Actielijst:
    """The actions one meeting's action list shows, in its three groups."""

    nieuw: list[ActieStand]  # agreed at this meeting
    lopend: list[ActieStand]  # from earlier meetings, still open
    gesloten: list[ActieStand]  # from earlier meetings, closed at this meeting

    @property
    def alle(self) -> list[ActieStand]:
        """Every action on the list: new, then running, then closed."""
        return [*self.nieuw, *self.lopend, *self.gesloten]


def standen(
    werkmap: Werkmap, tot: Vergadering, *, inclusief: bool, peildatum: date | None = None
) -> list[ActieStand]:
    """`Actieboek.standen` for a single question; a build keeps one Actieboek instead."""
    return Actieboek(werkmap).standen(tot, inclusief=inclusief, peildatum=peildatum)


def open_voor_agenda(werkmap: Werkmap, vergadering: Vergadering) -> list[ActieStand]:
    """The actions still open after the previous meeting, as the agenda shows them."""
    return Actieboek(werkmap).open_voor_agenda(vergadering)


def actielijst(werkmap: Werkmap, vergadering: Vergadering) -> Actielijst:
    """The action list of `vergadering`; a build keeps one Actieboek instead."""
    return Actieboek(werkmap).actielijst(vergadering)


def annotation_action_problems(
    boek: Actieboek, vergadering: Vergadering, problems: Problems
) -> None:
    """An overlay may only comment on actions its agenda shows: those open at this meeting,
    and only when an item with `acties: true` shows them; otherwise the note would vanish."""
    if not any(annotatie.actie_locs for annotatie in vergadering.annotaties.values()):
        return  # nothing to check: the ledger is not walked for this meeting
    before = {s.id: s for s in boek.standen(vergadering, inclusief=False)}
    open_ids = [i for i, s in before.items() if s.is_open]
    origin = boek.herkomst
    shown = any(punt.acties for punt in vergadering.alle_punten())
    for annotatie in vergadering.annotaties.values():
        for actie_id, loc in annotatie.actie_locs.items():
            if actie_id in open_ids and not shown:
                problems.error(
                    loc,
                    f"opmerking bij actie '{actie_id}' staat nergens: deze "
                    "agenda toont de openstaande acties niet (geen agendapunt "
                    "met 'acties: true')",
                )
            elif actie_id in open_ids:
                continue
            elif actie_id in before:
                problems.error(
                    loc,
                    f"actie '{actie_id}' is al {before[actie_id].status} en "
                    "staat niet meer open op deze vergadering",
                )
            elif actie_id in origin:
                waar = (
                    "in deze vergadering"
                    if origin[actie_id] is vergadering
                    else f"pas in de vergadering van {origin[actie_id].naam}"
                )
                problems.error(
                    loc,
                    f"actie '{actie_id}' wordt {waar} afgesproken en staat "
                    "nog niet open op deze agenda",
                )
            else:
                hint = closest(actie_id, open_ids)
                problems.error(loc, f"onbekende actie '{actie_id}'{hint}")
