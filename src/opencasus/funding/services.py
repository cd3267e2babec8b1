"""Writes of the funding register: keyword-only, atomic, versioned (`version`; a stale one is
`ValidationError(code="conflict")`). Amounts are whole cents. Access from `opencasus.access.funding`.

No personal data: no processing-log record; each row keeps who changed it last and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import funding as access
from opencasus.core.text import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH
from opencasus.funding.models import (
    Audited,
    CoFinancing,
    FundingYear,
    HouseShare,
    Inhabitants,
    InKind,
    Method,
    RegionKey,
    RegionSplit,
)
from opencasus.funding.money import MAX_CENTS
from opencasus.funding.selectors import check_year, house_get, municipality_get, region_get
from opencasus.network.models import House, Municipality, Organisation, Partnership, Region

if TYPE_CHECKING:
    from opencasus.accounts.models import User

HUNDRED = Decimal(100)
MAX_HOURS = Decimal("100000.0")
MAX_RATE_CENTS = 100_000  # € 1.000 an hour
MAX_INHABITANTS = 10_000_000
R = TypeVar("R", CoFinancing, InKind)


def _conflict() -> ValidationError:
    return ValidationError(_("Someone else changed this in the meantime. Reload the page and try again."),
                           code="conflict")


def _stamp(row: Audited, actor: User) -> None:
    row.updated_at, row.updated_by = timezone.now(), actor
    row.version += 1


def _text(errors: dict[str, list[str]], name: str, value: str, limit: int = SHORT_TEXT_MAX_LENGTH) -> None:
    if not value.strip():
        errors[name] = [_("Fill this in.")]
    elif len(value) > limit:
        errors[name] = [_("Use at most %(limit)s characters.") % {"limit": limit}]


def _year(errors: dict[str, list[str]], name: str, value: int) -> None:
    if not 2000 <= value <= 2100:
        errors[name] = [_("Choose a year between 2000 and 2100.")]


def _cents(errors: dict[str, list[str]], name: str, value: int, *, positive: bool = False) -> None:
    if value < 0 or (positive and value == 0) or value > MAX_CENTS:
        errors[name] = [_("Give an amount of more than € 0 and at most € 1.000.000.000.") if positive else
                        _("Give an amount of € 0 or more and at most € 1.000.000.000.")]


@transaction.atomic
def funding_year_save(*, actor: User, year: int, amount_cents: int, amount_source: str, key_source: str,
                      key_year: int, example_key: bool, shares: Mapping[str, Decimal],
                      expected_version: int) -> FundingYear:
    """Set a year's national contribution and its key: a positive share (percent, four decimals) for every one
    of the regions, together exactly 100 %. `shares` is keyed by region code (VR01…). Version 0 creates it."""
    access.require_funding(actor, edit=True)
    check_year(year)
    row = FundingYear.objects.select_for_update().filter(year=year).first()
    if expected_version != (row.version if row else 0):
        raise _conflict()
    errors: dict[str, list[str]] = {}
    _cents(errors, "amount_cents", amount_cents, positive=True)
    _text(errors, "amount_source", amount_source)
    _text(errors, "key_source", key_source)
    _year(errors, "key_year", key_year)
    regions = {r.code: r for r in Region.objects.order_by("number")}
    for code in shares:
        if code not in regions:
            errors[f"shares.{code}"] = [_("There is no region with this code.")]
    for code in regions:
        share = shares.get(code)
        if share is None:
            errors[f"shares.{code}"] = [_("Give a share for every region.")]
        elif share <= 0 or share > HUNDRED or share.as_tuple().exponent < -4:  # type: ignore[operator]
            errors[f"shares.{code}"] = [_("Give a share of more than 0 and at most 100 percent, with at most four "
                                          "decimals.")]
    if not errors and sum(shares.values(), Decimal(0)) != HUNDRED:
        errors["shares"] = [_("The shares of the regions add up to %(sum)s %% instead of 100 %%.")
                            % {"sum": f"{sum(shares.values(), Decimal(0)):f}".replace(".", ",")}]
    if errors:
        raise ValidationError(errors)
    if row is None:
        row = FundingYear(year=year, version=0)
    row.amount_cents, row.amount_source, row.key_source = amount_cents, amount_source.strip(), key_source.strip()
    row.key_year, row.example_key = key_year, example_key
    _stamp(row, actor)
    row.save()
    RegionKey.objects.filter(funding_year=row).delete()
    RegionKey.objects.bulk_create([RegionKey(funding_year=row, region=regions[code], share=shares[code])
                                   for code in regions])
    return row


@transaction.atomic
def region_split_save(*, actor: User, year: int, region_code: str, decided_on: dt.date, reference: str, text: str,
                      shares: Mapping[int, Decimal], expected_version: int) -> RegionSplit:
    """Record the steering group's decision how the region's share is split over its houses: a share (percent,
    two decimals, 0 or more) for each of the region's houses, together exactly 100 %."""
    check_year(year)
    region = region_get(code=region_code)
    access.require_region(actor, region.pk, edit=True)
    row = RegionSplit.objects.select_for_update().filter(year=year, region=region).first()
    if expected_version != (row.version if row else 0):
        raise _conflict()
    errors: dict[str, list[str]] = {}
    _text(errors, "reference", reference, 200)
    _text(errors, "text", text, LONG_TEXT_MAX_LENGTH)
    if decided_on > timezone.localdate():
        errors["decided_on"] = [_("The date of the decision cannot lie in the future.")]
    houses = {h.pk: h for h in House.objects.filter(region=region)}
    for house_id in shares:
        if house_id not in houses:
            errors[f"shares.{house_id}"] = [_("This house is not in the region.")]
    for house_id in houses:
        share = shares.get(house_id)
        if share is None:
            errors[f"shares.{house_id}"] = [_("Give a share for every house of the region.")]
        elif share < 0 or share > HUNDRED or share.as_tuple().exponent < -2:  # type: ignore[operator]
            errors[f"shares.{house_id}"] = [_("Give a share from 0 to 100 percent, with at most two decimals.")]
    if not errors and sum(shares.values(), Decimal(0)) != HUNDRED:
        errors["shares"] = [_("The shares of the houses add up to %(sum)s %% instead of 100 %%.")
                            % {"sum": f"{sum(shares.values(), Decimal(0)):f}".replace(".", ",")}]
    if errors:
        raise ValidationError(errors)
    if row is None:
        row = RegionSplit(year=year, region=region, version=0)
    row.decided_on, row.reference, row.text = decided_on, reference.strip(), text.strip()
    _stamp(row, actor)
    row.save()
    HouseShare.objects.filter(split=row).delete()
    HouseShare.objects.bulk_create([HouseShare(split=row, house=houses[pk], share=shares[pk]) for pk in houses])
    return row


