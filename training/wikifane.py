#!/usr/bin/env python3
"""Converts WikiFANE Gold (Alotaibi & Lee, COLING 2014; CC BY-SA 3.0;
`../shared/data/wikifane/`) into CoNLL sentences that `alam train` reads, and
into typed name lists.

WikiFANE's tokens are clitic-segmented (`و هران`, `مدن ها`, `ان ه`) and carry a
leading U+200E. Conversion:

- U+200E and the byte-order mark are dropped; `\t` lines separate sentences.
- Split clitics are re-attached: a proclitic token (و ف ل ب ك س) joins the Arabic
  word after it (`و هران` → `وهران`, `و ل ما` → `ولما`); a pronoun suffix token
  (ه ها هم هما هن كم كما كن نا ني ي ك) joins the Arabic word before it, its ة
  written ت (`عاصمة ها` → `عاصمتها`). A joined token takes the first entity tag of
  its parts (`و B-LOC`'s next word: `وهران B-LOC`), as ANERcorp tags proclitics.
- The 50 fine types map to PER, LOC, ORG, MISC or O (TYPES below). The classes
  whose conventions differ from ANERcorp's are options: nationalities and other
  groups (`Group`: العرب، المسلمين, which ANERcorp leaves O), products, vehicles
  and weapons (ANERcorp's MISC holds some), facilities, celestial bodies.

    python3 training/wikifane.py OUT.conll [--group O|drop] [--misc MISC|O|drop]
        [--facility LOC|O|drop] [--celestial O|LOC|drop] [--keep FRACTION]
        [--entities-only] [--lists DIR]

`drop` drops the sentences holding such an entity. `--keep` keeps that share of
the sentences (deterministically, every n-th); `--entities-only` drops sentences
without entities. `--lists DIR` also writes `wikifane-per.txt`, `-loc.txt`,
`-org.txt` (the names of the kept sentences, proclitics of the first word
removed where the segmentation had split them, so as the text writes them).
Write outputs under target/ or /tmp: the data must not enter the repository.
"""
import collections
import os
import sys
from typing import List, Tuple

SOURCE = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "wikifane",
                                       "WikiFANE_Gold_2014_500K.txt"))

PER = ["Politician", "Athlete", "Businessperson", "Artist", "Scientist", "Police", "Engineer", "Religious_PER", "Lawyer", "Other_PER"]
LOC = ["Nation", "State-or-Province", "Population-Center", "County-or-District", "GPE-Cluster", "Continent", "Water-Body",
       "Land-Region-Natural", "Special", "Address", "Boundary"]
ORG = ["Government", "Non-Governmental", "Commercial", "Media", "Sports", "Educational", "Religious_ORG", "Entertainment",
       "Medical-Science"]
FACILITY = ["Building-Grounds", "Path", "Airport", "Subarea-Facility", "Plant"]
PRODUCT = ["Book", "Movie", "Sound", "Software", "Hardware", "Food", "Drug", "Air", "Land", "Water", "Subarea-Vehicle", "Blunt",
           "Exploding", "Sharp", "Chemical", "Nuclear", "Shooting", "Projectile", "Biological"]
GROUP = ["Group"]
CELESTIAL = ["Celestial"]

PROCLITICS = {"و", "ف", "ل", "ب", "ك", "س"}
SUFFIXES = {"ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ني", "ي", "ك"}


def is_arabic_word(w: str) -> bool:
    return bool(w) and all("\u0621" <= c <= "\u064a" or c in "\u0671\u067e\u0686\u06a4\u06af\u06cc\u06a9" for c in w)


def read_sentences(path: str = SOURCE) -> List[List[Tuple[str, str]]]:
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n").replace("\ufeff", "")
            word, _, tag = line.partition("\t")
            word = word.replace("\u200e", "").strip()
            if not word:
                if current:
                    sentences.append(current)
                current = []
                continue
            current.append((word, tag.strip() or "O"))
    if current:
        sentences.append(current)
    return sentences


def first_tag(tags: List[str]) -> str:
    return next((t for t in tags if t != "O"), "O")


def reattach(sentence: List[Tuple[str, str]]) -> List[Tuple[str, str, str]]:
    """(word, tag, the word without the proclitics tagged O) of each token."""
    out: List[Tuple[str, List[str], str]] = []
    pending: List[Tuple[str, str]] = []  # proclitics waiting for their word
    n = len(sentence)
    for i, (w, t) in enumerate(sentence):
        nxt = sentence[i + 1][0] if i + 1 < n else ""
        if w in PROCLITICS and is_arabic_word(nxt) and not (w == "ك" and nxt in SUFFIXES and nxt != "ما"):
            pending.append((w, t))
            continue
        if not pending and w in SUFFIXES and out and is_arabic_word(out[-1][0]) and out[-1][0] not in PROCLITICS:
            prev, tags, bare = out[-1]
            if prev.endswith("ة"):
                prev, bare = prev[:-1] + "ت", bare[:-1] + "ت"
            out[-1] = (prev + w, tags + [t], bare + w)
            continue
        if pending:
            word = "".join(p for p, _ in pending) + w
            tags = [pt for _, pt in pending] + [t]
            bare = "".join(p for p, pt in pending if pt != "O") + w
            pending = []
            out.append((word, tags, bare))
        else:
            out.append((w, [t], w))
    for p, pt in pending:
        out.append((p, [pt], p))
    return [(w, first_tag(tags), bare) for w, tags, bare in out]


