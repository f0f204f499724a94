from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from samverkan.situation.lib.ranking import THEMES, WEIGHTS, ProblemFacts, components, rank, score


def test_it_scores_by_the_documented_weights():
    facts = ProblemFacts(
        "Klotter", "BRÅ", count=10, previous=5, mean_severity=2.0, survey_index=3.0, dialogue_share=0.5
    )
    found = components(facts, most_incidents=20)
    assert found == {"volume": 0.5, "trend": 1.0, "severity": 0.5, "survey": 0.5, "dialogue": 0.5}
    # 100 * (0.3*0.5 + 0.2*1.0 + 0.1*0.5 + 0.2*0.5 + 0.2*0.5) / 1.0
    assert score(found) == 60.0


def test_it_scores_only_on_what_is_known():
    facts = ProblemFacts("Fortkörning", "BRÅ", survey_index=4.5)
    assert components(facts, most_incidents=30) == {"survey": 0.75}
    assert score(components(facts, most_incidents=30)) == 75.0


def test_it_maps_a_halving_to_a_quarter_and_no_change_to_a_half():
    assert components(ProblemFacts("a", "", count=5, previous=10), most_incidents=10)["trend"] == 0.25
    assert components(ProblemFacts("a", "", count=7, previous=7), most_incidents=10)["trend"] == 0.5
    assert components(ProblemFacts("a", "", count=3, previous=0), most_incidents=10)["trend"] == 1.0


def test_it_ranks_the_highest_score_first():
    ranked = rank(
        [
            ProblemFacts("Liten", "BRÅ", count=1, previous=1),
            ProblemFacts("Stor", "BRÅ", count=10, previous=2, survey_index=5.0),
        ]
    )
    assert [p.name for p in ranked] == ["Stor", "Liten"]


def test_it_matches_dialogue_words_to_themes():
    snow = next(t for t in THEMES if t.survey_key == "problem_buskorning")
    assert snow.matches("Snöskotrar i bostadsområden")
    assert not snow.matches("Dålig belysning")


def test_the_weights_add_up_to_one():
    assert round(sum(WEIGHTS.values()), 9) == 1


@given(
    count=st.integers(0, 500),
    previous=st.integers(0, 500),
    severity=st.floats(1, 3),
    survey=st.floats(0, 6),
    dialogue=st.floats(0, 1),
)
def test_it_keeps_every_score_between_0_and_100(count, previous, severity, survey, dialogue):
    facts = ProblemFacts("x", "", count, previous, severity, survey, dialogue)
    value = score(components(facts, most_incidents=max(count, 1)))
    assert 0 <= value <= 100
