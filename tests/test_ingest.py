"""Ingestion of every input kind, with real files, a real SQLite database and a real local
HTTP server for pages and feeds; encodings with real encoded Ukrainian and Russian bytes."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import InputError
from timeline.ingest import Summary, expand_inputs, ingest_inputs, ingest_text, ingest_upload
from timeline.ingest import fetch as fetch_mod
from timeline.ingest.decode import decode_bytes, detect_encoding
from timeline.ingest.feeds import feed_documents, html_to_text
from timeline.ingest.readers import bytes_documents, read_file_documents
from timeline.storage import Store

from .conftest import ROOT, SEED, free_port

UK = (
    "Президент Азербайджану Ільхам Алієв заявив у вівторок, що їхні відносини з Україною ґрунтуються на взаємній повазі. "
    "Єдність позицій підтвердили й міністри закордонних справ."
)
RU = (
    "Президент России Владимир Путин в среду заявил, что переговоры с Азербайджаном продолжатся. "
    "Объявлено решение о встрече министров иностранных дел в Москве."
)
EN = "Azerbaijani President Ilham Aliyev met Russian President Vladimir Putin in Dushanbe on October 9, 2025."


@pytest.fixture
def store(sqlite_url):
    s = Store(sqlite_url)
    yield s
    s.engine.dispose()


# -- encodings -------------------------------------------------------------------------------

ENCODED = [
    ("uk utf-8", UK, "utf-8"),
    ("uk utf-8 with BOM", UK, "utf-8-sig"),
    ("uk windows-1251", UK, "cp1251"),
    ("uk koi8-u", UK, "koi8_u"),
    ("ru utf-8", RU, "utf-8"),
    ("ru windows-1251", RU, "cp1251"),
    ("ru koi8-r", RU, "koi8_r"),
    ("ru koi8-u", RU, "koi8_u"),  # the same bytes as KOI8-R for Russian letters
    ("en utf-8", EN, "utf-8"),
    ("en ascii", EN, "ascii"),
]


@pytest.mark.parametrize("text, encoding", [c[1:] for c in ENCODED], ids=[c[0] for c in ENCODED])
def test_decode_real_encoded_text(text, encoding):
    data = text.encode(encoding)
    assert decode_bytes("x.txt", data) == text


@pytest.mark.parametrize(
    "text, encoding, detected",
    [(UK, "cp1251", "cp1251"), (UK, "koi8_u", "koi8_u"), (RU, "cp1251", "cp1251"), (RU, "koi8_r", "koi8_r"), (UK[:40], "cp1251", "cp1251"), (RU[:40], "koi8_r", "koi8_r")],
)
def test_detect_legacy_encoding(text, encoding, detected):
    assert detect_encoding(text.encode(encoding)) == detected


@pytest.mark.parametrize(
    "data, charset, expected",
    [
        (UK.encode("koi8_u"), "koi8-u", UK),  # HTTP header
        (UK.encode("cp1251"), "windows-1251", UK),
        (UK.encode("cp1251"), "ISO-8859-1", UK),  # a server's default label over Cyrillic bytes: detected instead
        (f'<html><head><meta charset="koi8-r"></head><body>{RU}</body></html>'.encode("koi8_r"), None, None),  # HTML meta
        (f'<?xml version="1.0" encoding="windows-1251"?><rss><p>{UK}</p></rss>'.encode("cp1251"), None, None),  # XML prolog
        ("Le président a déclaré à Genève".encode("latin-1"), "latin-1", "Le président a déclaré à Genève"),
    ],
)
def test_declared_charsets(data, charset, expected):
    out = decode_bytes("x", data, charset=charset)
    if expected is None:
        assert RU in out or UK in out
    else:
        assert out == expected


@pytest.mark.parametrize(
    "data, phrase",
    [
        (b"", "empty file"),
        (b"\x00\x01\x02\x03" * 50, "binary file"),
        ("Réunion à Genève".encode("latin-1") + b'<meta charset="utf-8">', "mislabelled"),
        (bytes(range(0x80, 0x100)) * 10 + bytes(range(1, 9)) * 40, "not text"),
        (b"\xef\xbb\xbf" + UK.encode("cp1251"), "byte-order mark"),
    ],
)
def test_decode_refuses_non_text(data, phrase):
    with pytest.raises(InputError) as e:
        decode_bytes("in.txt", data)
    assert str(e.value).startswith("in.txt: ") and phrase in str(e.value)


# -- files -----------------------------------------------------------------------------------

HTML_1251 = f"""<!doctype html><html lang="uk"><head><meta charset="windows-1251"><title>Затримання в Єкатеринбурзі</title>
<meta property="article:published_time" content="2025-06-30T10:00:00+03:00"></head><body>
<nav><a href="/">Головна</a> | <a href="/news">Новини</a></nav>
<article><h1>Затримання в Єкатеринбурзі</h1>
<p>27 червня 2025 року російські силовики провели рейди в Єкатеринбурзі та затримали кількох громадян Азербайджану.</p>
<p>{UK}</p>
<p>Міністерство закордонних справ Азербайджану висловило протест і викликало посла Росії.</p>
</article><footer>© 2025 Новини</footer></body></html>"""

FILE_CASES = [
    # (name, file name, bytes, --published, expected (published, title, text fragment, lang))
    ("header format", "seed.txt", SEED.read_bytes(), None, ("2025-09-03", "Раніше президент Азербайджану", "ШОС", "uk")),
    ("header date wins unless --published", "seed2.txt", SEED.read_bytes(), "2025-09-04", ("2025-09-04", "Раніше президент", "ШОС", "uk")),
    (".txt with --published", "a.txt", UK.encode(), "2025-01-02", ("2025-01-02", None, "Ільхам Алієв", "uk")),
    (".txt without a date", "a.txt", UK.encode(), None, (None, None, "Ільхам Алієв", "uk")),
    (".md with --published", "a.md", f"# Заява\n\n{RU}\n".encode(), "2025-03-04", ("2025-03-04", None, "Владимир Путин", "ru")),
    (".txt in KOI8-R", "k.txt", RU.encode("koi8_r"), "2025-03-04", ("2025-03-04", None, "Владимир Путин", "ru")),
    (".txt in Windows-1251 with header", "w.txt", f"date 2025-05-06 Заява\n{UK}".encode("cp1251"), None, ("2025-05-06", "Заява", "Ільхам Алієв", "uk")),
    (".txt with BOM and header", "b.txt", f"\ufeffdate 2025-05-06 Statement\n{EN}".encode(), None, ("2025-05-06", "Statement", "Dushanbe", "en")),
    (".html in Windows-1251", "p.html", HTML_1251.encode("cp1251"), None, ("2025-06-30", "Затримання в Єкатеринбурзі", "27 червня 2025", "uk")),
    ("html without suffix", "page", HTML_1251.encode("cp1251"), "2025-07-01", ("2025-07-01", "Затримання в Єкатеринбурзі", "рейди", "uk")),
]


@pytest.mark.parametrize("name, data, published, expected", [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES])
def test_file_kinds(store, tmp_path, name, data, published, expected):
    p = tmp_path / name
    p.write_bytes(data)
    s = ingest_inputs([str(p)], store=store, published=published)
    assert s.failures == [] and s.articles == 1
    (art,) = store.articles_frame().to_dict("records")
    pub, title, fragment, lang = expected
    got = store.article(art["id"])
    assert (got["published"], got["lang"]) == (pub, lang)
    assert (got["title"] or "").startswith(title or "") and (title is not None) == (got["title"] is not None)
    assert fragment in got["text"] and got["source"] == str(p)
    if name.endswith(".html") or name == "page":
        assert "Головна" not in got["text"] and "©" not in got["text"]  # main text only


TABLE_CASES = [
    ("csv", "t.csv", "text,published,title,url,lang\n\"{uk}\",2025-01-02,Заява,https://example.org/1,uk\n\"{ru}\",2025-01-03,,,\n", "utf-8"),
    ("csv with BOM and capitalised columns", "t.csv", "\ufeffText,Published,Title\n\"{uk}\",2025-01-02,Заява\n\"{ru}\",2025-01-03,\n", "utf-8"),
    ("csv in Windows-1251, semicolons inside", "t.csv", "text,published,title\n\"{uk}; ще\",2025-01-02,Заява\n\"{ru}\",2025-01-03,\n", "cp1251"),
    ("jsonl", "t.jsonl", '{{"text": "{uk}", "published": "2025-01-02", "title": "Заява", "url": "https://example.org/1", "lang": "uk"}}\n\n{{"text": "{ru}", "published": "2025-01-03T10:00:00Z"}}\n', "utf-8"),
]


@pytest.mark.parametrize("name, template, encoding", [c[1:] for c in TABLE_CASES], ids=[c[0] for c in TABLE_CASES])
def test_tables(store, tmp_path, name, template, encoding):
    p = tmp_path / name
    p.write_bytes(template.format(uk=UK, ru=RU).encode(encoding))
    s = ingest_inputs([str(p)], store=store)
    assert s.failures == [] and s.articles == 2 and s.inputs == 1
    arts = {x["published"]: x for x in (store.article(i) for i in store.articles_frame()["id"])}
    first, second = arts["2025-01-02"], arts["2025-01-03"]
    assert UK in first["text"] and first["title"] == "Заява" and first["lang"] == "uk"
    assert second["text"] == RU and second["title"] is None and second["lang"] == "ru"
    if "url" in template:
        assert first["url"] == "https://example.org/1"
    again = ingest_inputs([str(p)], store=store)
    assert again.articles == 0 and again.duplicates == 2 and store.counts()["articles"] == 2


def test_a_table_with_the_same_text_twice_stores_it_once(store, tmp_path):
    p = tmp_path / "dup.jsonl"
    p.write_text(json.dumps({"text": UK}, ensure_ascii=False) + "\n" + json.dumps({"text": UK + "  "}, ensure_ascii=False) + "\n", encoding="utf-8")
    s = ingest_inputs([str(p)], store=store)
    assert (s.articles, s.duplicates) == (1, 1)


def test_folders_are_walked(store, tmp_path):
    root = tmp_path / "corpus"
    (root / "2025" / "06").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text(f"date 2025-01-01 A\n{UK}", encoding="utf-8")
    (root / "2025" / "b.md").write_bytes(RU.encode("koi8_r"))
    (root / "2025" / "06" / "c.html").write_bytes(HTML_1251.encode("cp1251"))
    (root / "2025" / "06" / "d.jsonl").write_text(json.dumps({"text": EN, "published": "2025-10-10"}) + "\n", encoding="utf-8")
    (root / ".git" / "e.txt").write_text("hidden folder", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden file", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    items = expand_inputs([str(root)])
    assert [os.path.relpath(i, root) for i in items] == ["2025/06/c.html", "2025/06/d.jsonl", "2025/b.md", "a.txt"]
    s = ingest_inputs([str(root)], store=store)
    assert s.failures == [] and s.articles == 4 and s.inputs == 4
    again = ingest_inputs([str(root)], store=store)
    assert again.articles == 0 and again.events == 0 and again.duplicates == 4
    assert store.counts()["articles"] == 4


@pytest.mark.parametrize("text, lang", [(UK, "uk"), (RU, "ru"), (EN, "en")])
def test_language_detected_when_not_given(store, text, lang):
    s = ingest_text(store, text)
    (a,) = store.articles_frame().to_dict("records")
    assert s.articles == 1 and a["lang"] == lang


def test_language_given_wins(store):
    ingest_text(store, EN, lang="uk")
    assert store.articles_frame()["lang"].tolist() == ["uk"]


# -- the dashboard's entry points ---------------------------------------------------------------

UPLOADS = [
    ("article.txt", UK.encode("cp1251"), "2025-01-01", 1, None),
    ("article.md", RU.encode(), None, 1, None),
    ("page.html", HTML_1251.encode("cp1251"), None, 1, None),
    ("table.csv", f'text,published\n"{UK}",2025-01-02\n"{RU}",2025-01-03\n'.encode(), None, 2, None),
    ("table.jsonl", (json.dumps({"text": EN}) + "\n").encode(), None, 1, None),
    ("dir/../../etc/evil.txt", EN.encode(), None, 1, None),
    ("empty.txt", b"", None, 0, "evil.txt" and "empty.txt: empty file"),
    ("bad.csv", b"a,b\n1,2\n", None, 0, "bad.csv: CSV has no 'text' column"),
    ("bad.jsonl", b'{"text": 1}\n{', None, 0, "bad.jsonl: line 2: not JSON"),
    ("blob.bin", bytes(range(256)) * 4, None, 0, "blob.bin: binary file"),
    ("feed.rss", b"<rss version='2.0'><channel></channel></rss>", None, 0, "feed.rss: feed has no entries"),
]


@pytest.mark.parametrize("filename, data, published, n, failure", UPLOADS, ids=[u[0] for u in UPLOADS])
def test_ingest_upload(store, filename, data, published, n, failure):
    s = ingest_upload(store, filename, data, published=published)
    assert isinstance(s, Summary) and s.articles == n
    if failure:
        assert len(s.failures) == 1 and s.failures[0].startswith(failure)
        assert store.counts()["articles"] == 0
    else:
        assert s.failures == []
        sources = set(store.articles_frame()["source"])
        assert sources == {os.path.basename(filename)}  # the name only, never a path


@pytest.mark.parametrize(
    "kwargs, published, title",
    [
        ({"text": UK}, None, None),
        ({"text": UK, "published": "2025-02-03", "title": "Заява", "url": "https://example.org/x"}, "2025-02-03", "Заява"),
        ({"text": f"date 2025-04-05 Заголовок\n{UK}"}, "2025-04-05", "Заголовок"),
        ({"text": UK, "published": "yesterday"}, "fail", None),
        ({"text": "  \n "}, "fail", None),
        ({"text": None}, "fail", None),
    ],
)
def test_ingest_text(store, kwargs, published, title):
    s = ingest_text(store, **kwargs)
    if published == "fail":
        assert s.articles == 0 and len(s.failures) == 1 and s.failures[0].startswith("pasted text: ")
        return
    assert s.failures == [] and s.articles == 1
    a = store.article(store.articles_frame()["id"].iloc[0])
    assert (a["published"], a["title"]) == (published, title)
    assert ingest_text(store, **kwargs).duplicates == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["a.txt", "a.csv", "a.jsonl", "a.html", "a.rss", "a.xml", "noext", "a.md"]),
    data=st.one_of(st.binary(max_size=400), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))),
)
def test_uploads_never_raise(store, name, data):
    s = ingest_upload(store, name, data)
    assert isinstance(s, Summary) and s.inputs == 1
    assert all("\n" not in f and f for f in s.failures)
    assert s.articles + len(s.failures) + s.duplicates == 1


# -- URLs and feeds, over a real local HTTP server ------------------------------------------


def test_fetch_html_page_and_text(store, http_root):
    folder, base, routes = http_root
    (folder / "a.html").write_bytes(HTML_1251.encode("cp1251"))
    routes["/koi8"] = (200, {"Content-Type": "text/html; charset=koi8-r"}, f"<html><body><article><p>{RU}</p><p>{RU}</p></article></body></html>".encode("koi8_r"))
    routes["/plain"] = (200, {"Content-Type": "text/plain; charset=utf-8"}, f"date 2025-08-09 Заява\n{UK}".encode())
    s = ingest_inputs([f"{base}/a.html", f"{base}/koi8", f"{base}/plain"], store=store, allow_private=True)
    assert s.failures == [] and s.articles == 3
    arts = {a["url"]: store.article(a["id"]) for a in store.articles_frame().to_dict("records")}
    page = arts[f"{base}/a.html"]
    assert page["published"] == "2025-06-30" and page["title"] == "Затримання в Єкатеринбурзі" and "Головна" not in page["text"]
    assert page["source"] == f"{base}/a.html"
    assert RU in arts[f"{base}/koi8"]["text"]
    assert arts[f"{base}/plain"]["published"] == "2025-08-09" and arts[f"{base}/plain"]["title"] == "Заява"


RSS = """<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Новини</title><language>uk</language><link>{base}/</link>
<item><title>Затримання</title><link>{base}/a.html</link><pubDate>Mon, 30 Jun 2025 10:00:00 GMT</pubDate><description>Коротко.</description></item>
<item><title>Заява МЗС</title><link>http://127.0.0.1:{closed}/gone</link><pubDate>Tue, 01 Jul 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;1 липня 2025 року МЗС Азербайджану викликало посла Росії Михайла Євдокимова.&lt;/p&gt;</description></item>
<item><title>Порожньо</title><link>http://127.0.0.1:{closed}/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><id>urn:x</id><updated>2025-10-10T00:00:00Z</updated>
<entry><title>Meeting in Dushanbe</title><id>urn:1</id><link href="{base}/nothing-here"/>
<published>2025-10-09T12:00:00Z</published><updated>2025-10-11T12:00:00Z</updated>
<content type="html">&lt;p&gt;{en}&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</content></entry>
<entry><title>Update</title><id>urn:2</id><updated>2025-10-12T08:00:00Z</updated><summary>{en2}</summary></entry>
</feed>"""


def test_rss_feed_fetches_links_and_falls_back_to_summaries(store, http_root):
    folder, base, routes = http_root
    (folder / "a.html").write_bytes(HTML_1251.encode("cp1251"))
    routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, RSS.format(base=base, closed=free_port()).encode("cp1251"))
    s = ingest_inputs([f"{base}/feed"], store=store, allow_private=True)
    assert s.failures == [] and s.articles == 2 and s.inputs == 1
    arts = {a["title"]: store.article(a["id"]) for a in store.articles_frame().to_dict("records")}
    fetched = arts["Затримання в Єкатеринбурзі"]  # the linked page's own title and text
    assert "27 червня 2025" in fetched["text"] and fetched["published"] == "2025-06-30" and fetched["url"] == f"{base}/a.html"
    fallback = arts["Заява МЗС"]  # link unreachable: the entry's description, as text
    assert fallback["text"] == "1 липня 2025 року МЗС Азербайджану викликало посла Росії Михайла Євдокимова."
    assert fallback["published"] == "2025-07-01" and fallback["lang"] == "uk"
    assert {a["source"] for a in arts.values()} == {f"{base}/feed"}
    assert ingest_inputs([f"{base}/feed"], store=store, allow_private=True).duplicates == 2


def test_atom_feed_file_and_refused_links_without_allow_private(store, tmp_path, http_root):
    _folder, base, _routes = http_root
    p = tmp_path / "news.atom"
    p.write_text(ATOM.format(base=base, en=EN, en2="Lavrov said on October 12, 2025 that talks would continue."), encoding="utf-8")
    s = ingest_inputs([str(p)], store=store)  # the links are on loopback: refused, entries' own text used
    assert s.failures == [] and s.articles == 2
    arts = {a["title"]: store.article(a["id"]) for a in store.articles_frame().to_dict("records")}
    assert arts["Meeting in Dushanbe"]["text"] == EN and arts["Meeting in Dushanbe"]["published"] == "2025-10-09"
    assert "alert" not in arts["Meeting in Dushanbe"]["text"]
    assert arts["Update"]["published"] == "2025-10-12"


def test_feed_never_fetches_by_itself(tmp_path):
    """feedparser given a string fetches it; we only ever hand it bytes."""
    with pytest.raises(InputError, match="not an RSS/Atom feed"):
        feed_documents("x.xml", b"http://127.0.0.1:1/feed.xml")


def test_html_to_text():
    assert html_to_text("<p>One &amp; two</p><script>x()</script><p>Three<br>four</p>") == "One & two\nThree\nfour"


def test_redirects_are_followed_and_limited(http_root):
    folder, base, routes = http_root
    (folder / "a.html").write_bytes(HTML_1251.encode("cp1251"))
    routes["/r1"] = (302, {"Location": "/r2"}, b"")
    routes["/r2"] = (301, {"Location": f"{base}/a.html"}, b"")
    for i in range(7):
        routes[f"/loop{i}"] = (307, {"Location": f"/loop{i + 1}"}, b"")
    r = fetch_mod.fetch(f"{base}/r1", allow_private=True)
    assert r.final_url == f"{base}/a.html" and r.status == 200 and r.content_type == "text/html"
    with pytest.raises(InputError, match="too many redirects"):
        fetch_mod.fetch(f"{base}/loop0", allow_private=True)
    routes["/to-file"] = (302, {"Location": "file:///etc/passwd"}, b"")
    with pytest.raises(InputError, match="only http and https"):
        fetch_mod.fetch(f"{base}/to-file", allow_private=True)


def test_redirect_to_a_private_address_is_checked_again(http_root, monkeypatch):
    """127.0.0.1 plays a public host here; its redirect to 127.0.0.2 (loopback) must be refused."""
    _folder, base, routes = http_root
    real = fetch_mod._blocked_reason
    monkeypatch.setattr(fetch_mod, "_blocked_reason", lambda ip: None if str(ip) == "127.0.0.1" else real(ip))
    port = base.rsplit(":", 1)[1]
    routes["/ok"] = (200, {"Content-Type": "text/plain"}, b"fine")
    routes["/jump"] = (302, {"Location": f"http://127.0.0.2:{port}/ok"}, b"")
    assert fetch_mod.fetch(f"{base}/ok").data == b"fine"
    with pytest.raises(InputError) as e:
        fetch_mod.fetch(f"{base}/jump")
    assert "redirected to http://127.0.0.2" in str(e.value) and "loopback" in str(e.value)


def test_every_address_of_a_host_is_checked(monkeypatch):
    """A name with one public and one private address is refused (no picking the good one)."""
    import socket

    def fake(host, port, *a, **kw):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)), (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.1.10", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(InputError, match="private address 192.168.1.10"):
        fetch_mod.fetch("http://mixed.example/")


@pytest.mark.parametrize(
    "address, blocked",
    [
        ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.0.0.1", "private"), ("172.16.5.4", "private"), ("192.168.0.1", "private"),
        ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"), ("0.0.0.0", "unspecified"), ("::ffff:127.0.0.1", "loopback"), ("100.64.0.1", "non-public"),
        ("fc00::1", "private"), ("8.8.8.8", None), ("2001:4860:4860::8888", None),
    ],
)
def test_address_rules(address, blocked):
    import ipaddress

    assert fetch_mod._blocked_reason(ipaddress.ip_address(address)) == blocked


def test_size_limit_and_timeout(http_root):
    _folder, base, routes = http_root
    big = b"<html><body>" + b"x" * (3 * 1024 * 1024) + b"</body></html>"
    routes["/big"] = (200, {"Content-Type": "text/html"}, big)
    routes["/big-unannounced"] = (200, {"Content-Type": "text/html", "X-No-Length": "1"}, big)
    routes["/slow"] = (200, {"Content-Type": "text/html"}, b"<html></html>", 3)
    with pytest.raises(InputError, match=r"too large \(3.0 MB; the limit is 1 MB\)"):
        fetch_mod.fetch(f"{base}/big", allow_private=True, max_bytes=1024 * 1024)
    with pytest.raises(InputError, match="stopped reading"):
        fetch_mod.fetch(f"{base}/big-unannounced", allow_private=True, max_bytes=1024 * 1024)
    assert len(fetch_mod.fetch(f"{base}/big-unannounced", allow_private=True).data) == len(big)
    with pytest.raises(InputError, match="timed out after 0.5 s"):
        fetch_mod.fetch(f"{base}/slow", allow_private=True, timeout=0.5)


def test_a_server_dripping_bytes_hits_the_total_timeout():
    """Each read arrives in time, the whole answer never does."""
    import socket
    import threading

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)

    def drip():
        conn, _ = srv.accept()
        conn.recv(65536)
        try:
            conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n")
            for _ in range(40):
                conn.sendall(b"<p>x</p>")
                time.sleep(0.1)
        except OSError:
            pass
        finally:
            conn.close()

    t = threading.Thread(target=drip, daemon=True)
    t.start()
    with pytest.raises(InputError, match=r"timed out \(no complete answer within 1 s\)"):
        fetch_mod.fetch(f"http://127.0.0.1:{srv.getsockname()[1]}/", allow_private=True, timeout=0.5, total_timeout=1)
    t.join(10)
    srv.close()


@pytest.mark.parametrize(
    "route, answer, phrase",
    [
        ("/404", (404, {}, b"nope"), "HTTP 404"),
        ("/500", (500, {}, b"oops"), "HTTP 500"),
        ("/pdf", (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"), "content type application/pdf"),
        ("/empty", (200, {"Content-Type": "text/html"}, b""), "empty response"),
        ("/nav", (200, {"Content-Type": "text/html"}, b"<html><body><nav>Home | News</nav></body></html>"), "no article text"),
        ("/redirect-nowhere", (302, {}, b""), "redirect without a Location"),
    ],
)
def test_bad_urls(http_root, route, answer, phrase):
    _folder, base, routes = http_root
    routes[route] = answer
    with pytest.raises(InputError) as e:
        fetch_mod.url_documents(f"{base}{route}", allow_private=True)
    assert str(e.value).startswith(f"{base}{route}: ") and phrase in str(e.value)


def test_cli_ingests_urls_and_feeds(tmp_path, http_root):
    """The real command: a page and a feed over HTTP, with --allow-private; a summary line."""
    folder, base, routes = http_root
    (folder / "a.html").write_bytes(HTML_1251.encode("cp1251"))
    routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, RSS.format(base=base, closed=free_port()).encode("cp1251"))
    db = f"sqlite:///{tmp_path / 'u.db'}"
    r = subprocess.run(
        [sys.executable, "-m", "timeline", "ingest", f"{base}/a.html", f"{base}/feed", "--db", db, "--allow-private"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("ingested 2 articles,") and "1 duplicates skipped, 0 failed, from 2 inputs" in r.stdout
    r = subprocess.run([sys.executable, "-m", "timeline", "ingest", f"{base}/a.html", "--db", db], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 1 and "loopback" in r.stderr and len(r.stderr.splitlines()) == 1


def test_progress_bar_only_on_a_terminal(tmp_path):
    files = []
    for i in range(5):
        p = tmp_path / f"e{i}.txt"
        p.write_bytes(b"")
        files.append(str(p))
    db = f"sqlite:///{tmp_path / 'p.db'}"
    cmd = [sys.executable, "-m", "timeline", "ingest", *files, "--db", db]
    piped = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "[" not in piped.stderr and len(piped.stderr.splitlines()) == 5
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=follower, text=True)
    out, _ = proc.communicate(timeout=300)
    os.close(follower)
    tty = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        tty += chunk
    os.close(leader)
    assert b"5/5" in tty and b"#" in tty and "5 failed, from 5 inputs" in out
    quiet = subprocess.run(cmd + ["--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "5 failed" in quiet.stdout


def test_readers_name_the_input(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("text\n\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x.csv: table has no rows"):
        read_file_documents(str(p))
    with pytest.raises(InputError, match=r"^up.jsonl: line 1: no 'text' field"):
        bytes_documents("up.jsonl", b'{"title": "x"}\n', ".jsonl")
    with pytest.raises(InputError, match="is a folder"):
        read_file_documents(str(tmp_path))


def _stable(store):
    ev = store.events_frame().drop(columns=["n_sources"]).sort_values("event_id").reset_index(drop=True)
    src = sorted((s["mention_id"], s["article_id"]) for e in ev["event_id"] for s in store.event_sources(e))
    arts = store.articles_frame().drop(columns=["ingested_at"]).sort_values("id").reset_index(drop=True)
    return ev.to_json(), src, arts.to_json()


def test_worker_processes_store_what_a_serial_run_stores(tmp_path):
    """jobs=2 (a folder of files and a table, extracted in worker processes) == jobs=1."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = []
    for i in range(20):
        body = f"{i + 1} травня 2024 року поліція затримала {i + 2} громадян Азербайджану в Москві. Президент Ільхам Алієв засудив затримання."
        (corpus / f"{i:02d}.txt").write_text(f"date 2024-06-{i % 28 + 1:02d} Новина {i}\n{body}", encoding="utf-8")
        rows.append(json.dumps({"text": body.replace("поліція", "міліція"), "published": "2024-07-01"}, ensure_ascii=False))
    (corpus / "table.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (corpus / "zz-empty.txt").write_bytes(b"")
    results = []
    for jobs in (1, 2):
        store = Store(f"sqlite:///{tmp_path / f'j{jobs}.db'}")
        s = ingest_inputs([str(corpus)], store=store, jobs=jobs)
        assert s.articles == 40 and s.failures == [f"{corpus / 'zz-empty.txt'}: empty file"], s
        results.append((s.events, s.merged, _stable(store)))
        again = ingest_inputs([str(corpus)], store=store, jobs=jobs)
        assert again.articles == 0 and again.duplicates == 40
        store.engine.dispose()
    assert results[0] == results[1]


def test_a_large_table_extracted_by_workers_matches_serial(tmp_path, monkeypatch):
    import timeline.ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "PARALLEL_MIN", 4)
    table = tmp_path / "t.jsonl"
    table.write_text(
        "".join(json.dumps({"text": f"{d} березня 2023 року МЗС Азербайджану викликало посла Росії. Номер {d}.", "published": "2023-03-30"}, ensure_ascii=False) + "\n" for d in range(1, 13)),
        encoding="utf-8",
    )
    got = []
    for jobs in (1, 2):
        store = Store(f"sqlite:///{tmp_path / f't{jobs}.db'}")
        s = ingest_inputs([str(table)], store=store, jobs=jobs)
        assert s.articles == 12 and not s.failures
        got.append(_stable(store))
        store.engine.dispose()
    assert got[0] == got[1]


