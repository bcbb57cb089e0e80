"""Sections of an article: speaker lines and region headings.

A round-up gives each county a section, opened by its official's line
(醴陵市委副书记、市长王建明:) or by a heading naming it (【天元区】); every
sentence up to the next one speaks of that region.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from briefing.regions.gazetteer import Gazetteer, Mention, Region

if TYPE_CHECKING:  # the extract package imports the regions package; avoid the cycle
    from briefing.extract.sentences import Sentence

# A speaker line: region, office and title, a name, then a colon
# (醴陵市委副书记、市长王建明: / 攸县人民政府县长李晓梅：).
_TITLES = r"(?:书记|省长|市长|区长|县长|州长|旗长|盟长|主任|主席|局长|负责人)"
# The title is followed by a personal name, not a speech verb: 据…负责人介绍：
# quotes one sentence and opens no section.
_NAME = r"\s*(?!表示|介绍|指出|强调|认为|透露|说)[\u4e00-\u9fff·]{2,4}\s*"
_SPEAKER = re.compile(r"^\s*[^:：，,。；;]{2,40}?" + _TITLES + _NAME + r"[:：]")
# In some layouts the speaker stands alone on a line without the colon
# (醴陵市委副书记、市长 王建明).
_SPEAKER_LINE = re.compile(r"^\s*[^:：，,。；;]{2,40}?" + _TITLES + _NAME + r"$")
_LIST_MARK = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?")
# A heading that is only a region or starts with one and a separator.
_HEADING_SEP = " :：|｜丨·—-】]"
_HEADING_MARKS = "【[■●◆▲★·•"


@dataclass
class Section:
    """A speaker's or a heading's region, from its first paragraph on."""

    region: Region
    first_paragraph: int


def sections_of(gaz: Gazetteer, sentences: Sequence[Sentence],
                found: Sequence[list[Mention]], around: list[Region]) -> list[Section]:
    """Speaker lines and region headings, each opening a section."""
    out: list[Section] = []
    for sentence, mentions in zip(sentences, found):
        named = _section_name(sentence, mentions)
        if named is None:
            continue
        context = ([out[-1].region] if out else []) + around
        resolved = gaz.resolve([named], context)
        if resolved:
            out.append(Section(resolved[0][1], sentence.paragraph))
    return out


def _section_name(sentence: Sentence, mentions: Sequence[Mention]) -> Mention | None:
    """The region mention that opens a section in this sentence, if it opens one.

    A speaker line names the speaker's office; with several offices
    (株洲市委常委、天元区委书记…:) the last one is the narrowest. A heading
    opens a section when it is a region's name, alone or before a separator.
    """
    text = sentence.text
    heading = sentence.is_heading or _heading_like(text)
    speaker = ((_SPEAKER.match(text) if ":" in text or "：" in text else None)
               or (_SPEAKER_LINE.match(text) if heading else None))
    if speaker:
        inside = [m for m in mentions if m.end <= speaker.end()]
        return inside[-1] if inside else None
    lead = _LIST_MARK.match(text).end()
    lead += len(text[lead:]) - len(text[lead:].lstrip(" \t" + _HEADING_MARKS))
    if not heading or not mentions or mentions[0].start != lead:
        return None
    rest = text[mentions[0].end:]
    return mentions[0] if rest == "" or rest[0] in _HEADING_SEP else None


def _heading_like(text: str) -> bool:
    """A short line without closing punctuation, numbered or not (一、天元区：…)."""
    return len(text) <= 40 and text.rstrip()[-1:] not in "。！？!?；;，,"


def section_at(sections: Sequence[Section], sentence: Sentence) -> Section | None:
    """The last section opened at or before the sentence's paragraph."""
    current = None
    for section in sections:
        if section.first_paragraph <= sentence.paragraph:
            current = section
    return current
