"""The IOM Quick Reference of the Global Compact, reconciled from its two witnesses.

``parse_markdown_extract`` and ``parse_plaintext_extract`` read the two text
extractions of the one publication independently (see their modules for the
layouts). ``reconcile`` then walks both item by item: every title, principle,
commitment, action, implementation paragraph and capacity-building feature
must say the same in both, up to a fold that forgives what extraction breaks
(typographic against straight quotes, whitespace, hyphens lost or broken at a
line end). The markdown passage gives the canonical text; the plaintext
passage is kept as the second witness. List letters come from the markdown
where it has them and from the plaintext where the markdown lost them
(objectives 12 and 13). Whatever cannot be resolved raises
``ReconciliationError`` naming the item and both witnesses' file:line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from string import ascii_lowercase

from gcm_graph.extract.quick_reference_markdown import parse_markdown_extract
from gcm_graph.extract.quick_reference_plaintext import parse_plaintext_extract
from gcm_graph.extract.quick_reference_witnesses import (
    PublicationFacts,
    QuickReferenceWitness,
    WitnessObjective,
    line_number,
)
from gcm_graph.extract.quotes import printed_line
from gcm_graph.extract.records import LetteredItem, Passage
from gcm_graph.extract.sources import SourceFile

__all__ = [
    "PublicationFacts",
    "QuickReference",
    "QuickReferenceWitness",
    "ReconciledAction",
    "ReconciledObjective",
    "ReconciledSection",
    "ReconciliationError",
    "Witnessed",
    "extract_quick_reference",
    "fold",
    "parse_markdown_extract",
    "parse_plaintext_extract",
    "reconcile",
]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_WHITESPACE_AND_HYPHENS = re.compile(r"[\s-]+")


class ReconciliationError(Exception):
    """The two witnesses disagree, or together contradict what the document states."""


@dataclass(frozen=True)
class Witnessed:
    """Canonical text (the markdown's) and the passage of each witness it was checked against."""

    text: str
    markdown: Passage
    plaintext: Passage


@dataclass(frozen=True)
class ReconciledAction:
    """A lettered item: an objective's action or a capacity-building feature."""

    letter: str
    text: Witnessed


@dataclass(frozen=True)
class ReconciledSection:
    heading: Witnessed
    text: Witnessed


@dataclass(frozen=True)
class ReconciledObjective:
    number: int
    title: Witnessed  # from the list "23 OBJECTIVES OF GLOBAL COMPACT FOR MIGRATION"
    short_title: Witnessed  # the capitalised heading of the objective's page
    commitments: tuple[Witnessed, ...]
    actions: tuple[ReconciledAction, ...]


@dataclass(frozen=True)
class QuickReference:
    overview: tuple[ReconciledSection, ...]
    stated_objectives: int
    stated_actions: int
    stated_counts: Witnessed  # the CONTENTS sentence stating both numbers
    principles: tuple[Witnessed, ...]
    objectives: tuple[ReconciledObjective, ...]
    implementation: tuple[Witnessed, ...]
    capacity_building: tuple[ReconciledAction, ...]
    follow_up: tuple[Witnessed, ...]
    publication: PublicationFacts


def fold(text: str) -> str:
    """Unify quotes, drop whitespace and hyphens: what the comparison of witnesses ignores."""
    return _WHITESPACE_AND_HYPHENS.sub("", text.translate(_QUOTES))


def _letter(index: int) -> str:
    return ascii_lowercase[index] if index < len(ascii_lowercase) else f"#{index + 1}"


class _Reconciler:
    """Compares the two witnesses; every complaint names the item and both file:line."""

    def __init__(self, markdown: QuickReferenceWitness, plaintext: QuickReferenceWitness):
        self.markdown = markdown
        self.plaintext = plaintext

    def where(self, witness: QuickReferenceWitness, passage: Passage) -> str:
        return f"sources/{witness.source.name}:{line_number(witness.source, passage)}"

    def agree(self, label: str, markdown: Passage, plaintext: Passage) -> Witnessed:
        if fold(markdown.text) != fold(plaintext.text):
            raise ReconciliationError(
                f"{label}: {self.where(self.markdown, markdown)} says '{markdown.text}' "
                f"but {self.where(self.plaintext, plaintext)} says '{plaintext.text}'"
            )
        return Witnessed(markdown.text, markdown, plaintext)

    def agree_all(
        self, what: str, label: Callable[[int], str], markdown: Sequence[Passage], plaintext: Sequence[Passage]
    ) -> tuple[Witnessed, ...]:
        """Item by item; on different counts, say so and point at the first item that differs."""
        counts = (
            f"{what}: sources/{self.markdown.source.name} has {len(markdown)} "
            f"but sources/{self.plaintext.source.name} has {len(plaintext)}; "
        )
        agreed: list[Witnessed] = []
        for index, (one, other) in enumerate(zip(markdown, plaintext, strict=False)):
            try:
                agreed.append(self.agree(label(index), one, other))
            except ReconciliationError as error:
                prefix = counts + "first difference at " if len(markdown) != len(plaintext) else ""
                raise ReconciliationError(prefix + str(error)) from None
        if len(markdown) != len(plaintext):
            index = len(agreed)
            witness, longer = (
                (self.markdown, markdown) if len(markdown) > len(plaintext) else (self.plaintext, plaintext)
            )
            extra = longer[index]
            raise ReconciliationError(f"{counts}{label(index)} is only in {self.where(witness, extra)}: '{extra.text}'")
        return tuple(agreed)

    def lettered(
        self, name: str, markdown: Sequence[LetteredItem], plaintext: Sequence[LetteredItem]
    ) -> tuple[ReconciledAction, ...]:
        """Texts first (so a dropped item is reported as such), then the letters."""
        texts = self.agree_all(
            f"{name}s",
            lambda index: f"{name} {_letter(index)}",
            [item.passage for item in markdown],
            [item.passage for item in plaintext],
        )
        return tuple(
            ReconciledAction(self.letter(f"{name} {_letter(index)}", index, one, other), text)
            for index, (one, other, text) in enumerate(zip(markdown, plaintext, texts, strict=True))
        )

    def letter(self, label: str, index: int, markdown: LetteredItem, plaintext: LetteredItem) -> str:
        """The markdown letter, else the plaintext one; they must agree and run a, b, c, ..."""
        at_markdown = self.where(self.markdown, markdown.passage)
        at_plaintext = self.where(self.plaintext, plaintext.passage)
        text = markdown.passage.text
        if markdown.letter and plaintext.letter and markdown.letter != plaintext.letter:
            raise ReconciliationError(
                f"{label}: {at_markdown} has letter '{markdown.letter}' "
                f"but {at_plaintext} has letter '{plaintext.letter}' for '{text}'"
            )
        letter = markdown.letter or plaintext.letter
        if letter is None:
            raise ReconciliationError(f"{label}: neither {at_markdown} nor {at_plaintext} has a letter for '{text}'")
        if letter != _letter(index):
            at = at_markdown if markdown.letter else at_plaintext
            raise ReconciliationError(
                f"{label}: {at} has letter '{letter}' where '{_letter(index)}' follows in order, for '{text}'"
            )
        return letter

    def objectives(self) -> tuple[ReconciledObjective, ...]:
        md, pt = self.markdown.objectives, self.plaintext.objectives
        titles = self.agree_all(
            "objective titles", lambda i: f"objective {i + 1} title", self.markdown.titles, self.plaintext.titles
        )
        headings = self.agree_all(
            "objectives",
            lambda i: f"objective {i + 1} heading",
            [o.short_title for o in md],
            [o.short_title for o in pt],
        )
        if len(titles) != len(headings):
            raise ReconciliationError(
                f"objectives: the witnesses list {len(titles)} objective titles "
                f"but have {len(headings)} objective pages"
            )
        return tuple(self.objective(*parts) for parts in zip(titles, headings, md, pt, strict=True))

    def objective(
        self, title: Witnessed, heading: Witnessed, markdown: WitnessObjective, plaintext: WitnessObjective
    ) -> ReconciledObjective:
        name = f"objective {markdown.number}"
        return ReconciledObjective(
            number=markdown.number,
            title=title,
            short_title=heading,
            commitments=self.agree_all(
                f"{name} commitments",
                lambda i: f"{name} commitment {i + 1}",
                markdown.commitments,
                plaintext.commitments,
            ),
            actions=self.lettered(f"{name} action", markdown.actions, plaintext.actions),
        )

    def overview(self) -> tuple[ReconciledSection, ...]:
        md, pt = self.markdown.overview, self.plaintext.overview
        headings = self.agree_all(
            "overview boxes", lambda i: f"overview box {i + 1}", [s.heading for s in md], [s.heading for s in pt]
        )
        return tuple(
            ReconciledSection(heading, self.agree(f"overview {heading.text}", one.text, other.text))
            for heading, one, other in zip(headings, md, pt, strict=True)
        )

    def paragraphs(self, what: str, markdown: Sequence[Passage], plaintext: Sequence[Passage]) -> tuple[Witnessed, ...]:
        return self.agree_all(f"{what}s", lambda i: f"{what} {i + 1}", markdown, plaintext)


def reconcile(markdown: QuickReferenceWitness, plaintext: QuickReferenceWitness) -> QuickReference:
    """Check the witnesses against each other item by item; the markdown's text is canonical."""
    check = _Reconciler(markdown, plaintext)
    if markdown.publication is None:
        raise ReconciliationError(f"sources/{markdown.source.name}: the markdown witness has no publication facts")
    return QuickReference(
        overview=check.overview(),
        stated_objectives=markdown.stated.objectives,
        stated_actions=markdown.stated.actions,
        stated_counts=check.agree("the CONTENTS sentence", markdown.stated.sentence, plaintext.stated.sentence),
        principles=check.paragraphs("guiding principle", markdown.principles, plaintext.principles),
        objectives=check.objectives(),
        implementation=check.paragraphs("implementation paragraph", markdown.implementation, plaintext.implementation),
        capacity_building=check.lettered(
            "capacity-building feature", markdown.capacity_building, plaintext.capacity_building
        ),
        follow_up=check.paragraphs("follow-up paragraph", markdown.follow_up, plaintext.follow_up),
        publication=markdown.publication,
    )


def extract_quick_reference(markdown: SourceFile, plaintext: SourceFile) -> QuickReference:
    """Parse both witnesses, reconcile them, and hold the result to the counts the document states."""
    reference = reconcile(parse_markdown_extract(markdown), parse_plaintext_extract(plaintext))
    actions = sum(len(objective.actions) for objective in reference.objectives)
    found = (len(reference.objectives), actions)
    if found != (reference.stated_objectives, reference.stated_actions):
        sentence = reference.stated_counts.markdown
        raise ReconciliationError(
            f"sources/{markdown.name}:{line_number(markdown, sentence)} states {reference.stated_objectives} "
            f"objectives and {reference.stated_actions} specific actions, but the witnesses agree on "
            f"{found[0]} objectives and {found[1]} actions"
        )
    return reference


IMPLEMENTATION_HEADING = "IMPLEMENTATION AND REVIEW"
FOLLOW_UP_HEADING = "Follow-up and Review"
COVER_TITLE = "GLOBAL COMPACT FOR SAFE, ORDERLY AND REGULAR MIGRATION"


def printed_headings(markdown: SourceFile, plaintext: SourceFile) -> dict[str, Witnessed]:
    """Headings both extracts print on a line of their own, keyed by what they head."""
    headings = {"implementation": IMPLEMENTATION_HEADING, "follow_up": FOLLOW_UP_HEADING}
    return {
        key: Witnessed(text, printed_line(markdown, text), printed_line(plaintext, text))
        for key, text in headings.items()
    }
