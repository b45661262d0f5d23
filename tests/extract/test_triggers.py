import pytest
from spacy.tokens import Doc

from fracas.extract.triggers import default_lexicon, find_triggers, is_reported, refine


def triggers_of(doc):
    return [(doc[t.start:t.end].text, t.sub_event_type) for t in find_triggers(doc, default_lexicon())]


def test_multiword_triggers_win_over_their_first_word(nlp):
    words = ["Un", "engin", "explosif", "a", "touché", "un", "convoi", "après", "un", "attentat", "suicide", "."]
    doc = Doc(nlp.vocab, words=words)
    for token in doc:
        token.lemma_ = token.text.lower()
    assert triggers_of(doc) == [
        ("engin explosif", "Remote explosive/landmine/IED"),
        ("attentat suicide", "Suicide bomb"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Des avions russes ont mené des frappes sur Talbisseh.", "Air/drone strike"),
    ("Des tirs de roquettes ont visé le quartier, et des bombardements ont suivi.", "Shelling/artillery/missile attack"),
    ("Des hommes armés ont attaqué le village de Koulogon, tuant des civils.", "Attack"),
    ("Des jihadistes ont attaqué un poste militaire à Boulkessi.", "Armed clash"),
    ("Un kamikaze s'est fait exploser lors d'une attaque contre un marché.", "Suicide bomb"),
    ("Des manifestants ont été dispersés à coups de gaz lacrymogène.", "Protest with intervention"),
])
def test_sub_type_in_context(nlp, sentence, expected):
    doc = nlp(sentence)
    sent = next(doc.sents)
    subs = [refine(t, sent, default_lexicon(), actor_kinds=()) for t in find_triggers(doc, default_lexicon())]
    assert subs[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "expected"), [
    ("Le gouvernement et les rebelles ont signé un accord de cessez-le-feu à Bangui.", "Agreement"),
    ("Les deux ministres de la Défense ont signé un accord de coopération militaire.", None),
    ("Signé à Paris, l'accord porte sur la formation conjointe et l'entraînement des troupes.", None),
])
def test_a_cooperation_pact_between_partners_is_no_agreement(nlp, sentence, expected):
    doc = nlp(sentence)
    sent = next(doc.sents)
    agreements = [t for t in find_triggers(doc, default_lexicon()) if t.sub_event_type == "Agreement"]
    assert [refine(t, sent, default_lexicon(), actor_kinds=()) for t in agreements][:1] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "reported"), [
    ("Des avions russes ont frappé la ville mercredi.", True),
    ("Moscou a démenti avoir frappé des civils.", False),
    ("Washington accuse Moscou d'avoir bombardé des rebelles modérés.", False),
    ("Depuis le 30 septembre, la Russie mène une campagne de frappes en Syrie.", False),
    ("Les jihadistes menacent d'attaquer la ville.", False),
])
def test_denials_accusations_threats_and_background_are_not_reported(nlp, sentence, reported):
    doc = nlp(sentence)
    sent = next(doc.sents)
    first = find_triggers(doc, default_lexicon())[0]
    assert is_reported(first, sent) is reported