@transaction.atomic
def inhabitants_save(*, actor: User, municipality_code: str, year: int, count: int, source: str,
                     expected_version: int) -> Inhabitants:
    """Set a municipality's number of inhabitants of a year, with its source. Version 0 creates it."""
    access.require_funding(actor, edit=True)
    check_year(year)
    municipality = municipality_get(code=municipality_code)
    row = Inhabitants.objects.select_for_update().filter(municipality=municipality, year=year).first()
    if expected_version != (row.version if row else 0):
        raise _conflict()
    errors: dict[str, list[str]] = {}
    if not 1 <= count <= MAX_INHABITANTS:
        errors["count"] = [_("Give a number of inhabitants from 1 to %(max)s.") % {"max": f"{MAX_INHABITANTS:,}"
                                                                                    .replace(",", ".")}]
    _text(errors, "source", source)
    if errors:
        raise ValidationError(errors)
    if row is None:
        row = Inhabitants(municipality=municipality, year=year, version=0)
    row.count, row.source = count, source.strip()
    _stamp(row, actor)
    row.save()
    return row


def _cofinancing_errors(method: str, cents: int, agreement: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if method not in Method.values:
        errors["method"] = [_("Choose per inhabitant, per intake or a fixed amount.")]
    _cents(errors, "cents", cents)
    _text(errors, "agreement", agreement)
    return errors


@transaction.atomic
def cofinancing_create(*, actor: User, house_id: int, municipality_code: str, year: int, method: str, cents: int,
                       agreement: str) -> CoFinancing:
    """Record a municipality's co-financing of a house for a year: a rate in cents per inhabitant or per intake,
    or a fixed amount in cents, with the agreement it rests on."""
    access.require_house(actor, house_id, edit=True)
    house = house_get(house_id=house_id)
    municipality = Municipality.objects.filter(code=municipality_code).first()
    if municipality is None:
        raise ValidationError({"municipality_code": [_("There is no municipality with this code.")]})
    errors = _cofinancing_errors(method, cents, agreement)
    _year(errors, "year", year)
    if not errors and CoFinancing.objects.filter(house=house, municipality=municipality, year=year).exists():
        errors["municipality"] = [_("This municipality already has co-financing for this house and year; change "
                                    "that one.")]
    if errors:
        raise ValidationError(errors)
    row = CoFinancing(house=house, municipality=municipality, year=year, method=method, cents=cents,
                      agreement=agreement.strip(), version=0)
    _stamp(row, actor)
    row.save()
    return row


def _locked(model: type[R], pk: int, actor: User, expected_version: int | None) -> R:
    """A house's row under a row lock, for a change by one who may edit the house; 404 like missing for one
    who may not see it; a stale version is a conflict (None: not checked)."""
    row = model.objects.select_for_update().filter(pk=pk).first()
    if row is None:
        raise Http404
    access.require_house(actor, row.house_id, edit=True)
    if expected_version is not None and expected_version != row.version:
        raise _conflict()
    return row


@transaction.atomic
def cofinancing_update(*, actor: User, cofinancing_id: int, method: str, cents: int, agreement: str,
                       expected_version: int) -> CoFinancing:
    row = _locked(CoFinancing, cofinancing_id, actor, expected_version)
    errors = _cofinancing_errors(method, cents, agreement)
    if errors:
        raise ValidationError(errors)
    row.method, row.cents, row.agreement = method, cents, agreement.strip()
    _stamp(row, actor)
    row.save()
    return row


@transaction.atomic
def cofinancing_delete(*, actor: User, cofinancing_id: int, expected_version: int | None) -> None:
    _locked(CoFinancing, cofinancing_id, actor, expected_version).delete()


def _in_kind_errors(hours: Decimal, hourly_rate_cents: int, note: str) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if hours < 0 or hours > MAX_HOURS or hours.as_tuple().exponent < -1:  # type: ignore[operator]
        errors["hours"] = [_("Give a number of hours from 0 to 100.000, with at most one decimal.")]
    if not 1 <= hourly_rate_cents <= MAX_RATE_CENTS:
        errors["hourly_rate_cents"] = [_("Give an hourly rate of more than € 0 and at most € 1.000.")]
    if len(note) > SHORT_TEXT_MAX_LENGTH:
        errors["note"] = [_("Use at most %(limit)s characters.") % {"limit": SHORT_TEXT_MAX_LENGTH}]
    return errors


@transaction.atomic
def in_kind_create(*, actor: User, house_id: int, organisation_id: int, year: int, hours: Decimal,
                   hourly_rate_cents: int, note: str = "") -> InKind:
    """Record a partner organisation's staff hours for a house in a year and the hourly rate that values them."""
    access.require_house(actor, house_id, edit=True)
    house = house_get(house_id=house_id)
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None or not Partnership.objects.filter(house=house, organisation=organisation).exists():
        raise ValidationError({"organisation": [_("Choose a partner organisation of the house.")]})
    errors = _in_kind_errors(hours, hourly_rate_cents, note)
    _year(errors, "year", year)
    if not errors and InKind.objects.filter(house=house, organisation=organisation, year=year).exists():
        errors["organisation"] = [_("This organisation already has hours for this house and year; change those.")]
    if errors:
        raise ValidationError(errors)
    row = InKind(house=house, organisation=organisation, year=year, hours=hours, hourly_rate_cents=hourly_rate_cents,
                 note=note.strip(), version=0)
    _stamp(row, actor)
    row.save()
    return row


@transaction.atomic
def in_kind_update(*, actor: User, in_kind_id: int, hours: Decimal, hourly_rate_cents: int, note: str,
                   expected_version: int) -> InKind:
    row = _locked(InKind, in_kind_id, actor, expected_version)
    errors = _in_kind_errors(hours, hourly_rate_cents, note)
    if errors:
        raise ValidationError(errors)
    row.hours, row.hourly_rate_cents, row.note = hours, hourly_rate_cents, note.strip()
    _stamp(row, actor)
    row.save()
    return row


@transaction.atomic
def in_kind_delete(*, actor: User, in_kind_id: int, expected_version: int | None) -> None:
    _locked(InKind, in_kind_id, actor, expected_version).delete()
