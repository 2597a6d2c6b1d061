"""Article text + annotations -> escaped HTML with the dates and entities highlighted.

Everything that comes from an article (text, title, names) is passed through html.escape
before it is wrapped in our own markup, so markdown, HTML or script inside an article is
shown as text and never renders or runs.  The result is meant for `st.html` (which does no
markdown processing), inside a block with `white-space: pre-wrap` so line breaks survive.
No Streamlit here.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlparse

# kind -> (label for the legend, background colour)
KINDS: dict[str, tuple[str, str]] = {
    "timex": ("date / time", "#ffe08a"),
    "country": ("country", "#a8d1ff"),
    "place": ("place", "#b5e7b0"),
    "person": ("person", "#f7b9d7"),
    "organization": ("organisation", "#d9c6f5"),
}
FOCUS_STYLE = "outline:2px solid #e4572e;outline-offset:1px;border-radius:2px"
_BOX = (
    "white-space:pre-wrap;line-height:1.7;font-size:0.95rem;padding:0.6rem 0.8rem;"
    "border:1px solid rgba(128,128,128,.35);border-radius:6px;max-height:{h};overflow:auto"
)


def _spans(annotations: dict, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, tooltip) of every annotation inside [lo, hi)."""
    out = []
    for t in annotations.get("timexes") or []:
        s, e = t.get("start"), t.get("end")
        if isinstance(s, int) and isinstance(e, int) and lo <= s < e <= hi:
            out.append((s, e, "timex", f"{t.get('type') or 'DATE'} {t.get('value') or ''}".strip()))
    for ent in annotations.get("entities") or []:
        s, e, kind = ent.get("start"), ent.get("end"), ent.get("kind")
        if isinstance(s, int) and isinstance(e, int) and kind in KINDS and lo <= s < e <= hi:
            tip = ent.get("name") or ""
            if ent.get("country"):
                tip += f" ({ent['country']})"
            out.append((s, e, kind, tip))
    return out


def highlight_html(
    text: str,
    annotations: dict | None = None,
    focus: tuple[int, int] | list[tuple[int, int]] | None = None,
    start: int = 0,
    end: int | None = None,
    max_height: str = "32rem",
) -> str:
    """`text[start:end]` as escaped HTML, annotations as coloured <mark>s, `focus` outlined.

    `focus` is one (start, end) span or a list of them (the event sentences of an article).

    Overlapping annotations are cut at every boundary; where several cover a piece the
    shortest (innermost) one gives the colour.
    """
    text = text or ""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, min(start, end))
    spans = _spans(annotations or {}, start, end)
    cuts = {start, end}
    for s, e, _k, _t in spans:
        cuts.update((s, e))
    if focus and isinstance(focus[0], int):
        focus = [focus]
    foci = []
    for f in focus or []:
        fs, fe = max(start, f[0]), min(end, f[1])
        if fs < fe:
            cuts.update((fs, fe))
            foci.append((fs, fe))
    bounds = sorted(cuts)
    parts: list[str] = []
    in_focus = False  # one outline around each focus span, however many marks it holds
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = escape(text[a:b])
        covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        if covering:
            s, e, kind, tip = min(covering, key=lambda sp: sp[1] - sp[0])
            colour = KINDS[kind][1]
            piece = (
                f'<mark class="hl-{kind}" title="{escape(KINDS[kind][0] + ": " + tip, quote=True)}" '
                f'style="background:{colour};color:#111;padding:0 1px;border-radius:3px">{piece}</mark>'
            )
        inside = any(fs <= a and b <= fe for fs, fe in foci)
        if inside and not in_focus:
            parts.append(f'<span class="hl-focus" style="{FOCUS_STYLE}">')
        elif in_focus and not inside:
            parts.append("</span>")
        in_focus = inside
        parts.append(piece)
    if in_focus:
        parts.append("</span>")
    return f'<div class="litopys-text" style="{_BOX.format(h=max_height)}">{"".join(parts)}</div>'


def highlight_in_sentence(sentence: str, needles: dict[str, list[str]]) -> str:
    """Without offsets (a hand-added event): mark the first occurrence of each needle.

    `needles` maps a kind of KINDS to the strings to look for (date text, actor names...).
    """
    sentence = sentence or ""
    low = sentence.lower()
    spans = []
    taken: list[tuple[int, int]] = []
    for kind, words in needles.items():
        for w in words:
            if not w:
                continue
            i = low.find(w.lower())
            if i < 0 or any(i < e and s < i + len(w) for s, e in taken):
                continue
            taken.append((i, i + len(w)))
            if kind == "timex":
                spans.append({"start": i, "end": i + len(w), "type": "DATE", "value": ""})
            else:
                spans.append({"start": i, "end": i + len(w), "kind": kind, "name": w})
    ann = {"timexes": [s for s in spans if "kind" not in s], "entities": [s for s in spans if "kind" in s]}
    return highlight_html(sentence, ann, max_height="12rem")


def legend_html() -> str:
    items = "".join(
        f'<span style="background:{c};color:#111;padding:1px 6px;border-radius:3px;margin-right:6px">{escape(label)}</span>'
        for label, c in KINDS.values()
    )
    focus = f'<span style="{FOCUS_STYLE};padding:1px 6px">event sentence</span>'
    return f'<div class="litopys-legend" style="font-size:0.85rem;margin:0.2rem 0 0.5rem">{items}{focus}</div>'


def safe_link(url: str | None, label: str | None = None) -> str:
    """An <a> to an http(s) URL, escaped; anything else (javascript:, data:) as plain text."""
    label = escape(label or url or "")
    if not url:
        return label
    try:
        scheme = urlparse(str(url).strip()).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme not in ("http", "https"):
        return label + (f" <code>{escape(str(url))}</code>" if label != escape(str(url)) else "")
    return f'<a href="{escape(str(url).strip(), quote=True)}" target="_blank" rel="noopener noreferrer nofollow">{label}</a>'


def sentence_bounds(annotations: dict, offset: int) -> tuple[int, int] | None:
    """The stored sentence that contains `offset`."""
    for s, e in annotations.get("sentences") or []:
        if s <= offset < e:
            return s, e
    return None
