"""Shared by the make_gold.py scripts of tests/data/timex-fallback*: turn marked-up sources into
articles/*.txt and gold/*.json in the shape of ../shared/eval (header line, offsets into the
whole file).

A source is (name, lang, published, title, body); in the body an expression is marked
``[[text|TYPE|VALUE]]``.  The markup is removed, offsets are computed on the final file and
every gold span is checked to slice to its text.
"""

import json
import re
from pathlib import Path

MARK = re.compile(r"\[\[([^|\]]+)\|(DATE|TIME|DURATION|SET)\|([^\]]+)\]\]")


def build(name, lang, published, title, body):
    header = f"date {published} {title}\n\n"
    out, timexes, pos = [header], [], len(header)
    last = 0
    for m in MARK.finditer(body):
        plain = body[last : m.start()]
        out.append(plain)
        pos += len(plain)
        text, typ, value = m.groups()
        timexes.append({"text": text, "start": pos, "end": pos + len(text), "type": typ, "value": value})
        out.append(text)
        pos += len(text)
        last = m.end()
    out.append(body[last:])
    full = "".join(out) + "\n"
    assert "[[" not in full and "]]" not in full, name
    for t in timexes:
        assert full[t["start"] : t["end"]] == t["text"], (name, t)
    gold = {"published": published, "lang": lang, "source": "litopys-authored", "doc_id": name, "timexes": timexes}
    return full, gold


def write_set(here: Path, sources) -> None:
    for name, lang, published, title, body in sources:
        full, gold = build(name, lang, published, title, body)
        (here / "articles" / f"{name}.txt").write_text(full, encoding="utf-8")
        (here / "gold" / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        words = len(full.split("\n", 2)[2].split())
        print(f"{name}: {words} words, {len(gold['timexes'])} timexes")
