"""Word analyses kept between processes (timeline/entities/wordcache.py): what one process
stores the next reads back, without calling the analysis again, and the entity output is the
same whether the answers come from the analyser or from the file."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cache import replace_entry
from timeline.entities import wordcache

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """The module as a new process sees it, its cache folder empty."""
    monkeypatch.setenv("LITOPYS_CACHE", str(tmp_path))
    monkeypatch.setattr(wordcache, "_tables", {})
    monkeypatch.setattr(wordcache, "_loaded", {})
    monkeypatch.setattr(wordcache, "_state", {})
    return tmp_path


def _new_process(monkeypatch):
    monkeypatch.setattr(wordcache, "_tables", {})
    monkeypatch.setattr(wordcache, "_loaded", {})
    monkeypatch.setattr(wordcache, "_state", {})


def test_answers_of_an_earlier_process_are_read_back_not_recomputed(fresh, monkeypatch):
    calls: list[str] = []

    def analyse(lang: str, word: str) -> tuple:
        calls.append(word)
        return (frozenset({word.lower()}), (word.upper(),), None, True)

    first = wordcache.persisted("test_analyse")(analyse)
    assert first("uk", "Алієв") == (frozenset({"алієв"}), ("АЛІЄВ",), None, True)
    assert first("uk", "Алієв") == (frozenset({"алієв"}), ("АЛІЄВ",), None, True)
    assert calls == ["Алієв"]
    wordcache.save()
    assert list(fresh.glob("entities-words-*.marshal"))

    _new_process(monkeypatch)
    second = wordcache.persisted("test_analyse")(analyse)
    assert second("uk", "Алієв") == (frozenset({"алієв"}), ("АЛІЄВ",), None, True)
    assert calls == ["Алієв"]  # read from the file
    assert second("uk", "Путін") == (frozenset({"путін"}), ("ПУТІН",), None, True)
    assert calls == ["Алієв", "Путін"]


def test_processes_writing_in_turn_keep_each_others_answers(fresh, monkeypatch):
    mine = wordcache.table("test_words")  # read (nothing yet) before the other process wrote
    replace_entry(wordcache._path(), marshal.dumps({"test_words": {"a": 1}}))  # the other process
    mine["b"] = 2
    wordcache.save()
    _new_process(monkeypatch)
    assert wordcache.table("test_words") == {"a": 1, "b": 2}


def test_a_value_marshal_cannot_hold_drops_its_table_only(fresh, monkeypatch):
    class Tagged(str):
        pass

    wordcache.table("test_bad")["w"] = Tagged("NOUN")
    wordcache.table("test_good")["w"] = "NOUN"
    wordcache.save()
    _new_process(monkeypatch)
    assert wordcache.table("test_good") == {"w": "NOUN"}
    assert wordcache.table("test_bad") == {}


def test_nothing_is_written_when_caching_is_off(fresh, monkeypatch):
    monkeypatch.setenv("LITOPYS_CACHE", "off")
    wordcache.table("test_words")["a"] = 1
    wordcache.save()
    assert not list(fresh.glob("entities-words-*"))


def test_entity_output_is_the_same_from_the_analyser_and_from_the_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "date 2025-09-03 Зустріч у Москві\n\nПрезидент Азербайджану Ільхам Алієв зустрівся з Володимиром Путіним "
        "у Москві. Агент игрока Рикардо Соуза сообщил, что Кендзі Мацумото і Лоренцо Галлі прибули до Єкатеринбурга. "
        "Harriet Cole said the UN envoy met Indonesia's Putri Wardani in Jakarta.\n",
        encoding="utf-8",
    )
    env = {"LITOPYS_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"}

    def run() -> list[dict]:
        p = subprocess.run([sys.executable, "-m", "timeline", "entities", str(article)], capture_output=True, text=True,
                           cwd=ROOT, env=env, check=True)
        return [json.loads(line) for line in p.stdout.splitlines()]

    cold = run()
    stored = list((tmp_path / "cache").glob("entities-words-*.marshal"))
    assert len(stored) == 1
    size = stored[0].stat().st_size
    warm = run()
    assert warm == cold
    assert {e["name"] for e in cold} >= {"Ilham Aliyev", "Vladimir Putin", "Moscow", "Azerbaijan"}
    again = list((tmp_path / "cache").glob("entities-words-*.marshal"))
    if again == stored:  # (unless a source was edited meanwhile: a new digest, a new file)
        assert again[0].stat().st_size == size  # nothing new to write the second time


def test_settle_collects_garbage_then_freezes_the_grown_tables(fresh, monkeypatch):
    import gc
    import weakref

    class Node:
        pass

    monkeypatch.setattr(wordcache, "FREEZE_STEP", 10)
    words = wordcache.table("test_words")
    frozen = gc.get_freeze_count()
    gc.disable()  # only settle() may collect here
    try:
        cycle = Node()
        cycle.me = cycle  # garbage only the cyclic collector frees
        dead = weakref.ref(cycle)
        del cycle
        words.update((f"w{k}", k) for k in range(5))
        wordcache.settle()
        assert dead() is not None and gc.get_freeze_count() == frozen  # 5 new answers: nothing done
        words.update((f"w{k}", k) for k in range(5, 20))
        wordcache.settle()
        assert dead() is None  # collected, not frozen with the tables
        assert gc.get_freeze_count() > frozen
    finally:
        gc.enable()
