"""People: capitalised word runs read through morphology, role words and the people resource.

A run of capitalised words is a person when morphology tags a given name or surname in it,
when a role word precedes it ("президент Азербайджану Ільхам Алієв", "spokesman Dmitry
Peskov"), or when it is a known person's surname.  The name is put in the nominative of the
run's agreed case and gender, then romanised (translit.py); a known person gets the
resource's canonical name; a surname alone takes the full name used elsewhere in the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from operator import attrgetter

from ..lang import resource
from . import morph
from .gazetteer import Entry, people, people_by_surname
from .text import CYRILLIC_RE, Token, skeleton
from .translit import (
    chinese_name,
    given_name_origins,
    guess_origin,
    japanese_name,
    japanese_word,
    latin_given_name,
    native_table_exists,
    origin_given_name,
    origin_of_country,
    romanize_name,
    strong_surname,
)
from .wordcache import persisted, table

_ROMAN = re.compile(r"^(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})$")


@dataclass
class Person:
    i: int
    n: int
    name: str
    country: str | None = None
    role: str | None = None
    surname_key: str = ""
    given_keys: frozenset[str] = field(default_factory=frozenset)
    known: bool = False
    full: bool = False  # given name and surname
    parts: tuple[str, ...] = ()  # nominative lower-case words (Cyrillic names)
    given_n: int = 0


@cache
def roles(lang: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for lg in (lang, "en") if lang else ("uk", "ru", "en"):
        out.update(resource(lg, "entities").get("roles", {}))
    return out


@cache
def role_words(lang: str | None) -> frozenset[str]:
    """Single words of the (possibly multi-word) role phrases."""
    return frozenset(w for r in roles(lang) for w in r.split())


@cache
def saint_words(lang: str | None) -> frozenset[str]:
    out: set[str] = set()
    for lg in (lang, "en") if lang else ("uk", "ru", "en"):
        out.update(resource(lg, "entities").get("names", {}).get("saint_words", []))
    return frozenset(out)


@cache
def name_data(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """(particles, words that make a run a non-person) for a language."""
    parts: set[str] = set()
    notp: set[str] = set()
    for lg in (lang, "en") if lang else ("uk", "ru", "en"):
        d = resource(lg, "entities").get("names", {})
        parts.update(d.get("particles", []))
        notp.update(d.get("not_person", []))
    return frozenset(parts), frozenset(notp)


@cache
def _names_list(lang: str | None, key: str) -> tuple[str, ...]:
    out: list[str] = []
    for lg in (lang,) if lang else ("uk", "ru", "en"):
        out += resource(lg, "entities").get("names", {}).get(key, [])
    return tuple(sorted(set(out), key=len, reverse=True))


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \t\u00a0]+$")


def _after_street_word(text: str, start: int, lang: str | None) -> bool:
    """"вулиці Мазепи", "улица Гагарина", "імені Шевченка": a name after a street (or
    "named after") word is a street or an institution, not a person of the news."""
    if not text or start == 0:
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return False
    key = (m.group(1), lang)
    r = _STREET_CACHE.get(key)
    if r is None:
        w = m.group(1).lower()
        if len(_STREET_CACHE) > 100_000:
            _STREET_CACHE.clear()
        r = _STREET_CACHE[key] = any(w == x if len(x) <= 3 else w.startswith(x) for x in _names_list(lang, "street_words"))
    return r


_STREET_CACHE: dict[tuple[str, str | None], bool] = {}

_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")


def _words_before(text: str, a: int, span: int = 60) -> list[str]:
    """The whole words right before position a in the same clause (spaces only between them),
    nearest last: a slice split, no regular-expression scan (this runs for every name)."""
    seg = text[max(0, a - span) : a]
    if not seg or seg[-1] not in " \t\u00a0":
        return []
    words = seg.split()
    if len(seg) == span and words:
        words = words[1:]  # (the first may be cut)
    out: list[str] = []
    for w in reversed(words):
        if not w.isalpha():
            break
        out.append(w)
    return out[::-1]


def _word_just_before(text: str, a: int) -> str:
    """The whole word right before position a, spaces only between ("" if none)."""
    seg = text[max(0, a - 24) : a]
    if not seg or seg[-1] not in " \t\u00a0":
        return ""
    words = seg.split()
    w = words[-1] if words else ""
    return w if w.isalpha() and (len(words) > 1 or len(seg) < 24) else ""


def _named_after(text: str, a: int, b: int, first: str, lang: str | None, mlang: str | None) -> bool:
    """"Палац Кирила Розумовського", "Центр Гейдара Алиева" (a genitive name after a building
    or institution word that no role word precedes: not "директора музею Івана Петренка"),
    "Pierre Elliott Trudeau airport", "Mohammed VI Foundation": a thing named after a person."""
    if not text:
        return False
    after = _names_list(lang, "institution_after")
    if after:
        m = _WORD_AFTER.match(text, b)
        if m is not None and m.group(1).lower() in after:
            return True
    if not _word_just_before(text, a).lower().startswith(_names_list(lang, "institution_words")) or not _names_list(lang, "institution_words"):
        return False
    words = _words_before(text, a)
    if mlang is None:
        return True
    gs = [p.tag.grammemes for p in morph.parses(mlang, first)]
    if not any("gent" in g for g in gs) or any("nomn" in g for g in gs):
        return False
    rl = roles(lang)
    return not any(w.lower() in rl or any(x in rl for x in morph.parse_lemmas(mlang, w)[:3]) for w in words[-4:-1])


_OPEN_QUOTES, _CLOSE_QUOTES = "«„“\"", "»“”\""


_QUOTE_HEAD = re.compile(r"(?:^|[\s(])[«„“\"]((?:[^\W\d_][\w'’-]*[ \u00a0]){0,2})$")
_QUOTE_TAIL = re.compile(r"((?:[ \u00a0][^\W\d_][\w'’-]*){0,2})[»“”\"](?![^\W\d_])")


def _quoted(toks: list[Token], run: list[int], text: str) -> bool:
    """«Пушкин», «Синан Эрдем», «Адмирал Макаров», «Золота лоза»: a name inside a short quoted
    title (three words at most) names a thing (a restaurant, a ship, an award, a company); quoted
    speech is longer."""
    if not text or not run:
        return False
    a, b = toks[run[0]].start, toks[run[-1]].end
    head = _QUOTE_HEAD.search(text, max(0, a - 40), a)
    if head is None:
        return False
    tail = _QUOTE_TAIL.match(text, b)
    return tail is not None and len(head.group(1).split()) + len(run) + len(tail.group(1).split()) <= 3


def _particle(t: Token, particles: frozenset[str]) -> bool:
    return t.text.lower() in particles


def _prefixed(t: Token, particles: frozenset[str]) -> bool:
    """"al-Burhan", "аль-Асад": a lower-case particle joined to a capitalised name."""
    head, _, tail = t.text.partition("-")
    return bool(tail) and head.lower() in particles and tail[:1].isupper()


@cache
def given_names_en() -> frozenset[str]:
    gn = resource("en", "entities").get("given_names", {})
    names = set(gn.get("names", [])) | set(gn.get("detect", []))  # (detect: not for respelling)
    for p in people():
        for form in p["forms"]:
            parts = form.split()
            if len(parts) > 1 and parts[0].isascii():
                names.add(parts[0])
    return frozenset(n.lower() for n in names)


def _in_quotes(text: str, pos: int) -> bool:
    """Inside «...» (a party, a company): "лідера партії «Нова Грузія» Ніколоза"."""
    if not text:
        return False
    window = text[max(0, pos - 40) : pos]
    return window.rfind("«") > window.rfind("»")


_CLOSE_GAP = re.compile(r"[»“”\"][ \u00a0]+")
_OPEN_GAP = re.compile(r"[ \u00a0]+(?:[^\W\d_]+[ \u00a0]+){0,3}[«„“\"]")


def _quote_gap(text: str, a: int, b: int, closing: bool) -> bool:
    """A quoted name between a role and a person: "лідера опозиційної партії «Нова Грузія»
    Ніколоза" -- the closing quote right before the person, the opening one after the role."""
    if not text or not 0 < b - a <= 40:
        return False
    return (_CLOSE_GAP if closing else _OPEN_GAP).fullmatch(text, a, b) is not None


