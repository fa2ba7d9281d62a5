"""Thai spelling as readers see it: grapheme clusters, and how many typing slips apart two spellings are.

A Thai letter carries its vowel and tone marks above and below it (ดื่ = ด + ื + ่). Counted in code points,
a missing tone mark weighs as much as a missing letter and a cut can fall between a letter and its marks;
counted in clusters (from ICU through icu4py, the segmentation browsers use), a slip of a mark, a sound-alike
letter, a doubled key or a missing hyphen is each a small edit and a different letter a whole one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from icu4py.breakers import CharacterBreaker

__all__ = ["graphemes", "prefix_distances", "can_end_word", "is_combining", "SOUND_ALIKE", "MARKS"]

#: Tone marks (ไม้เอก ไม้โท ไม้ตรี ไม้จัตวา): a slip in them counts apart from a slip in the vowel.
TONE_MARKS = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
#: Every mark written above or below a letter, or after it in the same cluster (ำ): vowels, tone marks, signs.
MARKS = "\u0e31\u0e33-\u0e3a\u0e47-\u0e4e"
#: Letters that sound alike, and the separators written between the parts of a name: each group's members
#: are swapped for one another when typing from dictation.
SOUND_ALIKE = ("ศสษซ", "ทธฑฒ", "ดฎ", "ตฏ", "ถฐ", "นณ", "ลฬ", "ยญ", "คฅฆ", "ขฃ", "พภ", "ชฌ", "-– ")
#: Vowels written after their letter as a letter of their own: no word starts with one.
_FOLLOWING_VOWELS = frozenset("ะาๅ")
#: Vowels written before their letter: no word ends with one.
_LEADING_VOWELS = frozenset("เแโใไ")
#: Letters that sound alike at the end of a word (มาตราตัวสะกด), where spelling by ear goes most wrong.
FINAL_SOUND_ALIKE = ("ดตฎฏถฐทธฑฒจชซศษส", "กขคฆ", "บปพภฟ", "นณญรลฬ")
_SEPARATORS = frozenset(SOUND_ALIKE[-1])
_VOWEL_LETTERS = _LEADING_VOWELS | _FOLLOWING_VOWELS

#: A slip: a tone or vowel mark or a vowel letter missing, extra or wrong; a sound-alike letter; a key typed
#: twice; a missing hyphen. A different, missing or extra letter is a whole edit (1).
SMALL_EDIT = 0.25


def graphemes(text: str) -> tuple[str, ...]:
    """The grapheme clusters of ``text``: each letter with the marks above and below it."""
    return tuple(CharacterBreaker(text, "th")) if text else ()


def is_combining(cluster: str) -> bool:
    """True for a stray mark that starts a cluster (a mark typed with no letter under it)."""
    return unicodedata.category(cluster[0]) == "Mn"


def can_end_word(clusters: Sequence[str], length: int) -> bool:
    """Whether a word may end after ``clusters[:length]``: not after a leading vowel or a separator,
    and not before a following vowel or a stray mark, which belong to the letter before them."""
    if length == 0 or clusters[length - 1] in _LEADING_VOWELS or clusters[length - 1] in _SEPARATORS:
        return False
    return length == len(clusters) or not (clusters[length][0] in _FOLLOWING_VOWELS or is_combining(clusters[length]))


def _sounds_alike(written: str, wanted: str, final: bool) -> bool:
    groups = FINAL_SOUND_ALIKE + SOUND_ALIKE if final else SOUND_ALIKE
    return any(written in group and wanted in group for group in groups)


def _marks(cluster: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(tone marks, other marks) of a cluster, in order, so a mark typed twice counts."""
    return tuple(m for m in cluster[1:] if m in TONE_MARKS), tuple(m for m in cluster[1:] if m not in TONE_MARKS)


def _substitution(written: str, wanted: str, final: bool) -> float:
    """Cost of writing cluster ``written`` for ``wanted``; ``final`` when ``wanted`` ends the name."""
    if written == wanted:
        return 0.0
    if written[0] == wanted[0]:
        cost = 0.0
    elif _VOWEL_LETTERS.issuperset((written, wanted)) or _sounds_alike(written[0], wanted[0], final):
        cost = SMALL_EDIT
    else:
        return 1.0
    (tones, vowels), (wanted_tones, wanted_vowels) = _marks(written), _marks(wanted)
    cost += SMALL_EDIT * ((tones != wanted_tones) + (vowels != wanted_vowels))
    return min(cost, 1.0)


def _extra(clusters: Sequence[str], index: int) -> float:
    """Cost of ``clusters[index]`` having no counterpart: small for a separator, a vowel letter or a repeat."""
    cluster = clusters[index]
    repeated = index > 0 and clusters[index - 1] == cluster
    return SMALL_EDIT if repeated or cluster in _SEPARATORS or cluster in _VOWEL_LETTERS else 1.0


def prefix_distances(written: Sequence[str], wanted: Sequence[str]) -> list[float]:
    """Edits from ``wanted`` to each start ``written[:i]`` (i = 0..len(written)), both as grapheme clusters."""
    row = [0.0]
    for j in range(len(wanted)):
        row.append(row[j] + _extra(wanted, j))
    distances = [row[-1]]
    for i in range(len(written)):
        extra = _extra(written, i)
        current = [row[0] + extra]
        for j in range(len(wanted)):
            final = j == len(wanted) - 1
            current.append(min(row[j] + _substitution(written[i], wanted[j], final), row[j + 1] + extra,
                               current[j] + _extra(wanted, j)))
        row = current
        distances.append(row[-1])
    return distances