def mapping(group: str, misc: str, facility: str, celestial: str) -> dict:
    m = {}
    for fine in PER:
        m[fine] = "PER"
    for fine in LOC:
        m[fine] = "LOC"
    for fine in ORG:
        m[fine] = "ORG"
    for fine in FACILITY:
        m[fine] = facility
    for fine in PRODUCT:
        m[fine] = misc
    for fine in GROUP:
        m[fine] = group
    for fine in CELESTIAL:
        m[fine] = celestial
    return m


def convert(sentence: List[Tuple[str, str]], m: dict):
    """Tags mapped to coarse types; None when the sentence is to be dropped."""
    out = []
    for w, t, bare in sentence:
        if t == "O":
            out.append((w, "O", bare))
            continue
        pos, _, fine = t.partition("-")
        coarse = m.get(fine)
        if coarse is None:
            raise SystemExit(f"unknown WikiFANE type {fine}")
        if coarse == "drop":
            return None
        out.append((w, "O" if coarse == "O" else f"{pos}-{coarse}", bare))
    return out


def spans(sentence):
    found, cur = [], None
    for w, t, bare in sentence:
        w = bare if t.startswith("B-") or (cur is None) else w
        if t.startswith("B-") or (t.startswith("I-") and (cur is None or cur[0] != t[2:])):
            if cur:
                found.append(cur)
            cur = (t[2:], [w])
        elif t.startswith("I-"):
            cur[1].append(w)
        else:
            if cur:
                found.append(cur)
            cur = None
    if cur:
        found.append(cur)
    return found


HEADS = {"جامعة", "شركة", "مجموعة", "بنك", "مصرف", "وزارة", "حزب", "حركة", "منظمة", "جمعية", "مجلس", "هيئة", "وكالة", "صحيفة",
         "جريدة", "قناة", "نادي", "اتحاد", "مؤسسة", "معهد", "كلية", "مدرسة", "جيش", "مدينة", "جزيرة", "بحر", "نهر", "جبل", "ولاية"}


def bare_name(name: str, listed: set) -> str:
    """A name without a proclitic that the text had not split off
    (بجامعة اكسفورد → جامعة اكسفورد, للامم المتحدة → الامم المتحدة)."""
    if name.startswith("لل"):
        return "ال" + name[2:]
    for n in (2, 1):
        head, rest = name[:n], name[n:]
        if len(rest.split(" ")[0]) >= 3 and all(c in "وفبكل" for c in head) and (
                rest in listed or rest.startswith("ال") or rest.split(" ")[0] in HEADS):
            return rest
    return name


def main(argv: List[str]) -> None:
    if not argv or argv[0].startswith("--"):
        raise SystemExit(__doc__)
    out_path, opts = argv[0], {"group": "O", "misc": "drop", "facility": "LOC", "celestial": "O"}
    keep, entities_only, lists = 1.0, False, None
    it = iter(argv[1:])
    for a in it:
        if a in ("--group", "--misc", "--facility", "--celestial"):
            opts[a[2:]] = next(it)
        elif a == "--keep":
            keep = float(next(it))
        elif a == "--entities-only":
            entities_only = True
        elif a == "--lists":
            lists = next(it)
        else:
            raise SystemExit(f"unknown option {a}\n{__doc__}")
    m = mapping(**opts)
    kept, dropped, names = 0, 0, collections.defaultdict(set)
    acc = 0.0
    with open(out_path, "w", encoding="utf-8") as f:
        for sentence in read_sentences():
            conv = convert(reattach(sentence), m)
            if conv is None:
                dropped += 1
                continue
            if entities_only and all(t == "O" for _, t, _ in conv):
                dropped += 1
                continue
            acc += keep
            if acc < 1.0:
                dropped += 1
                continue
            acc -= 1.0
            kept += 1
            f.write("".join(f"{w} {t}\n" for w, t, _ in conv) + "\n")
            for label, words in spans(conv):
                names[label].add(" ".join(words))
    if lists:
        os.makedirs(lists, exist_ok=True)
        for label in ("PER", "LOC", "ORG"):
            entries = sorted({bare_name(n, names[label]) for n in names[label]})
            with open(os.path.join(lists, f"wikifane-{label.lower()}.txt"), "w", encoding="utf-8") as g:
                g.write("".join(e + "\n" for e in entries))
    print(f"wikifane: {kept} sentences kept, {dropped} dropped ({opts}, keep {keep})", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