_LOC_PREP = re.compile(r"(?:^|[\s(])(?:в|у|во|із|из|з|in|at|to)[ \t\u00a0]+$", re.IGNORECASE)


def _role_before(toks: list[Token], i: int, lang: str | None, ents: dict[int, Entry], text: str = "",
                 cues: list[int] | None = None) -> tuple[str | None, str | None, int]:
    """Role word and affiliation country in the few tokens before token i (same clause).

    A country or place after "в"/"у"/"in" is where the person serves; an affiliation named
    before it wins ("посол України в Казахстані": UKR)."""
    if cues is not None and not _cue_before(i, lang, ents, cues):
        return None, None, -1  # what the walk below finds without a cue (most names)
    rl = roles(lang)
    country = None
    loc: str | None = None
    k = i - 1
    steps = toks[i].skipped if i < len(toks) else 0  # words left out count as steps too
    quoted = False
    while k >= 0 and steps < 6:
        if not toks[k + 1].near:
            if k + 1 == i and _quote_gap(text, toks[k].end, toks[k + 1].start, True):
                quoted = True
            elif not (quoted and _quote_gap(text, toks[k].end, toks[k + 1].start, False)):
                break
            else:
                quoted = False
        t = toks[k]
        e = ents.get(k)
        if e is not None:
            if e.kind == "person" and lang not in morph.MORPH_LANGS:
                return None, None, -1
            # (a nationality noun at a sentence's start too: "Суданець Адам Ісхак", not "Франція")
            if k == i - 1 and e.kind == "country" and (not t.cap or t.initial and morph.is_common_word(lang, t.text)) \
                    and toks[i].joined and lang in morph.MORPH_LANGS:
                return None, e.country, k  # "турка Эмре Йылмаза", "грузина Гелы Чачуа"
            if e.country and country is None:
                ks = k
                while ks > 0 and ents.get(ks - 1) is e:
                    ks -= 1
                if text and loc is None and _LOC_PREP.search(text[max(0, toks[ks].start - 6) : toks[ks].start]):
                    loc = e.country
                else:
                    country = e.country
            steps += 1 + t.skipped
            k -= 1
            continue
        words = [x.lower() for x in t.lemmas[:3]] + [t.text.lower()]
        if k > 0 and toks[k].joined:
            words.append(f"{toks[k - 1].text.lower()} {t.text.lower()}")
        role = next((rl[w] for w in words if w in rl), None)
        if role is not None:
            # an adjective country right before the role word(s): "українського журналіста",
            # "Hungarian Prime Minister"
            b = k
            while country is None and b > 0 and toks[b].joined and b > k - 3:
                e2 = ents.get(b - 1)
                if e2 is not None and e2.country and e2.kind != "person":
                    country = e2.country
                    break
                if toks[b - 1].text.lower() not in role_words(lang):
                    break
                b -= 1
            return role or None, country or loc, k
        if t.cap and e is None and not (t.upper and len(t.text) <= 5) and not (quoted and _in_quotes(text, t.start)):
            return None, None, -1  # (but "командующий ВВС Эстонии", "лидер партии «Нова Грузія»")
        steps += 1 + t.skipped
        k -= 1
    return None, None, -1


@cache
def _role_last_words(lang: str | None) -> frozenset[str]:
    """Last words of two-word role phrases (the walk also looks a token up with the one before it)."""
    return frozenset(r.rsplit(" ", 1)[1] for r in roles(lang) if " " in r)


def _role_cue(t: Token, lang: str | None) -> bool:
    """Can _role_before take this token for a role word (alone or with the word before)?"""
    rl, low = roles(lang), t.text.lower()
    return low in rl or low in _role_last_words(lang) or any(x.lower() in rl for x in t.lemmas[:3])


_TEXT = attrgetter("text")


def role_cue_counts(toks: list[Token], lang: str | None) -> list[int]:
    """How many possible role words precede each token (one pass per article; the answer per
    word is kept, so a known word costs a look-up at C speed)."""
    known = table(f"role_cue.{lang}")
    if len(known) > 300_000:
        known.clear()
    flags = list(map(known.get, map(_TEXT, toks)))
    if None in flags:
        for k, f in enumerate(flags):
            if f is None:
                flags[k] = known[toks[k].text] = _role_cue(toks[k], lang)
    return list(accumulate(flags, initial=0))


def _cue_before(i: int, lang: str | None, ents: dict[int, Entry], cues: list[int]) -> bool:
    """Anything _role_before could return: a role word among the six tokens it may walk back
    over, or a country right before the name (a demonym: "турка Эмре Йылмаза")."""
    e = ents.get(i - 1)
    if e is not None and e.kind == "country" and lang in morph.MORPH_LANGS:
        return True
    return cues[i] > cues[max(0, i - 6)]


_AGREE_SLOTS = tuple((case, gender) for case in morph.CASES for gender in ("masc", "femn"))


@persisted("agreement", maxsize=100_000)
def _agreement(lang: str, word: str) -> tuple[float, ...]:
    """What one word adds to each (case, gender) of _AGREE_SLOTS: its first parse that fits,
    2 for a name's parse, 1 otherwise, times 0.4 for a word the dictionary lacks; 0.0 when
    none fits.  Per word, so a run's score is a few additions."""
    weight = 1.0 if morph.is_known(lang, word) else 0.4
    # (one person: "Раис" is not "Раис", genitive plural of Раиса)
    gs = [g for g in (p.tag.grammemes for p in morph.parses(lang, word)) if not ("plur" in g and "Surn" not in g)]
    out = []
    for case, gender in _AGREE_SLOTS:
        add = 0.0
        for g in gs:
            if case in g and (gender in g or "Fixd" in g or "ms-f" in g):
                add = (2 if morph.PERSON_TAGS & g else 1) * weight
                break
        out.append(add)
    return tuple(out)


@cache
def _man_declines(lang: str) -> tuple[str, tuple[str, ...]]:
    """(final letters a man's name declines after, case endings that end in one of them)."""
    d = resource(lang, "entities").get("names", {})
    letters = d.get("man_declines", "")
    return letters, tuple({e for e, _ in d.get("endings", []) if e[-1:] in letters})


def _as_written(g: frozenset[str]) -> bool:
    """A parse that is no oblique form of one man: a nominative, an inanimate accusative, a
    given name's plural ("Хатун": of Хатуна), a woman's undeclined surname ("Гончар")."""
    return "nomn" in g or ("accs" in g and "inan" in g) or ("plur" in g and "Name" in g) or {"Fixd", "femn"} <= g


