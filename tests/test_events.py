"""Events stage on the two reference articles (issue 7's acceptance items that this stage owns)."""
from __future__ import annotations

import pytest


def _events(doc, etype, trigger_part=None):
    return [e for e in doc.events if e.type == etype and (trigger_part is None or trigger_part in e.trigger.text)]


def _sentence(doc, e):
    s = doc.sentences[e.sentence]
    return doc.text[s.start:s.end]


# --- sample 1 (Rai al-Youm, 2020-04-02) -------------------------------------------------------------

def test_sample1_us_military_movements_mobilize_asserted(sample1):
    (ev, *_) = _events(sample1, "MOBILIZE", "تحركات عسكرية")
    assert ev.modality == "asserted"
    assert ev.mode == "troops"
    assert ev.actor is not None and ev.actor.country == "USA"
    # the air sorties over the governorates are a show of force too
    sorties = _events(sample1, "MOBILIZE", "طلعات")
    assert sorties and sorties[0].mode == "weapons" and sorties[0].modality == "asserted"


def test_sample1_mobilize_rests_on_the_security_source_when_statements_exist(sample1):
    ev = _events(sample1, "MOBILIZE", "تحركات عسكرية")[0]
    holder = [s for s in sample1.sources for st in s.statements if st.start <= ev.trigger.start < st.end]
    assert ev.source == (holder[0].id if holder else None)


def test_sample1_taji_attack_asserted_and_dated(sample1):
    (ev,) = [e for e in _events(sample1, "ASSAULT") if e.target and "التاجي" in e.target.text]
    assert ev.modality == "asserted"
    assert ev.target.sector == "military"
    sent = sample1.sentences[ev.sentence]
    same_sentence = [t.value for t in sample1.times if sent.start <= t.start < sent.end and t.value]
    if "2020-03-11" in same_sentence:  # the times stage resolved "يوم 11 مارس"
        assert ev.time == "2020-03-11"


def test_sample1_attacks_on_us_bases_blamed_on_factions_with_accusation(sample1):
    accuse = _events(sample1, "ACCUSE", "اتهموا")
    assert accuse and accuse[0].modality == "asserted"
    assert accuse[0].target is not None and "فصائل" in accuse[0].target.text
    (bases,) = [e for e in _events(sample1, "ASSAULT") if e.target and "القواعد" in e.target.text]
    assert bases.modality == "asserted"
    assert bases.actor is not None and "فصائل" in bases.actor.text and bases.actor.sector == "militia"
    assert bases.target.country == "USA"


def test_sample1_intended_strikes_on_pmf_camps_are_not_asserted(sample1):
    on_pmf = [e for e in _events(sample1, "ASSAULT") if e.target and "حشد" in e.target.text]
    assert len(on_pmf) >= 2
    assert {e.modality for e in on_pmf} <= {"future", "hypothetical"}
    intent = [e for e in on_pmf if "نوايا" in _sentence(sample1, e)]
    assert intent and intent[0].modality == "future" and intent[0].actor.country == "USA"


def test_sample1_iran_requests_us_forces_respect_iraq_and_leave(sample1):
    (req,) = _events(sample1, "REQUEST", "طالب")
    assert req.modality == "asserted"
    assert req.actor.country == "IRN" and "الخارجية" in req.actor.text
    assert req.target.country == "USA" and req.target.sector == "military"
    (leave,) = _events(sample1, "RETREAT", "انسحاب")
    assert leave.modality == "hypothetical" and leave.mode == "withdraw"


def test_sample1_possible_iran_backed_attack_is_hypothetical(sample1):
    possible = [e for e in _events(sample1, "ASSAULT", "هجوم")
                if sample1.text[e.trigger.end:].startswith(" محتمل")]
    assert len(possible) >= 3
    assert all(e.modality == "hypothetical" for e in possible)
    backed = possible[0]
    assert backed.actor.country == "IRN"
    assert backed.target.country == "USA" and backed.target.sector == "military"


def test_sample1_january_missile_attack_by_tehran_is_asserted(sample1):
    (jan,) = [e for e in _events(sample1, "ASSAULT") if "شنته" in _sentence(sample1, e) and e.trigger.text == "الهجوم"]
    assert jan.modality == "asserted"
    assert jan.actor.country == "IRN"


def test_sample1_trump_threat_asserted_and_punishment_conditional(sample1):
    threat = _events(sample1, "THREATEN", "مهددا")
    assert threat and threat[0].modality == "asserted"
    assert threat[0].target.country == "IRN"
    price = _events(sample1, "THREATEN", "ثمنا")
    assert len(price) == 2
    assert all(e.modality == "hypothetical" and e.target.country == "IRN" for e in price)
    planned = [e for e in _events(sample1, "ASSAULT") if e.trigger.text == "هجمات" and "يخططون" in _sentence(sample1, e)]
    assert planned and all(e.modality == "future" for e in planned)
    assert planned[0].actor.country == "IRN" and planned[0].target.country == "USA"


# --- sample 2 (Arabi21, 2019-05-16) --------------------------------------------------------------------

def test_sample2_soleimani_meets_militia_leaders_in_baghdad(sample2):
    (met,) = _events(sample2, "CONSULT", "قابل")
    assert met.modality == "asserted"
    assert "سليماني" in met.actor.text
    assert met.target is not None and met.target.sector == "militia"
    baghdad = [p for p in sample2.places if p.name_en == "Baghdad"]
    if baghdad:  # the places stage found بغداد
        assert met.place == baghdad[0].id
    sent = sample2.sentences[met.sentence]
    ago = [t.value for t in sample2.times if sent.start <= t.start < sent.end and t.value]
    if ago:  # "قبل ثلاثة أسابيع", resolved by the times stage
        assert met.time == ago[0] and met.time.startswith("2019-04")


def test_sample2_partial_evacuation_is_sanction_withdraw_by_the_us(sample2):
    (evac,) = _events(sample2, "SANCTION", "إجلاء")
    assert evac.mode == "withdraw" and evac.modality == "asserted"
    assert evac.actor is not None and evac.actor.country == "USA"
    cut = _events(sample2, "SANCTION", "تخفيض")
    assert cut and cut[0].mode == "withdraw"


def test_sample2_raised_threat_level_is_mobilize(sample2):
    raised = _events(sample2, "MOBILIZE", "التهديد")
    assert len(raised) == 2
    assert all(e.modality == "asserted" for e in raised)
    assert {e.actor.country for e in raised if e.actor} == {"GBR", "USA"}


def test_sample2_iran_denies_attack_plans(sample2):
    (denied,) = _events(sample2, "ASSAULT", "مهاجمة")
    assert denied.modality == "denied"
    assert denied.actor.country == "IRN"
    assert denied.target.country == "USA"


def test_sample2_plans_and_unwillingness(sample2):
    plans = [e for e in _events(sample2, "ASSAULT") if "تخطط" in _sentence(sample2, e)]
    assert plans and all(e.modality == "future" for e in plans)
    (no_war,) = _events(sample2, "ASSAULT", "صراع")
    assert no_war.modality == "negated"


def test_noun_of_concern_is_not_a_threat(sample2):
    # "بسبب التهديد الذي يمكن أن يطال مصالحها" and "على أنه تهديد للقوات" are not THREATEN events
    assert not [e for e in sample2.events if e.type == "THREATEN"]


@pytest.mark.parametrize("field", ["id", "type", "trigger", "modality", "actor", "target", "place", "time",
                                   "source", "mode", "killed", "wounded"])
def test_schema_v1_event_fields(sample1, field):
    d = sample1.to_dict()
    assert d["events"] and field in d["events"][0]
