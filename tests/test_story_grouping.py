"""Story grouping: documents are grouped by what they are about (people and places weighted by
how central they are, kinds of event in each language), never by one shared name."""

from __future__ import annotations

from collections import Counter

from reconcile.lexicon import lexicon
from reconcile.stories import (
    MAX_BLOCK,
    assign_stories,
    candidate_pairs,
    name_keys_of,
    settle,
    story_profile,
    weighted_profiles,
)


def article(language: str, headline: str, *body: str) -> Counter:
    return story_profile([("heading", headline), *(("body", s) for s in body)], lexicon(language))


# Invented coverage: a dam burst in one country, a stadium fire in the same country and week
# (which mentions the dam burst in passing), and an unrelated trial elsewhere.
DAM = [
    article(
        "en",
        "Dam bursts above Villa Ormeño, dozens missing",
        "The Quebrada Honda dam burst on Monday above Villa Ormeño, flooding the valley.",
        "Governor Tomasa Quiroga said 40 people were missing after the flood.",
        "Rescuers searched the Quebrada Honda valley for survivors.",
    ),
    article(
        "es",
        "Rotura de la presa de Quebrada Honda deja decenas de desaparecidos",
        "La presa de Quebrada Honda se rompió el lunes sobre Villa Ormeño y la inundación "
        "arrasó el valle.",
        "La gobernadora Tomasa Quiroga informó de 41 desaparecidos tras la inundación.",
        "Los rescatistas buscan sobrevivientes en Villa Ormeño.",
    ),
    article(
        "en",
        "Search goes on in Villa Ormeño after dam failure",
        "Rescue teams kept searching on Wednesday below the Quebrada Honda dam.",
        "Tomasa Quiroga, the governor, said the flood had destroyed 300 homes in Villa Ormeño.",
    ),
]
FIRE = [
    article(
        "en",
        "Fire at Estadio Lucerna kills eleven",
        "A fire swept through the Estadio Lucerna in Puerto Galdós on Tuesday night.",
        "Fire chief Anselmo Rivas said the blaze started under the north stand of Estadio Lucerna.",
        "The country was already mourning the victims of the dam burst near Villa Ormeño, "
        "where Tomasa Quiroga leads the search.",
    ),
    article(
        "es",
        "Incendio en el Estadio Lucerna deja once muertos en Puerto Galdós",
        "Un incendio arrasó el martes por la noche el Estadio Lucerna de Puerto Galdós.",
        "El jefe de bomberos Anselmo Rivas dijo que el fuego empezó bajo la tribuna norte.",
    ),
    article(
        "en",
        "Puerto Galdós stadium blaze: what we know",
        "Anselmo Rivas said on Wednesday that the fire at Estadio Lucerna was put out by dawn.",
        "The blaze in Puerto Galdós is the worst stadium fire in decades.",
    ),
]
TRIAL = [
    article(
        "en",
        "Verdict due in the Hallberg fraud trial",
        "Judges in Norrvik will rule on Friday in the trial of banker Sven Hallberg.",
        "Prosecutors asked for eight years for Hallberg.",
    ),
    article(
        "es",
        "El tribunal de Norrvik dictará sentencia contra Sven Hallberg",
        "Los jueces de Norrvik dictarán el viernes sentencia en el juicio contra Sven Hallberg.",
    ),
]


def grouped(*stories: list[Counter], labels: dict[str, str | None] | None = None):
    keys = {f"{s}{i}": profile for s, docs in enumerate(stories) for i, profile in enumerate(docs)}
    labels = labels or dict.fromkeys(keys)
    published = dict.fromkeys(keys, "2024-03-05")
    found = assign_stories(labels, {}, {}, published, keys)
    return {doc: found[doc] for doc in keys}


def test_a_story_told_in_english_and_spanish_is_one_story():
    stories = grouped(DAM, FIRE, TRIAL)
    assert len({stories[f"0{i}"] for i in range(3)}) == 1
    assert len({stories[f"1{i}"] for i in range(3)}) == 1
    assert stories["20"] == stories["21"]


def test_a_passing_mention_of_another_storys_people_does_not_join_the_stories():
    stories = grouped(DAM, FIRE, TRIAL)
    assert stories["00"] != stories["10"]  # the fire article names the dam's governor in passing
    assert stories["00"] != stories["20"]


def test_explicit_labels_come_first():
    keys = {f"d{i}": profile for i, profile in enumerate(DAM)}
    labels = {"d0": "mine", "d1": None, "d2": None}
    stories = assign_stories(labels, {}, {}, {}, keys)
    assert stories["d0"] == "label:mine"
    assert stories["d1"] == stories["d2"] != "label:mine"


def test_story_names_do_not_depend_on_set_order():
    labels = {"a": None, "b": None}
    names = {"a": {"ana perez", "luis gomez"}, "b": {"luis gomez", "ana perez"}}
    first = assign_stories(labels, names, {})
    second = assign_stories(labels, {k: set(sorted(v, reverse=True)) for k, v in names.items()}, {})
    assert first == second


