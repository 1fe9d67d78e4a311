"""Reading the people out of a zaak's Rollen (ZGW Zaken API 1.5).

- The resident is the Rol with betrokkeneType `natuurlijk_persoon` and omschrijvingGeneriek
  `belanghebbende`; when no Rol says `belanghebbende` (POST bodies carry only a roltype URL),
  the one natuurlijk_persoon Rol that is not the `initiator`.
- The reporter (melder) is the Rol with omschrijvingGeneriek `initiator`, if there is one; its
  roltoelichting is the relation to the resident.
- Contact details come from a Rol's contactpersoonRol (telefoonnummer, emailadres), the
  address from betrokkeneIdentificatie.verblijfsadres.
"""

from __future__ import annotations

import re
from typing import Any

from wijkteam.sync.imports.problems import ImportProblem, PositionUnit

RECORD = PositionUnit.RECORD
PERSON = "natuurlijk_persoon"
_COMPACT_DATE = re.compile(r"\d{8}")


class RoleReader:
    """Takes text out of one record's JSON, noting where each field came from and every
    value of the wrong type (as a problem)."""

    def __init__(self, position: int, path: str) -> None:
        self.position = position
        self.path = path
        self.sources: dict[str, str] = {}
        self.problems: list[ImportProblem] = []

    def text(self, obj: Any, key: str, field: str, path: str, *, number: bool = False) -> str:
        source = f"{path}.{key}"
        value = obj.get(key) if isinstance(obj, dict) else None
        if value is None or value == "":
            self.sources.setdefault(field, source)
            return ""
        self.sources[field] = source
        if isinstance(value, str):
            return value
        if number and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        self.problems.append(
            ImportProblem.make(
                self.position, RECORD, "wrong_type", field=field, source=source, number=number
            )
        )
        return ""

    def resident(self, rollen: list[Any]) -> dict[str, str]:
        persons = [(i, r) for i, r in enumerate(rollen) if isinstance(r, dict) and _is(r, PERSON)]
        chosen = [(i, r) for i, r in persons if _generic(r) == "belanghebbende"]
        if not chosen:
            chosen = [(i, r) for i, r in persons if _generic(r) != "initiator"]
        if len(chosen) != 1:
            code = "resident_role_missing" if not chosen else "resident_role_ambiguous"
            self.problems.append(
                ImportProblem.make(
                    self.position, RECORD, code, field="surname", source=f"{self.path}.rollen"
                )
            )
            return {}
        index, rol = chosen[0]
        path = f"{self.path}.rollen[{index}]"
        person = rol.get("betrokkeneIdentificatie")
        person_path = f"{path}.betrokkeneIdentificatie"
        address = person.get("verblijfsadres") if isinstance(person, dict) else None
        address_path = f"{person_path}.verblijfsadres"
        contact = rol.get("contactpersoonRol")
        contact_path = f"{path}.contactpersoonRol"
        letter = self.text(address, "aoaHuisletter", "house_number_suffix", address_path)
        addition = self.text(
            address, "aoaHuisnummertoevoeging", "house_number_suffix", address_path
        )
        return {
            "bsn": self.text(person, "inpBsn", "bsn", person_path),
            "first_names": self.text(person, "voornamen", "first_names", person_path),
            "prefix": self.text(person, "voorvoegselGeslachtsnaam", "prefix", person_path),
            "surname": self.text(person, "geslachtsnaam", "surname", person_path),
            "birth_date": _iso_date(self.text(person, "geboortedatum", "birth_date", person_path)),
            "street": self.text(address, "gorOpenbareRuimteNaam", "street", address_path),
            "house_number": self.text(
                address, "aoaHuisnummer", "house_number", address_path, number=True
            ),
            "house_number_suffix": " ".join(p for p in (letter, addition) if p),
            "postcode": self.text(address, "aoaPostcode", "postcode", address_path),
            "place": self.text(address, "wplWoonplaatsNaam", "place", address_path),
            "phone": self.text(contact, "telefoonnummer", "phone", contact_path),
            "email": self.text(contact, "emailadres", "email", contact_path),
        }

    def reporter(self, rollen: list[Any], resident_bsn: str) -> dict[str, str]:
        found = [
            (i, r)
            for i, r in enumerate(rollen)
            if isinstance(r, dict) and _generic(r) == "initiator"
        ]
        if not found:
            return {}
        index, rol = found[0]
        path = f"{self.path}.rollen[{index}]"
        person = rol.get("betrokkeneIdentificatie")
        contact = rol.get("contactpersoonRol")
        contact_path = f"{path}.contactpersoonRol"
        name = (
            self.text(rol, "afwijkendeNaamBetrokkene", "reporter_name", path)
            or self.text(contact, "naam", "reporter_name", contact_path)
            or self._person_name(person, f"{path}.betrokkeneIdentificatie")
        )
        relation = self.text(rol, "roltoelichting", "reporter_relation", path)
        same_person = (
            bool(resident_bsn)
            and isinstance(person, dict)
            and (person.get("inpBsn") == resident_bsn)
        )
        phone = self.text(contact, "telefoonnummer", "reporter_contact", contact_path)
        email = self.text(contact, "emailadres", "reporter_contact", contact_path)
        return {
            "reporter_name": name,
            "reporter_relation": relation or ("zelf" if same_person else ""),
            "reporter_contact": " / ".join(p for p in (phone, email) if p),
        }

    def _person_name(self, person: Any, path: str) -> str:
        parts = (
            self.text(person, "voornamen", "reporter_name", path),
            self.text(person, "voorvoegselGeslachtsnaam", "reporter_name", path),
            self.text(person, "geslachtsnaam", "reporter_name", path),
        )
        return " ".join(p.strip() for p in parts if p.strip())


def _is(rol: dict[str, Any], kind: str) -> bool:
    return rol.get("betrokkeneType") == kind


def _generic(rol: dict[str, Any]) -> str:
    value = rol.get("omschrijvingGeneriek")
    return value if isinstance(value, str) else ""


def _iso_date(text: str) -> str:
    """BRP writes birth dates as JJJJMMDD; the app's rules read JJJJ-MM-DD."""
    stripped = text.strip()
    if _COMPACT_DATE.fullmatch(stripped):
        return f"{stripped[:4]}-{stripped[4:6]}-{stripped[6:]}"
    return text
