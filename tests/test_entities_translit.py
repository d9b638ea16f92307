"""English spellings of person names outside the actor table (marsad.entities.translit)."""
from __future__ import annotations

from marsad.document import Document
from marsad.entities import EntityRecognizer
from marsad.entities.translit import arabic_looking, english_name, romanize
from marsad.evaluation.names import gold_sets, score
from marsad.entities import translit
from marsad.text import TextLayer


def test_arabic_name_words_are_spelt_by_rule():
    # surnames of people in the news corpora that neither spelling list holds
    assert romanize("التميمي") == "al-Tamimi"
    assert romanize("الواكد") == "al-Wakid"
    assert romanize("الكفراوي") == "al-Kafrawi"
    assert romanize("الحارثي") == "al-Harithi"
    assert romanize("جعفر") == "Jaafar"
    assert romanize("فيصل") == "Faisal"
    assert romanize("مرتضى") == "Murtada"  # ى as written, not folded to ي
    assert romanize("عبدالغني") == "Abdulghani"
    assert romanize("Smith") is None


def test_only_arabic_looking_words_take_the_rule():
    assert arabic_looking("التميمي") and arabic_looking("مقتدى")
    # a foreign name keeps the skeleton match on the ANETAC list
    assert not arabic_looking("ثورنبري")
    # ثورنبيري is in no list; its consonant skeleton matches ثورنبري (Thornberry)
    assert english_name("ماك ثورنبيري") == ("Mac Thornberry", "guess")
    assert english_name("جون سميث") == ("John Smith", "list")
    # a skeleton guess needs a common given name beside it: a tagger error gets no English name
    assert english_name("فيروس كورونا") is None and english_name("زخرف غامض") is None


def test_rule_words_need_a_listed_word_beside_them():
    assert english_name("مهدي التميمي") == ("Mahdi al-Tamimi", "guess")
    assert english_name("مجدي عبد الغني") == ("Majdi Abd al-Ghani", "guess")
    assert english_name("حسين عبدالغني") == ("Hussein Abdulghani", "guess")
    assert english_name("التميمي") is None


def test_no_skeleton_namesake_for_arabic_surnames():
    # before the rule these came from another name with the same consonants (Assadi, al-Tamamo)
    assert english_name("عبد الله السعيد") == ("Abd Allah al-Saeed", "list")
    assert english_name("مجدي عبد الغني") == ("Majdi Abd al-Ghani", "guess")  # not "Abd Alagna"


def test_letters_as_written():
    assert romanize("سعيد") == "Said" and romanize("إسماعيل") == "Ismail"  # ع, hamza before i: no "aa"
    assert romanize("القائد") == "al-Qaid"
    assert romanize("وردة") == "Warda" and romanize("وجيه") == "Wajih"  # ة is a, a written final ه is h
    assert romanize("حمزة") == "Hamza" and romanize("يحيى") == "Yahya"
    assert romanize("مُحَمَّد") == romanize("محمد")  # diacritics dropped
    assert romanize("عـــلي") == "Ali"  # tatweel
    assert romanize("پورحسن") == "Purhsn"  # Persian letters spelt, not refused
    assert romanize("") is None


def test_rule_beats_the_skeleton_on_the_hand_written_list():
    """names_en.tsv was not looked at while the rule was written: a held-out check with a floor."""
    words = [w for w in gold_sets()["common"] if arabic_looking(w[0])]
    n, guessed, exact, cer = score(words, lambda w, written: (translit.guess_en(w, written, skip=w) or (None,))[0])
    _, sk_guessed, _, sk_cer = score(words, lambda w, _written: translit.skeleton_match(w, skip=w))
    assert guessed == n and sk_guessed < n / 2
    assert cer <= 0.20 and cer < sk_cer


def test_person_in_a_news_sentence_gets_the_spelling():
    text = ("وقال رئيس مجلس حقوق الإنسان في البصرة، مهدي التميمي، إن \"ستة محتجين قتلوا، "
            "وجرح أكثر من 20 آخرين\".")
    doc = EntityRecognizer()(TextLayer()(Document(text=text)))
    people = {e.name: e.name_en for e in doc.entities if e.type == "PER"}
    assert people.get("مهدي التميمي") == "Mahdi al-Tamimi"


def test_reads_like():
    from marsad.entities.translit import reads_like

    assert reads_like("يريم", "Yarim") and reads_like("الرقة", "Ar Raqqah")
    assert reads_like("رأس الخيمة", "Ras al-Khaimah")
    assert not reads_like("السعيدية (البلدية)", "Zegzel") and not reads_like("تطوان", "Bni Makada")


def test_foreign_figures_and_maghrebi_family_names():
    # seventh session: name words without English in 4,500 random news articles
    assert english_name("تيبو كورتوا") == ("Thibaut Courtois", "list")
    assert english_name("لوكا مودريتش") == ("Luka Modrić", "list")
    assert english_name("ماجدولين الشارني") == ("Majdouline Cherni", "list")  # French-based, as she is known


def test_a_maghrebi_outlet_spells_ben_and_mohamed_its_way():
    # Jawhara FM (Tunisia) writes "Ben" and "Mohamed"; a Saudi paper's article keeps "bin" and "Mohammed"
    assert english_name("محمد بن سالم", maghreb=True) == ("Mohamed Ben Salem", "list")
    assert english_name("محمد بن سالم") == ("Mohammed bin Salem", "list")
    # no article before a name there, but "عبد الجليل" keeps its own
    assert english_name("محمد الفريخة", maghreb=True) == ("Mohamed Frikha", "list")
    assert english_name("عبد الجليل بن سالم", maghreb=True) == ("Abd al-Jalil Ben Salem", "list")
    # a Gulf royal in a Tunisian article keeps the general spellings
    assert english_name("عبدالله بن فيصل آل سعود", maghreb=True) == english_name("عبدالله بن فيصل آل سعود")
    text = "وقال محمد بن سالم إن الحكومة قررت ذلك."
    stage, layer = EntityRecognizer(), TextLayer()
    tunisian = stage(layer(Document(text=text, outlet="Jawhara FM")))
    saudi = stage(layer(Document(text=text, outlet="aawsat")))
    assert [e.name_en for e in tunisian.entities] == ["Mohamed Ben Salem"]
    assert [e.name_en for e in saudi.entities] == ["Mohammed bin Salem"]
