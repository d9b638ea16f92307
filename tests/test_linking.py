"""Linking: geographic entities take the resolved place's English name and type."""
from __future__ import annotations

from marsad.document import Document, Entity, Mention, Place
from marsad.linking import Linker


def test_sample_governorates_and_countries_become_gpe_with_english_names(sample1):
    by_name = {e.name: e for e in sample1.entities}
    for ar, en in (("العراق", "Iraq"), ("طهران", "Tehran"), ("ديالى", "Diyala"), ("كركوك", "Kirkuk")):
        assert by_name[ar].type == "GPE" and by_name[ar].name_en == en


def test_linker_types_sites_as_facilities_and_keeps_other_entities():
    text = "قصفت طائرات قاعدة عين الأسد وقال ترامب إن الرد سيكون قاسيا."
    s = text.index("قاعدة")
    e = s + len("قاعدة عين الأسد")
    t = text.index("ترامب")
    doc = Document(text=text)
    doc.entities = [Entity("e1", "LOC", "قاعدة عين الأسد", mentions=[Mention(s, e, text[s:e])]),
                    Entity("e2", "PER", "ترامب", "Donald Trump", mentions=[Mention(t, t + 5, "ترامب")])]
    doc.places = [Place("p1", "قاعدة عين الأسد", "Ain al-Asad Air Base", "IQ", "Al-Anbar", "site", 33.8, 42.44,
                        mentions=[Mention(s, e, text[s:e])])]
    Linker()(doc)
    assert (doc.entities[0].type, doc.entities[0].name_en) == ("FAC", "Ain al-Asad Air Base")
    assert (doc.entities[1].type, doc.entities[1].name_en) == ("PER", "Donald Trump")
