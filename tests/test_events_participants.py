"""Actors and targets on real sentences (found by the fifth session's audit, checked on news in the sixth)."""
from __future__ import annotations

import pytest

import marsad


def _slots(text: str, etype: str) -> list[tuple[str | None, str | None]]:
    doc = marsad.analyze(text, published="2018-03-20")
    return [(e.actor.text if e.actor else None, e.target.text if e.target else None)
            for e in doc.events if e.type == etype]


@pytest.mark.parametrize("text, expected", [
    # Sky News Arabia: with an attack's masdar, ل marks who attacks
    ("قتل خمسة مدنيين في قصف لميليشيات الحوثي على حي سكني في تعز.", [("لميليشيات الحوثي", "مدنيين")]),
    ("لقي القيادي مصرعه في غارة لتحالف دعم الشرعية باليمن، استهدفت اجتماعا للحوثيين.",
     [("لتحالف دعم الشرعية باليمن", None)]),
])
def test_lam_after_an_attack_noun_is_the_attacker(text, expected):
    assert _slots(text, "ASSAULT")[:1] == expected


def test_the_source_of_a_report_is_neither_actor_nor_target():
    # "وفقا للمرصد السوري" had been the target of the strike
    slots = _slots("استهدفت غارات جوية مدينة دوما بريف دمشق، وفقا للمرصد السوري لحقوق الإنسان.", "ASSAULT")
    assert slots and all("المرصد" not in (t or "") and "المرصد" not in (a or "") for a, t in slots)
    slots = _slots("واطلقت دبابات من كتيبة المدرعات الخامسة عدة قذائف بحسب وكالة الاناضول.", "ASSAULT")
    assert all("الاناضول" not in (t or "") for _, t in slots)


@pytest.mark.parametrize("text, expected", [
    # another happening's date after منذ does not date the attack
    ("قتل 20 مدنيا في قصف على سوق جرمانا منذ بدء الحملة في 18 فبراير.", None),
    # right after منذ the date is when the event began ("منذ يومين" two days ago, "منذ صباح أمس")
    ("قتل 20 مدنيا في قصف على سوق جرمانا منذ يومين.", "2018-03-18"),
    ("تشن الفصائل هجوما عنيفا منذ صباح أمس على الأحياء.", "2018-03-19"),
])
def test_event_date_after_since(text, expected):
    doc = marsad.analyze(text, published="2018-03-20")
    dates = [e.time for e in doc.events if e.type == "ASSAULT"]
    if expected is None:
        assert dates and all(d is None or not d.startswith("2018-02") for d in dates)
    else:
        assert dates[0] and dates[0].startswith(expected)