@persisted("undeclined", maxsize=100_000)
def _undeclined(lang: str, word: str) -> tuple[float, ...]:
    """-2 for the oblique masculine slots of a word that ends in a consonant and has only
    nominative parses: a man's name there would take a case ending ("Алесю Шпак", "Сетара
    Хатун": a woman's, not Алесь's or Сетар's).  Not a word ending in a case ending ("-ом"),
    nor an inanimate common noun or a place ("Вермонт Берни Сандерса"), nor a particle."""
    gs = [p.tag.grammemes for p in morph.parses(lang, word)]
    if morph.is_known(lang, word) and any("Name" in g for g in gs):
        # a given name the dictionary declines: not in a case and gender it has no form in
        # ("лаборанткою Надія Малежик": no instrumental Надія)
        return tuple(0.0 if any(case in g and (gender in g or "Fixd" in g or "ms-f" in g) for g in gs) else -1.0
                     for case, gender in _AGREE_SLOTS)
    letters, endings = _man_declines(lang)
    low = word.lower()
    if low[-1:] not in letters or low.endswith(endings) or low in name_data(lang)[0]:
        return (0.0,) * len(_AGREE_SLOTS)
    if not all(map(_as_written, gs)) or (gs and not any("anim" in g for g in gs)):
        return (0.0,) * len(_AGREE_SLOTS)
    return tuple(-2.0 if gender == "masc" and case != "nomn" else 0.0 for case, gender in _AGREE_SLOTS)


@persisted("agree", maxsize=50_000)
def _agree(lang: str, words: tuple[str, ...], prefer: frozenset[str] = frozenset(), gender_pref: str | None = None,
           role_gender: str | None = None, declension: bool = False) -> tuple[str | None, str | None]:
    """The (case, gender) most words of the run can share.

    Dictionary words count more than guesses for unknown words; `prefer` holds the cases of a
    role noun in apposition ("министра Жеральда Дарманена": genitive); `declension` adds the
    checks of _undeclined (slots a word's declension rules out).
    """
    best, best_score = (None, None), -1.0
    adds = [_agreement(lang, w) for w in words]
    if declension and len(words) > 1:
        adds += [_undeclined(lang, w) for w in words]
    for n, (case, gender) in enumerate(_AGREE_SLOTS):
        score = 0.0
        for a in adds:
            score += a[n]
        score += 0.3 if case == "nomn" else 0
        score += 1.5 if case in prefer else 0
        score += 1.0 if gender == gender_pref else 0
        # (a feminine role noun: "заступниця міністра Ірина Шкварчук" is not a man Ірин)
        score += 1.0 if gender == role_gender else 0
        # (a past-tense verb right after the name makes it the subject more surely than a
        # genitive role noun before it: "Агент игрока Рикардо Соуза сообщил")
        score += 0.6 if gender_pref is not None and case == "nomn" else 0
        if score > best_score:
            best, best_score = (case, gender), score
    return best


@persisted("nominative", maxsize=100_000)
def _nominative(lang: str, word: str, case: str | None, gender: str | None) -> tuple[str, str | None]:
    """(nominative lower-case form, tag among Name/Surn/Patr or None)."""
    ps = morph.parses(lang, word)
    # (one person: "Шушан" is no genitive plural of the given name Шушана)
    cands = [p for p in ps if case in p.tag.grammemes and (gender in p.tag.grammemes or "Fixd" in p.tag.grammemes)
             and not (case != "nomn" and "plur" in p.tag.grammemes and "Name" in p.tag.grammemes)]
    # a plural surname ("брати Сафарови") is read as one person's
    cands += [p for p in ps if case in p.tag.grammemes and "plur" in p.tag.grammemes and "Surn" in p.tag.grammemes and p not in cands]
    gn = morph.given_names(lang)
    cands.sort(key=lambda p: 0 if morph.PERSON_TAGS & p.tag.grammemes or p.normal_form in gn else 1)
    for p in cands:
        tag = next(iter(morph.PERSON_TAGS & p.tag.grammemes), None) or ("Name" if p.normal_form in gn else None)
        if tag is None and morph.is_known(lang, word) and not p.tag.grammemes & {"NOUN"}:
            continue
        g = p.tag.grammemes
        if "nomn" in g and "plur" not in g and (gender is None or gender in g or "Fixd" in g):
            return p.word.replace("ʼ", "'"), tag  # already the nominative: no paradigm needed
        if gender == "masc" and "masc" in g and tag is not None and p.normal_form[:2] == word.lower()[:2]:
            # a man's name or surname: the dictionary's normal form is the masculine nominative
            # singular, no paradigm to build
            return p.normal_form.replace("ʼ", "'"), tag
        form = None
        for req in ({"nomn", gender, "sing"}, {"nomn", gender}, {"nomn"}):
            try:
                inf = p.inflect({g for g in req if g})
            except ValueError:
                inf = None
            if inf is not None:
                form = inf.word
                break
        return (form or p.normal_form).replace("ʼ", "'"), tag
    tags = morph.person_tags(lang, word)
    low = word.lower()
    if case not in (None, "nomn") and not ({"Fixd"} & {g for p in ps for g in p.tag.grammemes}):
        # the dictionary lacks this form: undo a case ending ("Царёва" -> "Царёв" for a man)
        from .tokens import guessed_nominatives

        soft_stem = low.endswith(("ы" if lang == "ru" else "и", "ию", "ію")) and not low.endswith(("ий", "ый", "ій", "ии"))
        for g in guessed_nominatives(word, lang):
            # a man's name of the -а declension ("Гелы" -> Гела) ends in -ы/-и out of the nominative
            if (gender == "masc") == (g[-1:] not in "аяь") or (gender == "masc" and soft_stem and g[-1:] in "ая"):
                return g, next(iter(tags), None)
    return low, next(iter(tags), None)


def _known(sur: str, given: set[str]) -> dict | None:
    cands = people_by_surname().get(sur, [])
    for p, gks in cands:
        if not given or given & gks:
            return p
    for p, gks in cands:  # an inflected or oddly spelt given name: compare the beginnings
        if any(g[:3] == x[:3] or (len(g) <= 2 and g[:1] == x[:1]) for g in given for x in gks):
            return p
    return None


@lru_cache(maxsize=50_000)
def _foreign_run(words: tuple[str, ...], mlang: str) -> bool:
    """A run that is a foreign name by its shape: a listed foreign given name followed by
    another word, or a Chinese (Palladius) or Japanese (Polivanov) name."""
    if len(words) < 2:
        return False
    low = tuple(w.lower() for w in words)
    return origin_given_name(words[0]) or chinese_name(low, mlang) is not None or japanese_name(low, mlang) is not None


_INDECL_END = frozenset("иіуое")
_CASE_ENDS = ("ові", "еві", "єві", "ою", "ею", "єю", "ой", "ей")
_NO_GUESS = frozenset({"UKR", "RUS", "BLR"})


