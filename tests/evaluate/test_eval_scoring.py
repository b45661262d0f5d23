from __future__ import annotations

import pytest

from fracas.evaluate import StaticPipeline, evaluate
from fracas.evaluate.gold import read_gold
from fracas.evaluate.scoring import Detection, ForbiddenOutput, forbidden_outputs
from fracas.model import Source

TEXT1 = (
    "Des avions russes ont frappé mercredi Hama, tuant trois civils, et mardi Jisr al-Choughour, selon "
    "l'OSDH. Le conflit a fait plus de 240.000 morts depuis 2011."
)
JISR = {
    "name": "Jisr al-Choughour",
    "admin1": "Idleb",
    "country": "SY",
    "precision": "place",
    "lat": 35.81,
    "lon": 36.32,
}
SOHR = Source("Syrian Observatory for Human Rights", "ngo", "OSDH")


@pytest.fixture
def gold_path(write_gold, gold):
    return write_gold(
        {
            "id": "d1",
            "published": "2015-10-07",
            "text": TEXT1,
            "context_tolls": [240000],
            "events": [
                gold(civilian_fatalities=3),
                gold(location=JISR, fatalities=10, event_date="2015-10-06"),
            ],
        },
        {"id": "d2", "text": "Moscou a démenti toute frappe sur des civils.", "events": []},
        {"id": "d3", "text": "Trois morts dans une frappe sur Hama, selon l'OSDH.", "events": [gold()]},
    )


@pytest.fixture
def predicted(event, place):
    return {
        "d1": [
            event("e1", civilian_fatalities=3),
            event(
                "e2",
                location=place(
                    name="Jisr al-Choughour",
                    admin1="Idleb",
                    lat=35.80,
                    lon=36.31,
                    precision="place",
                    text="Jisr al-Choughour",
                ),
                fatalities=11,
                event_date="2015-10-06",
                sources=(SOHR, Source("AFP", "media", None)),
            ),
            event(
                "e3",
                event_type="Battles",
                sub_event_type="Armed clash",
                fatalities=240000,
                location=place(name="Homs", admin1="Homs", precision="place", text="Homs"),
            ),
        ],
    }


def test_report_of_a_small_gold_file(gold_path, predicted):
    report = evaluate(gold_path, pipeline=StaticPipeline(predicted))
    assert report.to_dict() == {
        "gold": str(gold_path),
        "dispatches": 3,
        "detection": {
            "n_gold": 3,
            "n_predicted": 3,
            "n_matched": 2,
            "precision": 2 / 3,
            "recall": 2 / 3,
            "f1": 2 / 3,
        },
        "fields": {
            "sub_event_type": 1.0,
            "actor1": 1.0,
            "actor2": 1.0,
            "actor1_kind_country": None,
            "actor2_kind_country": None,
            "location_admin1": 1.0,
            "location_25km": 1.0,
            "event_date": 1.0,
            "fatalities": 0.5,
            "fatalities_20pct": 1.0,
            "civilian_fatalities": 1.0,
            "sources_kind": 0.5,
        },
        "forbidden_outputs": 2,
        "forbidden": [
            {
                "dispatch_id": "d1",
                "event_id": "e3",
                "reason": "context_toll",
                "detail": "fatalities=240000 is a context toll of the dispatch",
            },
            {
                "dispatch_id": "d1",
                "event_id": "e3",
                "reason": "unsupported_place",
                "detail": "placed at place level (Homs) but location.text 'Homs' is not in the dispatch",
            },
        ],
    }


def test_by_field_adds_counts_and_each_dispatchs_misses(gold_path, predicted):
    report = evaluate(gold_path, pipeline=StaticPipeline(predicted)).to_dict(by_field=True)
    assert report["fields"]["fatalities"] == {"accuracy": 0.5, "n": 2, "correct": 1}
    assert report["fields"]["location_25km"] == {"accuracy": 1.0, "n": 1, "correct": 1}
    assert report["fields"]["civilian_fatalities"] == {"accuracy": 1.0, "n": 1, "correct": 1}
    assert report["misses"] == [
        {
            "dispatch_id": "d1",
            "origin": f"{gold_path}:1",
            "n_gold": 2,
            "n_predicted": 3,
            "pairs": [[0, "e1"], [1, "e2"]],
            "missed_gold": [],
            "spurious": [
                {
                    "event_id": "e3",
                    "event_type": "Battles",
                    "sub_event_type": "Armed clash",
                    "place": "Homs",
                    "fatalities": 240000,
                }
            ],
            "field_misses": [
                {"gold_index": 1, "event_id": "e2", "field": "fatalities", "gold": 10, "predicted": 11},
                {
                    "gold_index": 1,
                    "event_id": "e2",
                    "field": "sources_kind",
                    "gold": ["ngo"],
                    "predicted": ["media", "ngo"],
                },
            ],
            "forbidden": report["forbidden"],
        },
        {
            "dispatch_id": "d3",
            "origin": f"{gold_path}:3",
            "n_gold": 1,
            "n_predicted": 0,
            "pairs": [],
            "missed_gold": [
                {
                    "gold_index": 0,
                    "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Air/drone strike",
                    "place": "Hama",
                    "fatalities": 3,
                }
            ],
            "spurious": [],
            "field_misses": [],
            "forbidden": [],
        },
    ]


