"""Document consistency: untagged repeats of a name the tagger labelled elsewhere in the article."""
from __future__ import annotations

from bio_labels import labels_for, names_in
from marsad.entities.consistency import propagate
from marsad.entities.tagger import in_blocks

# sentences of sample 2 (عربي21, 2019-05-16), split into words as the tagger sees them
S1 = "قالت صحيفة الغارديان ، إن قاسم سليماني التقى مؤخراً بقادة الميليشيات الشيعية في العراق".split()
S2 = "وبحسب الصحيفة قابل سليماني ، قائد فيلق القدس ، المليشيات في بغداد".split()
S3 = "وأعتاد سليماني ، ومنذ خمس سنوات ، الاجتماع بشكل دوري مع قادة الميليشيات".split()


def test_repeats_of_a_tagged_name_get_its_label_with_and_without_proclitics():
    sents = [S1, S2, S3]
    labels = [labels_for(S1, {"قاسم سليماني": "PER", "العراق": "LOC"}),
              labels_for(S2, {"سليماني": "PER", "بغداد": "LOC"}),
              ["O"] * len(S3)]  # the tagger missed him here
    out = propagate(sents, labels)
    assert ("سليماني", "PER") in names_in(S3, out[2])
    assert out[:2] == labels[:2]  # what was tagged is untouched


def test_a_name_tagged_only_with_its_proclitic_spreads_to_the_bare_form():
    s_a = "وسليماني قائد فيلق القدس".split()
    s_b = "التقى سليماني بقادة الميليشيات".split()
    out = propagate([s_a, s_b], [labels_for(s_a, {"وسليماني": "PER"}), ["O"] * len(s_b)])
    assert names_in(s_b, out[1]) == [("سليماني", "PER")]


def test_a_word_tagged_once_among_many_plain_uses_is_not_spread():
    # sample 1: "الحكومة" is a common noun; one slip of the tagger must not label every use
    sents = ["عجز الحكومة عن الكشف".split(), "إرادة الحكومة العراقية".split(),
             "طالبت الحكومة بالانسحاب".split(), "أكدت الحكومة".split()]
    labels = [labels_for(sents[0], {"الحكومة": "ORG"})] + [["O"] * len(s) for s in sents[1:]]
    assert propagate(sents, labels) == labels


def test_a_name_tagged_with_two_types_equally_often_is_left_alone():
    sents = ["جوائز الأوسكار".split(), "حفل الأوسكار".split(), "الأوسكار الأحد".split()]
    labels = [labels_for(sents[0], {"الأوسكار": "MISC"}), labels_for(sents[1], {"الأوسكار": "PER"}), ["O", "O"]]
    assert propagate(sents, labels)[2] == ["O", "O"]


def test_blocks_are_separate_documents():
    # a name is spread only within its own block, never into the next "document"
    sents = [S2, S3]
    labels = [labels_for(S2, {"سليماني": "PER"}), ["O"] * len(S3)]
    assert in_blocks(sents, labels, 1)[1] == ["O"] * len(S3)
    assert ("سليماني", "PER") in names_in(S3, in_blocks(sents, labels, 2)[1])