@persisted("origin_country", maxsize=50_000)
def _origin_country(parts: tuple[str, ...], n_given: int, country: str | None, mlang: str, surface: str,
                    written: tuple[str, ...] = ()) -> tuple[tuple[str, bool, bool] | None, str | None]:
    """((country to romanise with, surname indeclinable, guessed from the shape) or None,
    pinyin name or None).

    With no affiliation the origin is guessed from the shape of the name
    (resources/name_origins.toml); a common foreign given name without an origin still marks
    the person as foreign ("": Russian-based spelling)."""
    if country in _NO_GUESS or n_given < 1:
        return None, None
    if country in (None, "CHN", "TWN", "HKG", "SGP", "MAC"):
        ch = chinese_name(parts, mlang)
        if ch is not None:
            return None, ch
    if country in (None, "JPN") and len(parts) == 2:
        # a written word that is Polivanov syllables already is the nominative (Хироси, not
        # the Хироса the case guess makes of it; Окады is not, Окада is)
        written = written if len(written) == len(parts) else parts
        as_written = tuple(w if japanese_word(w, mlang) else p for p, w in zip(parts, written, strict=True))
        jp = japanese_name(as_written, mlang) or japanese_name(parts, mlang)
        if jp is not None:
            return None, jp
    if country is not None:  # a role-phrase country: its own table, if any
        o = origin_of_country(country)
        return (country, bool(o and o.indeclinable), False), None
    o = guess_origin(parts, n_given, surface)
    if o is not None:
        return (o.country, o.indeclinable, True), None
    if any(latin_given_name(p) for p in parts[:n_given]):
        return ("", False, True), None
    return None, None


def _keep_written(words: list[str], forms: list[tuple[str, str | None]]) -> None:
    """A name whose written surname marks an origin that writes a vowel no case ending is
    ("Раду Константінеску": Romanian -u) keeps its words in that vowel as written."""
    if len(words) < 2 or not strong_surname(words[-1].lower()):
        return
    low = tuple(w.lower() for w in words)
    o = guess_origin(low, len(low) - 1)
    # (not when the given name read in the nominative is Ukrainian or Russian: "Михайлу Кіперману")
    if o is not None and o.written and guess_origin((forms[0][0], *low[1:]), len(low) - 1) == o:
        for n, w in enumerate(low):
            if w.endswith(o.written):
                forms[n] = (w, forms[n][1])


def _a_stem_nominative(country: str, given: str, word: str, mlang: str) -> str | None:
    """"Эмилиано Сапаты": a surname kept as written (the given name before it does not
    decline) in an ending that only a case form of an -а surname has, for an origin with such
    surnames (`a_stem_endings`; the origin of the name, else of its given name): the
    nominative in -а."""
    o = origin_of_country(country) if country else None
    origins = (o,) if o is not None else given_name_origins(given)
    low = word.lower()
    if not any(x.a_stem and low.endswith(x.a_stem) for x in origins):
        return None
    return next((g for g in _guessed_nominatives(word, mlang) if g[-1:] == "а"), None)


def _written_ending(country: str, surface: str) -> bool:
    o = origin_of_country(country)
    return o is not None and surface.endswith(o.written) if o and o.written else False


def _phonetic(word: str) -> str:
    """A rough sound key to match a romanised given name with its usual Latin spelling."""
    import unicodedata

    w = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    for a, b in (("sch", "sh"), ("ch", "4"), ("ck", "k"), ("ph", "f"), ("qu", "kv"), ("c", "k"), ("q", "k"),
                 ("x", "ks"), ("w", "v"), ("y", "i"), ("z", "s"), ("kh", "h"), ("4", "ch")):
        w = w.replace(a, b)
    if w.endswith("ie"):
        w = w[:-1]
    elif w.endswith("e") and len(w) > 3:
        w = w[:-1]
    out = []
    for c in w:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=50_000)
def _guessed_nominatives(word: str, lang: str) -> tuple[str, ...]:
    from .tokens import guessed_nominatives

    return tuple(guessed_nominatives(word, lang))


def _initial_key(name: str) -> str:
    low = name.lower()
    return "f" if low.startswith("ph") else {"w": "v", "c": "k", "q": "k"}.get(low[:1], low[:1])


@cache
def _latin_given_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for n in resource("en", "entities").get("given_names", {}).get("names", []):
        out.setdefault(_phonetic(n), n)
    return out


def _title(word: str) -> str:
    return "-".join(x[:1].upper() + x[1:] for x in word.split("-"))


_HONORIFICS = frozenset({"judge", "justice", "dr", "mr", "mrs", "ms", "sir", "dame", "sheikh"})
_SPEECH_AFTER = re.compile(
    r"\s*(?:,\s*(?:who|whose|a|an|the|one|aged|\d+)\b|,?\s*(?:said|says|told|announced|added|wrote|warned|argued|noted|"
    r"explained|insisted|stressed|denied|confirmed|welcomed|called|urged)\b)")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|according to|added)\s+$")