def test_headline_and_lead_weigh_more_than_a_passing_mention():
    profile = FIRE[0]
    assert profile["w:lucerna"] > profile["w:ormeno"]
    assert profile["e:fire"] > profile["e:flood"]


def test_proper_names_without_titles_function_words_or_months():
    lex = lexicon("en")
    keys = name_keys_of("In March, Attorney General Diana Salazar visited Riobamba.", lex)
    assert "p:diana salazar" in keys and "w:riobamba" in keys
    assert not any("march" in k or "attorney" in k or k == "w:in" for k in keys)
    spanish = name_keys_of(
        "Según el Ministerio del Interior, el sismo sacudió Marrakech.", lexicon("es")
    )
    assert "p:ministerio del interior" in spanish and "w:marrakech" in spanish
    assert not any("segun" in k for k in spanish)


def test_pairs_come_only_from_keys_few_documents_share():
    common = {f"d{i}": {"w:everywhere": 0.5, f"w:own{i // 2}": 0.5} for i in range(MAX_BLOCK + 2)}
    pairs = candidate_pairs(common)
    assert all(int(a[1:]) // 2 == int(b[1:]) // 2 for _, a, b in pairs)  # no pair by "everywhere"
    assert len(pairs) == (MAX_BLOCK + 2) // 2


def test_a_key_no_other_document_holds_is_left_out():
    profiles = weighted_profiles({"a": Counter({"w:x": 2, "w:only": 5}), "b": Counter({"w:x": 1})})
    assert "w:only" not in profiles["a"]


# Invented: a prison mutiny and a radio station seized by gunmen, in one country and one week,
# both naming the same minister; each told in English and in Spanish.
MUTINY = [
    article(
        "en",
        "Inmates of the Cerro Alto prison free 60 guards held hostage",
        "Inmates at the Cerro Alto prison in Valdemora released 60 guards on Sunday.",
        "The prison service said the mutiny in the Cerro Alto cell blocks had ended.",
        "Interior minister Rebeca Salcedo promised to take back control of every prison.",
    ),
    article(
        "es",
        "Los reos de la cárcel de Cerro Alto liberan a 60 guardias",
        "Los reclusos de la cárcel de Cerro Alto, en Valdemora, liberaron el domingo a 60 "
        "guardias.",
        "La ministra del Interior Rebeca Salcedo dijo que el motín en Cerro Alto terminó.",
    ),
    article(
        "en",
        "Cerro Alto prison mutiny ends in Valdemora",
        "The mutiny at Cerro Alto ended on Monday, the prison service said.",
        "Rebeca Salcedo said the guards of Cerro Alto were safe.",
    ),
]
STATION = [
    article(
        "en",
        "Gunmen storm Radio Faro studios in Puerto Ledesma",
        "Masked gunmen stormed the Radio Faro studios in Puerto Ledesma on Tuesday.",
        "Minister Rebeca Salcedo said police freed the Radio Faro staff held hostage.",
    ),
    article(
        "es",
        "Encapuchados irrumpen en Radio Faro en Puerto Ledesma",
        "Un grupo de encapuchados irrumpió el martes en los estudios de Radio Faro.",
        "La ministra Rebeca Salcedo dijo que la policía liberó a los rehenes de Radio Faro.",
    ),
    article(
        "en",
        "Radio Faro attack: what we know",
        "Police in Puerto Ledesma arrested 13 people after the attack on Radio Faro.",
    ),
]


def test_a_document_settles_in_the_story_it_is_closest_to_on_average():
    docs = {f"m{i}": p for i, p in enumerate(MUTINY)} | {f"s{i}": p for i, p in enumerate(STATION)}
    profiles = weighted_profiles(docs)
    days = dict.fromkeys(docs)
    # One close pair put a mutiny article with the radio station before the mutiny's own
    # articles had met: it goes home once both stories are whole.
    settled = settle(profiles, days, [["m0", "m1"], ["m2", "s0", "s1", "s2"]])
    assert sorted(map(sorted, settled)) == [["m0", "m1", "m2"], ["s0", "s1", "s2"]]
    # Groups as they should be stay as they are.
    whole = [["m0", "m1", "m2"], ["s0", "s1", "s2"]]
    assert sorted(map(sorted, settle(profiles, days, whole))) == whole


def test_a_document_never_settles_with_one_other_document():
    docs = {f"m{i}": p for i, p in enumerate(MUTINY)} | {f"s{i}": p for i, p in enumerate(STATION)}
    profiles = weighted_profiles(docs)
    start = [["m0"], ["m1", "s0", "s1", "s2"], ["m2"]]
    assert sorted(map(sorted, settle(profiles, dict.fromkeys(docs), start))) == sorted(
        map(sorted, start)
    )


def test_two_stories_of_one_country_and_week_stay_apart():
    stories = grouped(MUTINY, STATION)
    assert len({stories[f"0{i}"] for i in range(3)}) == 1
    assert len({stories[f"1{i}"] for i in range(3)}) == 1
    assert stories["00"] != stories["10"]