def test_metrics_are_the_flat_numbers_a_baseline_pins(gold_path, predicted):
    assert evaluate(gold_path, pipeline=StaticPipeline(predicted)).metrics() == {
        "detection_f1": 2 / 3,
        "precision": 2 / 3,
        "recall": 2 / 3,
        "sub_event_type": 1.0,
        "actor1": 1.0,
        "actor2": 1.0,
        "actor1_kind_country": None,
        "actor2_kind_country": None,
        "location_admin1": 1.0,
        "location_25km": 1.0,
        "event_date": 1.0,
        "fatalities": 0.5,
        "fatalities_20pct": 1.0,
        "civilian_fatalities": 1.0,
        "sources_kind": 0.5,
    }


@pytest.mark.parametrize(
    ("gold_toll", "predicted_toll", "exact", "within_20pct"),
    [
        (10, 10, 1, 1),
        (10, 12, 0, 1),
        (10, 8, 0, 1),
        (10, 13, 0, 0),
        (10, None, 0, 0),
        (None, None, 1, 1),
        (None, 0, 0, 0),
        (0, 0, 1, 1),
        (0, 1, 0, 0),
    ],
)
def test_fatality_scores(write_gold, gold, event, gold_toll, predicted_toll, exact, within_20pct):
    path = write_gold({"id": "d", "text": "Hama", "events": [gold(fatalities=gold_toll)]})
    report = evaluate(path, pipeline=StaticPipeline({"d": [event(fatalities=predicted_toll)]}))
    assert (report.field("fatalities").correct, report.field("fatalities_20pct").correct) == (
        exact,
        within_20pct,
    )


def test_actor2_null_is_asserted_and_absent_fields_are_not_scored(write_gold, event):
    path = write_gold(
        {
            "id": "d",
            "text": "Hama",
            "events": [
                {"event_type": "Explosions/Remote violence", "actor2": None, "location": {"admin1": "Hama"}}
            ],
        }
    )
    report = evaluate(path, pipeline=StaticPipeline({"d": [event()]}))
    assert {s.name: (s.n, s.correct) for s in report.fields if s.n} == {
        "actor2": (1, 1),
        "location_admin1": (1, 1),
    }


def test_sources_kind_needs_the_same_set_of_kinds(write_gold, gold, event):
    path = write_gold(
        {"id": "d", "text": "Hama", "events": [gold(sources=[{"kind": "ngo"}, {"kind": "government"}])]}
    )
    only_ngo = evaluate(path, pipeline=StaticPipeline({"d": [event()]}))
    both = evaluate(
        path, pipeline=StaticPipeline({"d": [event(sources=(SOHR, Source("MoD", "government", None)))]})
    )
    assert (only_ngo.field("sources_kind").correct, both.field("sources_kind").correct) == (0, 1)


def test_forbidden_outputs(write_gold, event, place):
    path = write_gold(
        {
            "id": "d",
            "text": "Frappes sur Hama. La guerre a fait 240.000 morts.",
            "context_tolls": [240000, 12],
            "events": [],
        }
    )
    (dispatch,) = read_gold(path)
    predicted = [
        event("ok"),
        event("low", fatalities=None, fatalities_low=12),
        event("civ", civilian_fatalities=240000),
        event("nowhere", location=place(text=None)),
        event("country", location=place(name="Syria", admin1=None, precision="country", text=None)),
        event("elsewhere", location=place(name="Alep", admin1="Aleppo", precision="admin1", text="Alep")),
    ]
    assert forbidden_outputs(dispatch, predicted) == (
        ForbiddenOutput("d", "low", "context_toll", "fatalities_low=12 is a context toll of the dispatch"),
        ForbiddenOutput(
            "d", "civ", "context_toll", "civilian_fatalities=240000 is a context toll of the dispatch"
        ),
        ForbiddenOutput(
            "d",
            "nowhere",
            "unsupported_place",
            "placed at admin1 level (Hama) but location.text None is not in the dispatch",
        ),
        ForbiddenOutput(
            "d",
            "elsewhere",
            "unsupported_place",
            "placed at admin1 level (Alep) but location.text 'Alep' is not in the dispatch",
        ),
    )


def test_undefined_ratios_are_none():
    assert (Detection(0, 0, 0).precision, Detection(0, 0, 0).recall, Detection(0, 0, 0).f1) == (
        None,
        None,
        None,
    )
    assert (Detection(4, 0, 0).precision, Detection(4, 0, 0).recall, Detection(4, 0, 0).f1) == (
        None,
        0.0,
        0.0,
    )


def test_a_pipeline_that_drops_a_dispatch_is_an_error(gold_path):
    class Dropping(StaticPipeline):
        def run_iter(self, dispatches, n_process=1, batch_size=32):
            yield from list(super().run_iter(dispatches))[1:]

    with pytest.raises(RuntimeError) as err:
        evaluate(gold_path, pipeline=Dropping({}))
    assert str(err.value) == (
        "the pipeline returned no result for 1 gold dispatch(es) (d1); "
        "run_iter must yield every dispatch it is given"
    )