def detect(toks: list[Token], lang: str | None, ents: dict[int, Entry], blocked: set[int], stops: frozenset[str], text: str = "") -> list[Person]:
    """Find people among tokens not blocked by country/organisation matches."""
    mlang = lang if lang in morph.MORPH_LANGS else None
    rl = roles(lang)
    out: list[Person] = []
    ctx = dict(ents)
    particles, not_person = name_data(lang)
    alone = Counter(t.text for k, t in enumerate(toks) if t.cap and k not in blocked)
    cues = role_cue_counts(toks, lang)
    i = 0
    while i < len(toks):
        t = toks[i]
        if i in blocked or not _name_like(t, lang, stops, rl):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and j - i < 5 and j not in blocked and toks[j].joined:
            tj = toks[j]
            if toks[j - 1].text.endswith(("'s", "’s")):
                break  # a possessive ends the name ("Elian's Miami relatives")
            if _name_like(tj, lang, stops, rl) or _prefixed(tj, particles):
                if mlang and tj.cap and _surname_only(toks[j - 1], mlang) and morph.is_known(mlang, tj.text) and "Name" in morph.person_tags(mlang, tj.text):
                    break
                j += 1
            elif _ROMAN.match(tj.text):  # "Лев XIV", "Charles III"
                j += 1
                break
            elif _particle(tj, particles) and j + 1 < len(toks) and toks[j + 1].joined and (_name_like(toks[j + 1], lang, stops, rl) or _particle(toks[j + 1], particles)):
                j += 1
            else:
                break
        while j - 1 > i and _particle(toks[j - 1], particles):
            j -= 1
        run = list(range(i, j))
        if i > 0 and t.joined and (set(toks[i - 1].lemmas[:2]) | {toks[i - 1].text.lower()}) & saint_words(lang):
            i = j  # "собор Святого Петра": a saint
            continue
        # a place or country right before a name is not part of it ("прокурор Парижа Лор Беккуо")
        # (a given name's form too after "в"/"у": "консул Литви у Львові Томас Вайткус", not Лев)
        while len(run) > 1 and run[0] in ents and ents[run[0]].kind in ("place", "country") \
                and not (mlang and "Name" in morph.person_tags(mlang, toks[run[0]].text) and not _LOC_PREP.search(text[max(0, toks[run[0]].start - 6) : toks[run[0]].start])) \
                and not (mlang and len(run) == 2 and ents[run[0]].kind == "place" and (ents[run[0]].pop or 0) < 100_000
                         and not morph.is_known(mlang, toks[run[0]].text) and not morph.is_known(mlang, toks[run[1]].text)):
            # (but "грузина Гелы Чачуа": two words the dictionary lacks, the first a small town's
            # guessed form, are a name)
            run = run[1:]
        # capitalised common words before a name ("Альянсу Марк Рютте"), but not a foreign
        # given name the dictionary reads as a word ("Арам", "Мерве") nor a Chinese name ("Ван Лінь")
        foreign = False
        while len(run) > 1 and mlang and morph.is_common_word(mlang, toks[run[0]].text) and not morph.person_tags(mlang, toks[run[0]].text) and not _is_known_surname(toks[run[0]], mlang):
            if _foreign_run(tuple(toks[k].text for k in run), mlang):
                foreign = True
                break
            run = run[1:]
        # a genitive place or company before a given name + surname ("мэр Новосибирска Максим
        # Кудрявцев", "директор Уралвагонзавода Александр Потапов")
        # (or a listed foreign given name: "жительница Ванадзора Седа Аветисян")
        if mlang and len(run) >= 3 and ("Name" in morph.person_tags(mlang, toks[run[1]].text) or origin_given_name(toks[run[1]].text)) \
                and not morph.person_tags(mlang, toks[run[0]].text) and not _is_known_surname(toks[run[0]], mlang) and not origin_given_name(toks[run[0]].text):
            run = run[1:]
        # ... also two words, or words that can be a surname but are likelier common words
        # ("Мешканка Білої Церкви Тетяна Возна", "консулка в Берегові Ілдіко Сабо")
        if mlang and len(run) >= 3:
            m = next((m for m in (1, 2) if m < len(run) - 1 and ("Name" in morph.person_tags(mlang, toks[run[m]].text) or origin_given_name(toks[run[m]].text))), None)
            if m is not None and any(morph.is_common_word(mlang, toks[run[q]].text) and not _is_known_surname(toks[run[q]], mlang) for q in range(m)) \
                    and not any("Name" in morph.person_tags(mlang, toks[run[q]].text) for q in range(m)):
                run = run[m:]
        # ... or the surname of someone named before ("адвокат Лысенкова Ольга Верещагина")
        if mlang and len(run) >= 3 and out and "Name" in morph.person_tags(mlang, toks[run[1]].text) \
                and toks[run[0]].keys & {q.surname_key for q in out if q.full}:
            run = run[1:]
        # English: leading role words ("President Ilham Aliyev") are cues, not names
        lead_role = None
        while run and toks[run[0]].text.lower() in rl and not mlang:
            lead_role = rl[toks[run[0]].text.lower()] or lead_role
            run = run[1:]
        # English titles ("Justice Esther Wanjiru", "Major General Zaw Htet"): cues when a
        # name of two words or more follows (one word after honorifics: "Judge Wanjiru")
        titles = _names_list("en", "titles") if not mlang else ()
        while run and not mlang and toks[run[0]].text.lower().rstrip(".") in titles \
                and (len(run) >= 3 or len(run) == 2 and toks[run[0]].text.lower().rstrip(".") in _HONORIFICS
                     and toks[run[1]].text.lower() not in given_names_en()):  # not "Justice Anthony M. Kennedy"
            lead_role = lead_role or "title"
            run = run[1:]
        # ... and a role inside the run ends what precedes it ("Miami-Dade Mayor Alex Penelas")
        if not mlang and len(run) >= 3:
            cut = max((n for n in range(len(run) - 2) if toks[run[n]].text.lower() in rl), default=None)
            if cut is not None:
                lead_role = rl[toks[run[cut]].text.lower()] or lead_role or "role"
                run = run[cut + 1 :]
        if not mlang:  # English: a place inside a run ends the name ("Elian's Miami relatives")
            # (but not a capitalised particle between two name words: "Le Van Tuan", not the town Van)
            cut = next((n for n, k in enumerate(run) if n > 0 and k in ents and not (n < len(run) - 1 and _particle(toks[k], particles))), None)
            if cut is not None:
                run = run[:cut]
            while len(run) > 1 and run[0] in ents:
                run = run[1:]
        if not mlang and any(_possessive_base(toks[k].text).lower() in not_person for k in run):
            i = j
            continue
        # a capitalised common word at a sentence start is not part of a name
        while run and mlang and toks[run[0]].initial and not foreign and morph.is_common_word(mlang, toks[run[0]].text) and not morph.person_tags(mlang, toks[run[0]].text) and not _is_known_surname(toks[run[0]], mlang):
            run = run[1:]
        if mlang and len(run) >= 3 and _after_street_word(text, toks[run[0]].start, lang):
            # "з вулиці Івана Франка Валентина Мороз": the street's name, then a person
            m = max((m for m in range(1, len(run) - 1) if "Name" in morph.person_tags(mlang, toks[run[m]].text)), default=None)
            if m is not None:
                run = run[m:]
        for sub in (_split_known(toks, run, text) if not mlang else _split_scripts(toks, run)):
            p = _read(toks, sub, lang, mlang, ctx, lead_role, alone, text, cues)
            if p is not None and (_quoted(toks, sub, text) or _after_street_word(text, toks[sub[0]].start, lang)
                                  or _named_after(text, toks[p.i].start, toks[p.i + p.n - 1].end, toks[p.i].text, lang, mlang)):
                p = None  # «Пушкин» (a restaurant), "вулиця Мазепи", "імені Шевченка", "Палац Кирила Розумовського"
            if p is not None:
                out.append(p)
                for k in range(p.i, p.i + p.n):
                    ctx[k] = Entry("person", p.name, p.country)
        i = j
    if mlang and text:
        _share_surnames(out, toks, mlang, text)
    _article_names(out, {e.country for e in ents.values() if e.country}, particles)
    return out


def _article_names(out: list[Person], countries: set[str], particles: frozenset[str]) -> None:
    """Names that stand for someone named in full elsewhere in the article.

    A bare surname that is also a known person's ("Гаджиев", "Arce") is the article's own
    Magomed Gadzhiev or Julio Arce Villanueva when the known person is not named in full and
    belongs elsewhere (their country is not in the article, or the article's namesake has
    another); a name from a particle on ("Ben Salah" after "Hédi Ben Salah") is the same
    person, as is the end of a longer name from a word no given name on ("Garza Treviño" after
    "Alejandro Garza Treviño": a Spanish double surname)."""
    full = [p for p in out if p.full and not p.known]
    if not full:
        return
    named_known = {p.name for p in out if p.known and p.full}
    by_part: dict[str, Person] = {}
    for p in full:
        words = p.parts or tuple(p.name.split())
        for w in words[p.given_n if p.parts else 1 :]:
            by_part.setdefault(skeleton(w), p)
    for p in out:
        if p.known and not p.full and p.name not in named_known:
            ref = by_part.get(p.surname_key)
            if ref is not None and (p.country not in countries or ref.country not in (None, p.country)):
                p.name, p.country, p.known = ref.name, ref.country or p.country, False
                p.surname_key = ref.surname_key
        elif p.full and not p.known and (p.name.split()[0].lower() in particles or _surname_pair(p)):
            low = p.name.lower().split()
            ref = next((q for q in full if q is not p and len(q.name.split()) > len(low) and q.name.lower().split()[-len(low) :] == low), None)
            if ref is not None:
                p.name, p.country = ref.name, p.country or ref.country


def _surname_pair(p: Person) -> bool:
    """A Latin-script name of two words whose first is no given name we know."""
    low = p.name.lower().split()
    return not p.parts and len(low) == 2 and low[0] not in given_names_en()


_CONJ = re.compile(r"[ \t\u00a0]+(?:и|і|й|та)[ \t\u00a0]+$")


