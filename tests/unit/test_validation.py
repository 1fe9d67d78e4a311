from __future__ import annotations

from datetime import date, time

import pytest

from wijkteam.errors import ValidationError
from wijkteam.validation import (
    normalise_bsn,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    parse_birth_date,
    parse_date,
    parse_received_date,
    parse_time,
    required_text,
)
from wijkteam.validation.rules import format_phone

TODAY = date(2026, 11, 18)


def code_of(rule) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        rule()
    return caught.value.code


class TestBsn:
    @pytest.mark.parametrize("typed", ["999000019", " 999 000 019 ", "999.000.019", "999-000-019"])
    def test_valid_bsn_is_normalised(self, typed: str) -> None:
        assert normalise_bsn(typed) == "999000019"

    def test_empty_is_allowed(self) -> None:
        assert normalise_bsn("  ") is None

    def test_failing_eleven_proof(self) -> None:
        assert code_of(lambda: normalise_bsn("999000018")) == "elfproef"

    def test_wrong_length(self) -> None:
        with pytest.raises(ValidationError) as caught:
            normalise_bsn("12345")
        error = caught.value
        assert (error.code, error.params["got"]) == ("length", 5)

    def test_letters(self) -> None:
        assert code_of(lambda: normalise_bsn("99900001A")) == "digits_only"


class TestPostcode:
    @pytest.mark.parametrize("typed", ["6291AB", "6291 ab", " 6291-ab "])
    def test_normalised(self, typed: str) -> None:
        assert normalise_postcode(typed) == "6291 AB"

    @pytest.mark.parametrize("letters", ["SA", "SD", "SS"])
    def test_letter_pairs_not_issued(self, letters: str) -> None:
        with pytest.raises(ValidationError) as caught:
            normalise_postcode(f"6291 {letters}")
        error = caught.value
        assert error.code == "letters_not_used"
        assert error.params["letters"] == letters

    @pytest.mark.parametrize("typed", ["0291 AB", "629 AB", "6291 A", "ABCD 12", "62911AB"])
    def test_bad_format(self, typed: str) -> None:
        assert code_of(lambda: normalise_postcode(typed)) == "format"

    def test_empty_is_allowed(self) -> None:
        assert normalise_postcode("") is None


class TestPhone:
    @pytest.mark.parametrize(
        ("typed", "stored"),
        [
            ("043 306 1234", "+31433061234"),
            ("06-12345678", "+31612345678"),
            ("+49 241 123456", "+49241123456"),
            ("0049 241 123456", "+49241123456"),
            ("+32 87 123456", "+3287123456"),
        ],
    )
    def test_dutch_german_belgian_numbers(self, typed: str, stored: str) -> None:
        assert normalise_phone(typed) == stored

    @pytest.mark.parametrize("typed", ["123", "06 1234", "bel me"])
    def test_invalid(self, typed: str) -> None:
        assert code_of(lambda: normalise_phone(typed)) == "phone_format"

    def test_other_country_refused(self) -> None:
        assert code_of(lambda: normalise_phone("+44 20 7946 0958")) == "phone_country"

    def test_display(self) -> None:
        assert format_phone("+31433061234") == "043 306 1234"
        assert format_phone("+49241123456") == "+49 241 123456"

    def test_display_for_a_reader_abroad(self) -> None:
        assert format_phone("+31433061234", abroad=True) == "+31 43 306 1234"
        assert format_phone("+49241123456", abroad=True) == "+49 241 123456"


class TestDates:
    @pytest.mark.parametrize(
        "typed", ["03-11-2026", "3-11-2026", "3/11/2026", "3.11.2026", "2026-11-03"]
    )
    def test_dutch_ways_of_writing(self, typed: str) -> None:
        assert parse_date(typed, "x") == date(2026, 11, 3)

    @pytest.mark.parametrize("typed", ["31-02-2026", "morgen", "11-2026"])
    def test_not_a_date(self, typed: str) -> None:
        assert code_of(lambda: parse_date(typed, "x")) == "date_format"

    def test_received_not_in_future(self) -> None:
        assert code_of(lambda: parse_received_date("19-11-2026", TODAY)) == "in_future"
        assert parse_received_date("18-11-2026", TODAY) == TODAY

    def test_received_required(self) -> None:
        assert code_of(lambda: parse_received_date("", TODAY)) == "required"

    def test_received_long_ago_is_questioned(self) -> None:
        assert code_of(lambda: parse_received_date("01-01-2025", TODAY)) == "too_old_received"

    def test_birth_date_plausible(self) -> None:
        assert parse_birth_date("01-02-1950", TODAY) == date(1950, 2, 1)
        assert parse_birth_date("", TODAY) is None
        assert code_of(lambda: parse_birth_date("01-01-2030", TODAY)) == "in_future"
        assert code_of(lambda: parse_birth_date("01-01-1890", TODAY)) == "implausible_age"

    @pytest.mark.parametrize(
        ("typed", "parsed"),
        [("14:30", time(14, 30)), ("9", time(9)), ("9.15", time(9, 15)), ("0930", time(9, 30))],
    )
    def test_times(self, typed: str, parsed: time) -> None:
        assert parse_time(typed, "t") == parsed

    @pytest.mark.parametrize("typed", ["25:00", "12:75", "half tien"])
    def test_bad_times(self, typed: str) -> None:
        assert code_of(lambda: parse_time(typed, "t")) == "time_format"


def test_email() -> None:
    assert normalise_email(" a.b@voorbeeld.nl ") == "a.b@voorbeeld.nl"
    assert code_of(lambda: normalise_email("a.b@voorbeeld")) == "email_format"


def test_required_text() -> None:
    assert required_text("surname", "  Smit ") == "Smit"
    assert code_of(lambda: required_text("surname", "   ")) == "required"
    assert code_of(lambda: required_text("surname", "x" * 300, 120)) == "too_long"
