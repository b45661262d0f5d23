import pytest

from fracas.extract.attribution import Attribution, find_attributions
from fracas.model import Source

OSDH = "Syrian Observatory for Human Rights"


def spans(text: str) -> list[tuple[str, str, str, str]]:
    """(words, source name, kind, cue) per attribution, checking that the offsets point at the words."""
    found = find_attributions(text)
    for attribution in found:
        assert text[attribution.start:attribution.end] == attribution.source.text
    return [(a.source.text, a.source.name, a.source.kind, a.cue) for a in found]  # type: ignore[misc]


def test_inverted_subject_whole_value() -> None:
    text = "Au moins 20 civils ont été tués, a indiqué l'Observatoire syrien des droits de l'homme (OSDH)."
    words = "Observatoire syrien des droits de l'homme (OSDH)"
    assert find_attributions(text) == [Attribution(45, 93, Source(OSDH, "ngo", words), "a indiqué")]
    assert text[45:93] == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon l'OSDH, 12 personnes ont péri.", [("OSDH", OSDH, "ngo", "selon")]),
        ("D'après un bilan de l'ONU, 300 morts.",
         [("ONU", "United Nations", "un_agency", "d'après un bilan de")]),
        ("Selon un bilan fourni par la Monusco, 5 morts.",
         [("Monusco", "MONUSCO", "un_agency", "selon un bilan fourni par")]),
        ("« Ils sont arrivés la nuit », a déclaré à l'AFP un responsable local sous couvert d'anonymat.",
         [("un responsable local", "Local official", "local_official", "a déclaré")]),
        ("Le ministère russe de la Défense a indiqué avoir frappé 12 cibles.",
         [("ministère russe de la Défense", "Russian Ministry of Defence", "government", "a indiqué")]),
        ("L'OSDH, qui dispose d'un vaste réseau de sources, a affirmé que 15 civils ont été tués.",
         [("OSDH", OSDH, "ngo", "a affirmé")]),
        ("Dix soldats ont été tués, a-t-on appris de source sécuritaire.",
         [("source sécuritaire", "Security source", "government", "a-t-on appris de")]),
        ("L'attaque a fait 12 morts, de source médicale.",
         [("source médicale", "Medical source", "local_official", "de")]),
        ("Les combats ont repris, de sources locales.",
         [("sources locales", "Local sources", "unknown", "de")]),
        ("La télévision d'Etat, citée par l'agence Sana, a rapporté que des rebelles ont été tués.",
         [("télévision d'Etat", "State media", "state_media", "a rapporté")]),
        ("Un officier a été tué, a rapporté l'agence Sana, citant une source militaire.",
         [("une source militaire", "Army spokesperson", "government", "citant")]),
        ("L'EI a revendiqué l'attentat.", [("EI", "Islamic State", "armed_group", "a revendiqué")]),
        ("L'attentat a été revendiqué par l'EI.", [("EI", "Islamic State", "armed_group", "revendiqué par")]),
        ("Dans un communiqué, l'armée a annoncé la mort de 20 jihadistes.",
         [("armée", "Army spokesperson", "government", "a annoncé")]),
        ("L'armée a annoncé dans un communiqué publié samedi la mort de 20 jihadistes.",
         [("armée", "Army spokesperson", "government", "a annoncé")]),
        ("La mort de 20 jihadistes a été annoncée dans un communiqué de l'état-major.",
         [("état-major", "Army spokesperson", "government", "dans un communiqué de")]),
        ("Nous avons repoussé l'attaque, a affirmé un commandant rebelle.",
         [("un commandant rebelle", "Rebel commander", "armed_group", "a affirmé")]),
        ("Selon des habitants et l'OSDH, les frappes ont tué 10 civils.",
         [("des habitants", "Witnesses", "witness", "selon"), ("OSDH", OSDH, "ngo", "selon")]),
        ("Les frappes ont tué 10 civils, a indiqué samedi à l'AFP Rami Abdel Rahmane, le directeur de l'OSDH.",
         [("Rami Abdel Rahmane, le directeur de l'OSDH", OSDH, "ngo", "a indiqué")]),
        ("Un porte-parole de l'armée russe, Igor Konachenkov, a affirmé que les frappes visaient l'EI.",
         [("Un porte-parole de l'armée russe, Igor Konachenkov", "Russian Ministry of Defence", "government",
           "a affirmé")]),
        ("Les FDS ont annoncé la prise de la ville.",
         [("FDS", "Syrian Democratic Forces", "armed_group", "ont annoncé")]),
        ("Le village a été attaqué, a raconté Moussa Traoré.",
         [("Moussa Traoré", "Moussa Traoré", "unknown", "a raconté")]),
        ("Les jihadistes sont partis, a précisé un haut responsable.",
         [("un haut responsable", "Official", "unknown", "a précisé")]),
        # Real wire and local-press speakers, with the kind ACLED gives them.
        # "Sources locales" says where the sources are, not who they are.
        ("Deux bergers ont été enlevés, selon des sources locales.",
         [("des sources locales", "Local sources", "unknown", "selon")]),
        # Civil society and its leaders speak as NGOs, not as a government ("président").
        ("Sept civils ont péri, a indiqué le président de la société civile de Lubero.",
         [("président de la société civile de Lubero", "Civil society", "ngo", "a indiqué")]),
        ("Le village a été pillé, selon les forces vives du secteur.",
         [("forces vives du secteur", "Civil society", "ngo", "selon")]),
        # Prosecutors are the state.
        ("Douze suspects ont été interpellés, a annoncé le procureur de la République.",
         [("procureur de la République", "Judicial source", "government", "a annoncé")]),
        # A rank speaks for the army, unless it is self-proclaimed.
        ("Le camp a été repris, a précisé un général.",
         [("un général", "Military officer", "government", "a précisé")]),
        ("Nous tenons la colline, a déclaré le colonel autoproclamé Jean Kambale.",
         [("colonel autoproclamé Jean Kambale", "Rebel commander", "armed_group", "a déclaré")]),
        # Protesters are witnesses; outlets and state agencies named as the source are media.
        ("Des jeunes ont incendié un commissariat, selon une manifestante.",
         [("une manifestante", "Witnesses", "witness", "selon")]),
        ("Deux rebelles ont été tués, annonce Libération.", [("Libération", "Press", "media", "annonce")]),
        ("Cinq soldats sont morts, a rapporté l'Agence d'information du Burkina (AIB).",
         [("Agence d'information du Burkina (AIB)", "National news agency", "state_media", "a rapporté")]),
        # A state's forces speak as its government.
        ("Trois civils ont péri, selon les Forces armées soudanaises.",
         [("Forces armées soudanaises", "Military Forces of Sudan", "government", "selon")]),
        # An act after the verb is its object; "et" inside a name does not cut it.
        ("Le JNIM, le groupe de soutien à l'islam et aux musulmans, a revendiqué l'attaque du poste de l'armée.",
         [("groupe de soutien à l'islam et aux musulmans", "JNIM", "armed_group", "a revendiqué")]),
        ("La Coordination des comités de résistance, un collectif local, a signalé une attaque contre l'hôpital.",
         [("un collectif local", "Civil society", "ngo", "a signalé")]),
        # A participle with no auxiliary qualifies a noun; a place in apposition is not the speaker.
        ("Selon l'ONU, 237 attaques recensées en 2018 ont frappé le pays.",
         [("ONU", "United Nations", "un_agency", "selon")]),
        ("Un habitant de Kaya, chef-lieu de la province, raconte que les tirs ont duré.",
         [("Un habitant de Kaya", "Witnesses", "witness", "raconte")]),
        # A lone noun stands for a body described before only when it names a body or a document.
        ("Un message du ministère de la Défense a été diffusé. Dix jihadistes ont été tués, selon le message.",
         [("message", "Army spokesperson", "government", "selon")]),
        ("Une embuscade a visé un convoi de l'armée. Dix soldats ont péri, selon l'embuscade.", []),
        # The imperfect reports too; "et" with no verb around it joins two speakers.
        ("Des sources sécuritaires et militaires évoquaient un lourd bilan.",
         [("Des sources sécuritaires", "Security source", "government", "évoquaient"),
          ("militaires", "Army spokesperson", "government", "évoquaient")]),
        # An abbreviation spelled out before speaks as what it stands for.
        ("Les Forces vives de Guinée (FVG) ont appelé à manifester. Trois jeunes ont été tués, selon les FVG.",
         [("FVG", "Civil society", "ngo", "selon")]),
        # Self-defence militias speak as armed groups; a passive speech verb names its speaker after "par".
        ("Nous avons trouvé 43 corps, a déclaré Amadou Bello, dirigeant d'un groupe d'autodéfense.",
         [("Amadou Bello, dirigeant d'un groupe d'autodéfense", "Militia leader", "armed_group", "a déclaré")]),
        ("L'attaque a été confirmée par le gouverneur.",
         [("gouverneur", "Local official", "local_official", "a été confirmée par")]),
        # Whoever gave a toll is its source.
        ("Le bilan avancé par l'armée est de quatre morts.",
         [("armée", "Army spokesperson", "government", "bilan avancé par")]),
    ],
)
def test_cues(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Selon lui, la situation est calme.",
        "Il a indiqué que les combats continuaient.",
        "« Nous avons fui », a-t-elle raconté.",
        "Des avions ont bombardé la ville de Hama mercredi.",
        "",
    ],
)
def test_no_speaker(text: str) -> None:
    assert find_attributions(text) == []