def test_feed_stops_fetching_a_site_that_is_down(monkeypatch):
    calls = []
    real = fetch_mod.fetch

    def counting(url, **kw):
        calls.append(url)
        return real(url, **kw)

    monkeypatch.setattr(fetch_mod, "fetch", counting)
    closed = free_port()
    items = "".join(
        f"<item><title>T{i}</title><link>http://127.0.0.1:{closed}/{i}</link><description>Заява номер {i} міністерства.</description></item>" for i in range(8)
    )
    docs = feed_documents("f.rss", f"<rss version='2.0'><channel><title>x</title>{items}</channel></rss>".encode(), allow_private=True)
    assert len(docs) == 8 and len(calls) == 3
    assert [d.text for d in docs][:2] == ["Заява номер 0 міністерства.", "Заява номер 1 міністерства."]


@pytest.mark.parametrize(
    "value, expected",
    [("2025-01-02", "2025-01-02"), ("2025-01-02T23:10:00+03:00", "2025-01-02"), ("02.01.2025", "2025-01-02"), ("2.1.2025", "2025-01-02"), ("", None)],
)
def test_table_publication_dates(store, value, expected):
    s = ingest_upload(store, "t.csv", f'text,published\n"{UK}",{value}\n'.encode())
    assert s.articles == 1, s.failures
    assert store.article(store.articles_frame()["id"].iloc[0])["published"] == expected


