"""Valid, unique identifiers: resident ID numbers, credit codes, mobiles, card numbers."""

from array import array
from datetime import date
from random import Random

from gonghui.core.identifiers import CREDIT_ALPHABET, credit_check_char, id_check_char, organisation_check_char

from .sampling import Weighted, split_weights

HOME_AREA = "429004"
# Where members were born: mostly the county itself, some from nearby
# cities and from Enshi, where the Tujia members come from.
BIRTH_AREAS = Weighted(
    split_weights(
        "429004:55 429005:6 429006:6 420102:4 420106:4 420111:4 421002:4 421087:3 422801:5 420982:3 421121:3 420684:3"
    )
)
MOBILE_PREFIXES = tuple(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 "
    "173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 198 199".split()
)
CARD_PREFIX = "622845"


class ResidentIds:
    """Hands out resident ID numbers that are unique by construction.

    Every (birth area, birth date, gender) owns 500 sequence numbers; a
    counter per key says how many are taken. A set of issued numbers would
    grow with the member count; the counters are bounded by the date range.
    """

    SEQUENCES = 500
    # Coprime with SEQUENCES, so the n-th number of a key is a permutation of
    # the sequence space and the numbers do not all end in 001, 003, ...
    SCATTER = 193

    def __init__(self, *, first_birth: date, last_birth: date, areas: Weighted[str] = BIRTH_AREAS):
        self.first_ordinal = first_birth.toordinal()
        self.days = last_birth.toordinal() - self.first_ordinal + 1
        self.areas = areas
        self.taken = array("H", bytes(2 * len(areas) * self.days * 2))
        self.birth_text = [date.fromordinal(self.first_ordinal + day).strftime("%Y%m%d") for day in range(self.days)]

    def birth_date(self, day: int) -> date:
        return date.fromordinal(self.first_ordinal + day)

    def issue(self, rng: Random, *, day: int, male: bool) -> str:
        """The next number for someone born `day` days after first_birth."""
        for _ in range(4 * len(self.areas)):
            area_index = self.areas.pick_index(rng)
            key = (area_index * self.days + day) * 2 + male
            taken = self.taken[key]
            if taken < self.SEQUENCES:
                break
        else:
            raise RuntimeError("too many people born on one day; widen the birth date range")
        self.taken[key] = taken + 1
        sequence = (taken * self.SCATTER + key) % self.SEQUENCES * 2 + male
        first17 = f"{self.areas.values[area_index]}{self.birth_text[day]}{sequence:03d}"
        return first17 + id_check_char(first17)


class CreditCodes:
    """Unified social credit codes of one county, unique within it."""

    def __init__(self, *, area: str = HOME_AREA):
        self.area = area
        self.issued: set[str] = set()

    def issue(self, rng: Random, *, registration: str) -> str:
        while True:
            code = self._draw(rng, registration)
            if code not in self.issued:
                self.issued.add(code)
                return code

    def _draw(self, rng: Random, registration: str) -> str:
        # Codes issued since 2015 carry an "MA" organisation code; older ones are digits.
        if rng.random() < 0.6:
            body = "MA" + "".join(rng.choice(CREDIT_ALPHABET) for _ in range(6))
        else:
            body = "".join(rng.choice("0123456789") for _ in range(8))
        first17 = registration + self.area + body + organisation_check_char(body)
        return first17 + credit_check_char(first17)


def mobile(rng: Random) -> str:
    return f"{MOBILE_PREFIXES[int(rng.random() * len(MOBILE_PREFIXES))]}{int(rng.random() * 100_000_000):08d}"


def luhn_digit(body: str) -> str:
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = ord(char) - 48
        if position % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return str(-total % 10)


def card_number(serial: int) -> str:
    """A 16-digit bank-style union card number (the member service card is co-issued by a bank)."""
    body = f"{CARD_PREFIX}{serial:09d}"
    return body + luhn_digit(body)