def _share_surnames(out: list[Person], toks: list[Token], mlang: str, text: str) -> None:
    """"братья Андрей и Евгений Свечниковы": the first given name takes the shared surname."""
    for a, b in zip(out, out[1:], strict=False):
        if a.n != 1 or a.full or a.known or len(a.parts) != 1 or not b.full or len(b.parts) < 2 or b.given_n != len(b.parts) - 1:
            continue
        if "Name" not in morph.person_tags(mlang, toks[a.i].text):
            continue
        if not _CONJ.match(text[toks[a.i].end : toks[b.i].start]):
            continue
        parts = [a.parts[0], b.parts[-1]]
        name = romanize_name(parts, mlang, a.country or b.country, 1)
        a.name, a.full, a.parts, a.given_n = name, True, tuple(parts), 1
        a.surname_key, a.country = b.surname_key, a.country or b.country


_LOWER_BEFORE = re.compile(r"\b[a-z]+[ \t\u00a0]+$")
_LOWER_AFTER = re.compile(r"[ \t\u00a0]+[a-z]+\b")


def _split_known(toks: list[Token], run: list[int], text: str = "") -> list[list[int]]:
    """A title-case run ("Zelensky Meets Macron As ...") split around known surnames."""
    if len(run) < 3:
        return [run] if run else []
    a, b = toks[run[0]].start, toks[run[-1]].end
    in_sentence = bool(text) and bool(_LOWER_BEFORE.search(text, max(0, a - 20), a) or _LOWER_AFTER.match(text, b))
    by_sur = people_by_surname()
    cuts = [k for k in run if skeleton(_possessive_base(toks[k].text)) in by_sur]
    if not cuts or (len(cuts) == 1 and cuts[0] == run[-1] and len(run) <= 3):
        return [run]
    subs = []
    for k in cuts:
        given = {g for _, gks in by_sur[skeleton(_possessive_base(toks[k].text))] for g in gks}
        start = k
        while start - 1 in run and skeleton(toks[start - 1].text) in given and (not subs or start - 1 > subs[-1][-1]):
            start -= 1
        if start == k and k - 1 in run and (in_sentence or toks[k - 1].text.lower() in given_names_en()):
            return [run]  # another given name: someone else of that surname ("Julio Arce Villanueva")
        subs.append(list(range(start, k + 1)))
    return subs


def _split_scripts(toks: list[Token], run: list[int]) -> list[list[int]]:
    """"Nordvind Energi Расмус Вестергор": a name is written in one script."""
    subs: list[list[int]] = []
    last = None
    for k in run:
        cyr = toks[k].text[:1] >= "\u0400"  # (a Cyrillic first letter)
        if cyr != last and not (subs and _ROMAN.match(toks[k].text)):  # ("Лев XIV")
            subs.append([])
            last = cyr
        subs[-1].append(k)
    return subs


def _possessive_base(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s").rstrip("'’")


@lru_cache(maxsize=50_000)
def _common_noun(mlang: str, word: str) -> bool:
    """"Рибалка з Очакова ...": a dictionary word with a common-noun (or non-name) reading."""
    return morph.is_common_word(mlang, word) or any(p.tag.POS == "NOUN" and not morph.PERSON_TAGS & p.tag.grammemes for p in morph.parses(mlang, word))


def _adjective_phrase(mlang: str, word: str, end: int, text: str) -> bool:
    """"Волинської обласної прокуратури": an adjective that is also a surname, followed by a
    lower-case adjective or noun, is part of a name of a thing."""
    if not text or morph.best_pos(mlang, word) != "ADJF":
        return False
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1)[:1].islower() and morph.any_pos(mlang, m.group(1), frozenset({"ADJF", "NOUN"}))


def _plural_role(mlang: str, toks: list[Token], k: int) -> bool:
    """The role word at k is plural as most likely read ("спасатели", "студентів")."""
    ps = morph.parses(mlang, toks[k].text) if k >= 0 else ()
    return bool(ps) and "plur" in ps[0].tag.grammemes


def _surname_only(t: Token, mlang: str) -> bool:
    if not morph.is_known(mlang, t.text):
        return False
    tags = morph.person_tags(mlang, t.text)
    return ("Surn" in tags and "Name" not in tags) or (_is_known_surname(t, mlang) and "Name" not in tags)


def _is_known_surname(t: Token, mlang: str | None) -> bool:
    return any(k in people_by_surname() for k in t.keys)


_NAME_LIKE: dict[str | None, tuple[dict, dict]] = {}  # language -> (inside a sentence, sentence-initial): word -> bool


def _name_like(t: Token, lang: str | None, stops: frozenset[str], rl: dict) -> bool:
    """Cached per (word, sentence-initial, language), also across runs: it depends on nothing else."""
    if not t.cap:
        return False
    tables = _NAME_LIKE.get(lang)
    if tables is None:
        tables = _NAME_LIKE[lang] = (table(f"name_like.{lang}"), table(f"name_like.{lang}.initial"))
    known = tables[t.initial]
    r = known.get(t.text)
    if r is None:
        if len(known) > 300_000:
            known.clear()
        r = known[t.text] = _name_like_uncached(t, lang, stops, rl)
    return r


def _name_like_uncached(t: Token, lang: str | None, stops: frozenset[str], rl: dict) -> bool:
    if not t.cap or len(t.text) < 2:
        return False
    if t.upper:  # capitals: only a known surname ("ПУТІН ЗАЯВИВ")
        return len(t.text) >= 4 and _is_known_surname(t, lang)
    if lang in morph.MORPH_LANGS:
        if not morph.person_tags(lang, t.text):
            pos = morph.best_pos(lang, t.text)
            if pos in ("NPRO", "PREP", "CONJ", "PRCL") or (t.initial and pos in morph.FUNCTION_POS):
                return False
        elif t.initial and any(p.tag.POS in ("NPRO", "PREP", "CONJ", "PRCL") for p in morph.parses(lang, t.text)):
            return False  # "Усі учасники": a pronoun that is also a rare surname
    low = t.text.lower()
    if low in stops or (t.lemmas and t.lemmas[0] in stops and not _is_known_surname(t, lang)):
        return False
    if low.endswith(("-based", "-born", "-led", "-backed", "-owned", "-made")):
        return False  # "Atlanta-based BellSouth"
    return True