def test_offsets_into_a_whole_text() -> None:
    text = (
        "Des frappes russes ont tué 12 civils à Hama, selon l'OSDH. "
        "Moscou a affirmé avoir visé des positions de l'EI."
    )
    assert spans(text) == [
        ("OSDH", OSDH, "ngo", "selon"),
        ("Moscou", "Russian Ministry of Defence", "government", "a affirmé"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La radio d'Etat a reconnu que les soldats s'étaient repliés.",
         [("radio d'Etat", "Local media", "media", "a reconnu")]),
        ("Vingt civils ont péri, ont indiqué des sources policières et médicales.",
         [("des sources policières", "Government", "government", "ont indiqué"),
          ("médicales", "Medical source", "local_official", "ont indiqué")]),
        ("Le groupe Etat islamique (EI) a revendiqué l'embuscade.",
         [("groupe Etat islamique (EI)", "Islamic State", "armed_group", "a revendiqué")]),
        ("Le chef militaire du M23, Paul Kanyoni, a confirmé sur les réseaux sociaux la chute du camp.",
         [("chef militaire du M23, Paul Kanyoni", "M23", "armed_group", "a confirmé")]),
        ("Les villageois ont fui, a confirmé la prise du camp.", []),
        ("Selon un porte-parole des ADF, six soldats sont morts.",
         [("un porte-parole des ADF", "ADF - Allied Democratic Forces", "armed_group", "selon")]),
        ("Une infirmière d'une organisation humanitaire a été enlevée, a annoncé son organisation.",
         [("son organisation", "Humanitarian organisation", "ngo", "a annoncé")]),
        ("Quatre morts, a précisé un responsable de la NEMA. Huit blessés, a ajouté le responsable.",
         [("un responsable de la NEMA", "National Emergency Management Agency (Nigeria)", "government",
           "a précisé"),
          ("responsable", "National Emergency Management Agency (Nigeria)", "government", "a ajouté")]),
        ("Deux blindés ont sauté, a annoncé l'armée nigériane. Un soldat est mort, selon la même source.",
         [("armée nigériane", "Nigerian Army", "government", "a annoncé"),
          ("même source", "Nigerian Army", "government", "selon")]),
        ("Trois maisons ont brûlé, a appris l'AFP auprès d'un élu local.",
         [("un élu local", "Local official", "local_official", "appris l'afp auprès d'")]),
        ("La police n'a pas confirmé ce bilan.", []),
    ],
)
def test_cues_of_claims_and_references(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Douze civils ont été tués par une frappe, selon l'OSDH.", ["reports"]),
        ("L'armée « dément fermement » avoir bombardé le marché, a indiqué une source militaire.", ["denies"]),
        ("Le Pentagone a affirmé que ses drones n'avaient mené aucune frappe dans la zone.", ["denies"]),
        ("L'armée turque a assuré qu'elle n'a pas tiré sur le village.", ["denies"]),
        ("L'ONU a dénoncé une « escalade inacceptable » dans la région.", ["reacts"]),
        ("La coalition internationale a indiqué qu'elle allait examiner ces allégations.", ["reacts"]),
        ("L'ONG a dénoncé : « vingt civils ont été exécutés ».", ["reports"]),
    ],
)
def test_stance(text: str, expected: list[str]) -> None:
    assert [a.stance for a in find_attributions(text)] == expected