@pytest.mark.parametrize("value", ["01/02/2025", "31.02.2025", "вчора", "2025-13-01"])
def test_table_bad_publication_dates(store, value):
    s = ingest_upload(store, "t.csv", f'text,published\n"{UK}",{value}\n'.encode())
    assert s.articles == 0 and s.failures == [f"t.csv row 1: bad publication date {value!r} (expected YYYY-MM-DD)"]


def test_seed_if_empty(store):
    from timeline.seed import SAMPLE_DIR, sample_files, seed_if_empty

    files = sample_files()
    assert files and all(f.endswith(".txt") for f in files) and str(SAMPLE_DIR / "README.md") not in files
    s = seed_if_empty(store)
    assert s.failures == [] and s.articles == len(files) == store.counts()["articles"]
    assert seed_if_empty(store) is None  # not empty any more: nothing done


@pytest.mark.parametrize("name", ["x" * 5000, "bad\x00name.txt"])
def test_unusable_file_names_are_one_failure(store, name):
    s = ingest_inputs([name], store=store)
    assert len(s.failures) == 1 and len(s.failures[0]) < 300
    assert "not a usable file name" in s.failures[0] or "no such file" in s.failures[0]


@pytest.fixture
def https_server(tmp_path):
    """A real TLS server on 127.0.0.1 with a fresh self-signed certificate: (base URL, cert path)."""
    import http.server
    import shutil
    import ssl
    import threading

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )
    www = tmp_path / "tls"
    www.mkdir()
    (www / "a.html").write_bytes(HTML_1251.encode("cp1251"))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a, **kw: Quiet(*a, directory=str(www), **kw))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", cert
    server.shutdown()
    server.server_close()