_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)\b(?![-'’])")


def _verb_after(end: int, text: str, mlang: str) -> str | None:
    """The gender of a past-tense singular verb right after a name ("заявил", "заявила")."""
    if not text:
        return None
    m = _NEXT_WORD.match(text, end)
    if m is None or not m.group(1)[:1].islower() or not m.group(1).endswith(_PAST_ENDINGS):
        return None
    return _past_verb_gender(mlang, m.group(1))


# past-tense singular endings (ru заявил/заявила/вернулся, uk заявив/заявила/повернувся)
_PAST_ENDINGS = ("л", "ла", "в", "лся", "лась", "вся", "лася", "ся", "сь")


@persisted("past_verb_gender", maxsize=50_000)
def _past_verb_gender(mlang: str, word: str) -> str | None:
    ps = morph.parses(mlang, word)
    if not ps or not morph.is_known(mlang, word):
        return None
    g = ps[0].tag.grammemes
    if ps[0].tag.POS == "VERB" and "past" in g and "sing" in g:
        return next((x for x in ("masc", "femn") if x in g), None)
    return None


@cache
def _stops(lang: str | None) -> frozenset[str]:
    from .matcher import stop_words

    return stop_words(lang)


def _speech_cue(toks: list[Token], run: list[int], text: str) -> bool:
    """English: "Harriet Cole, who leads ...", "Lars Jensen said", "said Anna Berglund"."""
    if not text:
        return False
    a, b = toks[run[0]].start, toks[run[-1]].end
    return bool(_SPEECH_AFTER.match(text, b) or _SPEECH_BEFORE.search(text, max(0, a - 20), a))


def _alpha(word: str) -> bool:
    return word.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _country_possessive(toks: list[Token], run: list[int], ents: dict[int, Entry]) -> bool:
    """English: "Indonesia's Putri Wardani", "China's Liu Yuchen"."""
    k = run[0] - 1
    e = ents.get(k)
    return k >= 0 and e is not None and e.kind == "country" and toks[run[0]].joined and toks[k].text.endswith(("'s", "’s"))


_APPOS_BEFORE = re.compile(r"(?:^|[\s(])((?:[A-Za-z]+ )?[A-Za-z]+\.?),[ \t\u00a0]+$")
_TITLE_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Capt|Lt|Sgt|Maj)\.[ \t\u00a0]+$")


def _appositive_role(toks: list[Token], run: list[int], text: str, lang: str | None) -> str | None:
    """English: "His lawyer, Desislava Koleva-Pencheva, said", "the UN special envoy, Ingrid
    Solberg of Norway, called"; "Dr. Amina Yusuf"."""
    a, b = toks[run[0]].start, toks[run[-1]].end
    if _TITLE_BEFORE.search(text, max(0, a - 6), a):
        return "title"
    m = _APPOS_BEFORE.search(text, max(0, a - 40), a)
    if m is None or not re.match(r"\s*(?:,|of\b)", text[b : b + 4]):
        return None
    rl = roles(lang)
    words = m.group(1).lower().split()
    return next((rl[w] or "role" for w in (" ".join(words), words[-1]) if w in rl), None)


@persisted("apposition_cases", maxsize=50_000)
def _apposition_cases(mlang: str, word: str) -> frozenset[str]:
    """The cases of a word that can only be a singular animate noun (a person's occupation);
    none when it can be a genitive (a possessor as often as an apposition: "дружиною сина
    Оленою", "Жінка посадовця Ірина")."""
    ps = morph.parses(mlang, word)
    if not ps or not morph.is_known(mlang, word) or any(p.tag.POS != "NOUN" or "anim" not in p.tag.grammemes or "plur" in p.tag.grammemes for p in ps):
        return frozenset()
    cases = frozenset(c for p in ps for c in morph.CASES if c in p.tag.grammemes)
    return frozenset() if "gent" in cases else cases


@persisted("role_gender", maxsize=50_000)
def _role_gender(mlang: str, word: str) -> str | None:
    """"заступниця", "журналистка": a role word whose every noun reading is feminine (a
    masculine one says nothing: "координатор", "министр" serve women too)."""
    gs = {g for p in morph.parses(mlang, word) if p.tag.POS == "NOUN" for g in ("masc", "femn") if g in p.tag.grammemes}
    return "femn" if gs == {"femn"} else None


@persisted("cue_cases", maxsize=50_000)
def _cue_cases(mlang: str, lang: str | None, word: str) -> tuple[frozenset[str], frozenset[str]]:
    """The cases a cue word before a name can be in: (as a singular role noun, as any noun)."""
    rl = roles(lang)
    ps = morph.parses(mlang, word)
    # (a plural role is not in apposition to one person: "Совета директоров «Башинформа» Ростислав")
    role_cases = frozenset(c for p in ps if p.normal_form in rl and "plur" not in p.tag.grammemes for c in morph.CASES if c in p.tag.grammemes)
    noun_cases = frozenset(c for p in ps if p.tag.POS == "NOUN" for c in morph.CASES if c in p.tag.grammemes)
    return role_cases, noun_cases


def _read(toks: list[Token], run: list[int], lang: str | None, mlang: str | None, ents: dict[int, Entry], lead_role: str | None, alone: Counter, text: str = "",
          cues: list[int] | None = None) -> Person | None:
    words = [toks[k].text for k in run]
    if mlang and not CYRILLIC_RE.search(" ".join(words)):  # (no word is Cyrillic)
        mlang = None  # a Latin-script name inside a Cyrillic text: read it the English way
        # (a given name before the surname: "Lockheed Martin" is a company)
        if not any(w.lower() in given_names_en() for w in words[:-1]) and not _known(skeleton(words[-1]), set()):
            return None
    if not mlang and len(run) == 1 and not lead_role and skeleton(_possessive_base(words[0])) not in people_by_surname() \
            and cues is not None and not _cue_before(run[0], lang, ents, cues):
        return None  # one Latin word: a person only as a known surname or after a role
    role, ctx_country, role_k = _role_before(toks, run[0], lang, ents, text, cues)
    role = lead_role or role
    if mlang:
        prefer: frozenset[str] = frozenset()
        if role_k > 0 and toks[role_k].joined and _role_cue(toks[role_k - 1], lang):
            role_k -= 1  # "заступниця міністра Ірина Шкварчук": the name goes with the head noun
        if role_k >= 0:
            role_cases, noun_cases = _cue_cases(mlang, lang, toks[role_k].text)
            prefer = role_cases
            if not prefer and role is None and role_k == run[0] - 1:  # a demonym in apposition: "грузина Гелы"
                prefer = noun_cases
        if role_k < 0 and text:
            # a lower-case animate noun right before the name is in apposition to it
            # ("индийский школьник Аарав Мехта": nominative, not the genitive of a man Мехт)
            before = _word_just_before(text, toks[run[0]].start)
            if before[:1].islower():
                prefer = _apposition_cases(mlang, before)
        gender_pref = None
        verb = _verb_after(toks[run[-1]].end, text, mlang)
        if verb is not None:  # "Рийво Валге заявил": the subject, in the nominative
            prefer, gender_pref = prefer | {"nomn"}, verb
        role_gender = _role_gender(mlang, toks[role_k].text) if role_k >= 0 and role is not None and verb is None else None
        case, gender = _agree(mlang, tuple(words), prefer, gender_pref, role_gender, True)
        forms = [_nominative(mlang, w, case, gender) for w in words]
        unknown = [not morph.is_known(mlang, w) for w in words]
        if len(forms) >= 2 and forms[-1][1] == "Patr" and unknown[-1] and not forms[-1][0].endswith(("вна", "чна")):
            forms[-1] = (forms[-1][0], "Surn")  # "Яцек Вуйтович": a surname the dictionary lacks
        for n, w in enumerate(words):
            if unknown[n]:
                f0 = forms[n][0]
                alt = next((g for g in _guessed_nominatives(w, mlang) if g != f0 and alone[g[:1].upper() + g[1:]] > 0), None)
                if alt is not None and alone[f0[:1].upper() + f0[1:]] - (f0 == w.lower()) == 0:
                    forms[n] = (alt, forms[n][1])
        for n in range(len(words) - 1 if any(map(origin_given_name, words)) or any(unknown) else 0):
            # a foreign given name the dictionary lacks, in an oblique case ("з Дів'єю Раман")
            # (written as it is when the run agrees in the nominative, when it ends in -о, never a
            # case ending of a name ("Ілдіко Сабо"), or when the dictionary knows the word only
            # as a common word ("Жак", "Арам"))
            as_is = origin_given_name(words[n]) and (case == "nomn" or words[n][-1:] == "о" or not unknown[n] and "Name" not in morph.person_tags(mlang, words[n]))
            if not origin_given_name(forms[n][0]) and (unknown[n] or as_is):
                g = words[n].lower() if as_is else next((g for g in _guessed_nominatives(words[n], mlang) if origin_given_name(g)), None)
                if g is None and unknown[n] and origin_given_name(words[n]):
                    g = words[n].lower()  # listed as written, no case form of a listed name: "из Флоренции Лючия"
                if g is not None:
                    forms[n] = (g, "Name")
        _keep_written(words, forms)
        tags = [tg for _, tg in forms]
        parts = [f for f, tg in forms if tg != "Patr"]
        n_given = sum(1 for f, tg in forms if tg == "Name" and tg != "Patr")
        if len(parts) > 1 and n_given == 0:
            n_given = len(parts) - 1
        n_given = min(n_given, len(parts) - 1) if len(parts) > 1 else 0
        while 0 < n_given < len(parts) - 1 and latin_given_name(parts[n_given]):
            n_given += 1  # a second foreign given name the dictionary lacks ("Хосе Мигель Кастельянос")
        any_person_tag = any(tags)
    else:
        parts = [_possessive_base(w) for w in words]
        n_given = len(parts) - 1
        # a given name we know, or the surname used again on its own later ("Takaichi said")
        first = alone[toks[run[0]].text]
        any_person_tag = len(parts) > 1 and (parts[0].lower() in given_names_en() or any(alone[toks[k].text] > first or alone[toks[k].text] >= 2 and first == 1 for k in run[1:]))
        if not any_person_tag and len(parts) in (2, 3) and all(_alpha(p) and p[:1].isupper() and not p.isupper() for p in parts) \
                and not any(k in ents for k in run) and not any(p.lower() in _stops(lang) for p in parts):
            any_person_tag = _speech_cue(toks, run, text) or _country_possessive(toks, run, ents)
        if not role and len(parts) >= 2 and text:
            role = _appositive_role(toks, run, text, lang)
        unknown = [False] * len(parts)
    if not parts:
        return None
    sur_key = skeleton(parts[-1])
    given_keys = frozenset(map(skeleton, parts[:n_given]))
    given = set(given_keys)
    known = _known(sur_key, given)
    if known is None and mlang:
        # the surname's lemma might differ from its inflected nominative (Алієва -> Алієв)
        by_sur = people_by_surname()
        for k in toks[run[-1]].keys:
            known = _known(k, given) if k in by_sur else None
            if known:
                break
    if known is not None:
        # leading words that are not this person's given names ("Bundeskanzler Friedrich Merz")
        gks = {g for p, gk in people_by_surname().get(sur_key, []) + [(None, frozenset())] if p is known for g in gk}
        while len(run) > 1 and not (toks[run[0]].keys & gks) and skeleton(_possessive_base(toks[run[0]].text)) not in gks:
            if any(toks[k].keys & gks for k in run[1:-1]) or not gks:
                run = run[1:]
            else:
                break
        return Person(run[0], len(run), known["name"], known["country"] or ctx_country, role, sur_key, given_keys, True, n_given > 0)
    is_person = False
    # a lower-case country word right before the name ("грузина Гелы Чачуа") is a cue too
    demonym = mlang is not None and role_k == run[0] - 1 and ctx_country is not None and (any(unknown) or any(tags))
    if mlang and not any_person_tag and len(parts) >= 2:
        any_person_tag = _foreign_run(tuple(words), mlang)
    if len(parts) >= 2 and (any_person_tag or role or demonym):
        is_person = True
    elif len(parts) >= 2 and mlang and all(unknown) and not any(k in ents for k in run):
        is_person = True
    elif len(parts) == 1 and mlang and tags[0] == "Surn" and morph.is_known(mlang, words[0]) and not (toks[run[0]].initial and _common_noun(mlang, words[0])) \
            and not _adjective_phrase(mlang, words[0], toks[run[0]].end, text):
        # (a sentence-initial word that is also a common noun is a surname only when someone
        # of that name was introduced in full: _resolve_surnames adds it back then)
        is_person = True
    elif len(parts) == 1 and role and (mlang and tags[0] in ("Surn", "Name") or not mlang) \
            and not (text and _LOC_PREP.search(text[max(0, toks[run[0]].start - 6) : toks[run[0]].start])) \
            and not (mlang and (_adjective_phrase(mlang, words[0], toks[run[0]].end, text) or _plural_role(mlang, toks, role_k))):
        # (nor an adjective of a name of a thing, "студент Иллинойсского университета", nor a
        # word after a plural role noun: "спасатели округа Чарльз")
        # (not a place word after "в"/"in": "генеральным консулом Японии в Марселе")
        # the role belongs to the nearest name: not across another person ("Защитник Дмитрий
        # Орлов, который играет вместе с Андреем")
        crossed = role_k >= 0 and (any(ents.get(k) is not None and ents[k].kind == "person" for k in range(role_k + 1, run[0]))
                                   or not mlang and (role_k != run[0] - 1 or not toks[run[0]].joined))
        # (English: a role right before the word only, not "candidate wins Leipzig")
        is_person = run[0] not in ents and not crossed
    if not is_person:
        return None
    if mlang and run[0] in ents and not role and not demonym and not (len(parts) >= 2 and "Name" in tags):
        return None
    if len(parts) == 1 and run[0] in ents and text and _LOC_PREP.search(text[max(0, toks[run[0]].start - 6) : toks[run[0]].start]):
        return None  # a place after "в"/"in", even after a role: "консул Польщі в Харкові"
    country = ctx_country
    if mlang:
        surface = words[-1].lower() if tags[-1] != "Patr" and n_given else ""
        rom, chinese = _origin_country(tuple(parts), n_given, country, mlang, surface, tuple(w.lower() for w in words))
        if rom is not None and rom[1] and surface[-1:] in _INDECL_END and surface != parts[-1] and not surface.endswith(_CASE_ENDS) \
                and (words[0].lower() == parts[0] or _written_ending(rom[0], surface)) and not strong_surname(parts[-1]):
            # a foreign surname ending in a vowel does not decline ("Лоренцо Галлі", "Віорел
            # Русу": not Галл, Рус) when the given name before it is not inflected either, nor
            # ever where the origin writes that vowel ("Рафаэлом Пейшоту": Portuguese o)
            parts[-1] = surface
        if rom is not None and parts[-1] == surface:
            parts[-1] = _a_stem_nominative(rom[0], parts[0], words[-1], mlang) or parts[-1]
        rom_country = rom[0] if rom is not None else country
        by_shape = rom is not None and rom[2]
        name = chinese or romanize_name(parts, mlang, rom_country, n_given, by_shape)
        if rom_country not in ("UKR", "RUS", "BLR") and not chinese:
            # a foreign given name has a usual Latin spelling ("Скотт" -> Scott, not Skott)
            lat = name.split(" ")
            gn = morph.given_names(mlang)
            for k in range(min(n_given, len(lat))):
                # (not for a role-phrase country whose table serves shapes only: "министра
                # юстиции Франции Жеральда Дюпона" stays Zherald, as tests/test_entities.py pins)
                listed = latin_given_name(parts[k]) if by_shape or not rom_country or native_table_exists(rom_country) or not native_table_exists(rom_country, True) else None
                if listed is not None:
                    lat[k] = listed
                elif parts[k] not in gn:
                    usual = _latin_given_names().get(_phonetic(lat[k]), lat[k])
                    lat[k] = usual if _initial_key(usual) == _initial_key(lat[k]) else lat[k]  # not Ion -> Yoon
            name = " ".join(lat)
    else:
        name = " ".join(parts)
    return Person(run[0], len(run), name, country, role, sur_key, given_keys, False, n_given > 0, tuple(parts) if mlang else (), n_given)