def test_the_official_an_agency_reached_is_the_source_not_the_agency():
    [found] = find_attributions("Vingt civils ont été tués, selon un responsable local joint par l'AFP.")
    assert (found.source.name, found.source.kind) == ("Local official", "local_official")


def test_humanitarian_sources_are_ngos():
    [found] = find_attributions("Douze civils ont été tués, selon des sources humanitaires.")
    assert (found.source.name, found.source.kind) == ("Humanitarian organisation", "ngo")


@pytest.mark.parametrize(("phrase", "expected"), [
    ("a indiqué un responsable des services de sécurité", ("Security source", "government")),
    ("selon l'agence de presse officielle", ("State media", "state_media")),
    ("selon l'Observatoire", ("Syrian Observatory for Human Rights", "ngo")),
    ("selon un leader communautaire", ("Local official", "local_official")),
    ("selon un enseignant de la localité", ("Witnesses", "witness")),
    ("selon RFI", ("RFI", "media")),
])
def test_common_wire_speakers_have_their_kind(phrase, expected):
    [found] = find_attributions(f"Dix civils ont été tués, {phrase}.")
    assert (found.source.name, found.source.kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trois civils ont été tués à Hama, selon M. Abdel Rahmane.",
         [("M. Abdel Rahmane", "Abdel Rahmane", "unknown", "selon")]),
        ("Selon M. Abdel Rahmane, directeur de l'OSDH, trois civils ont été tués.",
         [("M. Abdel Rahmane, directeur de l'OSDH", OSDH, "ngo", "selon")]),
        ("Mme Sall a indiqué que trois civils ont été tués.", [("Mme Sall", "Sall", "unknown", "a indiqué")]),
        ("Trois morts, a déclaré le Gén. Tchiani à la presse.",
         [("Gén. Tchiani", "Tchiani", "unknown", "a déclaré")]),
        ("Selon Dr Mukwege, dix blessés ont été soignés.", [("Dr Mukwege", "Mukwege", "unknown", "selon")]),
    ],
)
def test_an_honorific_belongs_to_the_name_after_it(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert spans(text) == expected


def test_an_honorific_stop_ends_no_sentence(nlp) -> None:  # noqa: ANN001 - the session's pipeline
    doc = nlp.make_doc("Selon le Gén. Tchiani, trois soldats ont été tués. Le M. suivant.")
    nlp.get_pipe("fracas_sentences")(doc)
    assert [sentence.text for sentence in doc.sents] == ["Selon le Gén. Tchiani, trois soldats ont été tués.",
                                                         "Le M. suivant."]


def test_a_generic_speaker_takes_no_apposition() -> None:
    # The armed men after the comma are the attackers, not a role of the sources.
    assert spans("D'après des sources, des hommes armés ont attaqué un convoi près de Kumbo.") == [
        ("des sources", "Unspecified source", "unknown", "d'après")]


def test_what_could_not_be_checked_has_no_source() -> None:
    assert spans("Ces chiffres n'ont pas pu être vérifiés de source indépendante.") == []


def test_a_name_given_a_role_speaks_in_that_role_when_it_comes_back() -> None:
    text = ("« Le bilan risque de s'alourdir », a dit Paul Kasereka, chef de la chefferie. « Un blessé est déjà "
            "mort », a ajouté M. Kasereka. Deux maisons ont brûlé, selon le coordinateur du centre de santé.")
    assert [(a.source.name, a.source.kind, a.source.text) for a in find_attributions(text)] == [
        ("Local official", "local_official", "Paul Kasereka, chef de la chefferie"),
        ("Local official", "local_official", "M. Kasereka"),
        ("Medical source", "local_official", "coordinateur du centre de santé"),
    ]


def test_a_quoted_name_is_part_of_the_speaker() -> None:
    text = 'Trois obus sont tombés sur le marché, a déclaré le collectif « Voix des quartiers », dans un message.'
    assert spans(text) == [("collectif « Voix des quartiers »", "Civil society", "ngo", "a déclaré")]


def test_a_participle_with_its_agent_names_no_speaker_before_it() -> None:
    text = "Le maire a dénoncé la police qui a dispersé le cortège sur le trajet indiqué par les organisateurs."
    assert [words for words, *_ in spans(text)] == ["maire"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deux morts, selon des sources sécuritaire et communautaire concordantes.",
         [("des sources sécuritaire et communautaire concordantes", "Security source", "government", "selon")]),
        ("La semaine dernière, Kigali a annoncé l'envoi de renforts.",
         [("Kigali", "Rwanda Defence Force", "government", "a annoncé")]),
        ("Le poste a été attaqué, a confirmé la responsable administrative.",
         [("responsable administrative", "Local official", "local_official", "a confirmé")]),
    ],
)
def test_speaker_words_added_from_real_text(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert spans(text) == expected


def test_a_misspelt_auxiliary_before_an_inverted_speaker_still_names_him() -> None:
    assert spans("Cinq gendarmes ont été tués lundi à Dori, on indiqué mardi des sources concordantes.") == [
        ("des sources concordantes", "Unspecified source", "unknown", "on indiqué")]
    assert spans("À Dori, on dit que les rebelles sont partis.") == []


def test_a_bracketed_abbreviation_before_the_verb_closes_its_subject() -> None:
    # "relevé" with an object is no speech; the bracket ends the subject, so nobody follows the verb.
    assert spans("Lundi, la mission des Nations unies (Minusma) a relevé le niveau d'alerte de ses troupes "
                 "face aux rebelles du M23.") == []
    assert spans("Le groupe Etat islamique (EI) a revendiqué l'attentat.") == [
        ("groupe Etat islamique (EI)", "Islamic State", "armed_group", "a revendiqué")]


def test_an_ally_in_apposition_is_not_the_speaker() -> None:
    assert spans("La milice locale, alliée de l'armée, indique avoir repris deux villages.") == [
        ("milice locale", "Rebel commander", "armed_group", "indique")]


def test_a_reassurance_is_a_reaction_not_a_report() -> None:
    found = find_attributions("Le porte-parole de l'armée assure que la situation est sous contrôle.")
    assert [(a.source.kind, a.stance) for a in found] == [("government", "reacts")]