def test_https_verifies_certificates(https_server, monkeypatch):
    import ssl

    base, cert = https_server
    with pytest.raises(InputError, match="TLS error"):  # self-signed: not trusted
        fetch_mod.fetch(f"{base}/a.html", allow_private=True)
    trusted = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(fetch_mod.ssl, "create_default_context", lambda: trusted)
    (doc,) = fetch_mod.url_documents(f"{base}/a.html", allow_private=True)
    assert doc.title == "Затримання в Єкатеринбурзі" and doc.url == f"{base}/a.html"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t\n\r\f\x00\x07\u00a0\u200b\u2028\ue000\U0001f600й"), max_size=400))
def test_unprintable_share_counted_as_per_character(text):
    """_looks_like_text counts a sample's unprintable characters per distinct character: the
    same answer as testing each character."""
    from timeline.ingest import decode

    def per_character(text: str) -> bool:
        sample = text[:20000]
        if not sample.strip():
            return False
        bad = sum(not (c.isprintable() or c in "\t\r\n\f") for c in sample)
        return bad <= max(2, len(sample) * 0.01)

    assert decode._looks_like_text(text, letters_needed=False) == per_character(text)


def test_read_file_documents_one_stat(tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-09-03 Title\nBody on 3 September 2025.\n", encoding="utf-8")
    assert read_file_documents(str(tmp_path / "a.txt"))[0].title == "Title"
    for name, message in [("missing.txt", "no such file"), ("a.txt/below", "no such file"), ("", "is a folder"), ("x\0y", "no such file")]:
        with pytest.raises(InputError, match=message):
            read_file_documents(str(tmp_path / name) if name else str(tmp_path))
