import pytest

from manus_openai._ids import split_turn_id, task_id_of, turn_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("abc", ("abc", None)),
        ("abc~1", ("abc", 1)),
        ("abc~12", ("abc", 12)),
        ("abc~0", ("abc~0", None)),
        ("abc~x", ("abc~x", None)),
        ("~3", ("~3", None)),
        ("abc~", ("abc~", None)),
        ("a~b~2", ("a~b", 2)),
        ("abc~\u0663", ("abc~\u0663", None)),
    ],
)
def test_split_turn_id(value: str, expected: tuple[str, int | None]) -> None:
    assert split_turn_id(value) == expected


def test_turn_id_round_trips() -> None:
    assert split_turn_id(turn_id("task_1", 3)) == ("task_1", 3)
    assert turn_id("task_1~2", 5) == "task_1~5"
    assert task_id_of(turn_id("task_1", 1)) == "task_1"


def test_turn_id_refuses_turn_zero() -> None:
    with pytest.raises(ValueError, match="turn must be 1 or more"):
        turn_id("t", 0)
