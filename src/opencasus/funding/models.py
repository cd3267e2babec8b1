"""The funding register: the national contribution and its key, the regions' splits over their houses, the
municipalities' co-financing and the partners' contribution in kind. Money is whole cents (integers), shares
are decimals: never floats. No personal data and no case content."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opencasus.network.models import House, Municipality, Organisation, Region


class Audited(models.Model):
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class FundingYear(Audited):
    """The national contribution of one year and the key that splits it over the 25 seat municipalities."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    amount_cents = models.BigIntegerField(_("national contribution (cents)"))
    amount_source = models.CharField(_("source of the amount"), max_length=1000)
    key_source = models.CharField(_("source of the key"), max_length=1000)
    key_year = models.PositiveSmallIntegerField(_("year of the key's data"))
    example_key = models.BooleanField(_("example key (not the official key)"), default=False)

    class Meta:
        verbose_name = _("funding year")
        verbose_name_plural = _("funding years")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)


class RegionKey(models.Model):
    """A region's share of the national contribution in one year, in percent (four decimals)."""

    funding_year = models.ForeignKey(FundingYear, verbose_name=_("funding year"), on_delete=models.CASCADE,
                                     related_name="keys")
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+")
    share = models.DecimalField(_("share (percent)"), max_digits=7, decimal_places=4)

    class Meta:
        verbose_name = _("region key")
        verbose_name_plural = _("region keys")
        constraints = [
            models.UniqueConstraint(fields=["funding_year", "region"], name="funding_key_one_per_region"),
            models.CheckConstraint(condition=models.Q(share__gt=0), name="funding_key_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.region_id}: {self.share}"


class RegionSplit(Audited):
    """The regional steering group's decision how a region's share is split over its houses in one year."""

    year = models.PositiveSmallIntegerField(_("year"))
    region = models.ForeignKey(Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("decided on"))
    reference = models.CharField(_("reference of the decision"), max_length=200)
    text = models.TextField(_("decision"), max_length=10_000)

    class Meta:
        verbose_name = _("region split")
        verbose_name_plural = _("region splits")
        constraints = [models.UniqueConstraint(fields=["year", "region"], name="funding_split_one_per_year")]

    def __str__(self) -> str:
        return f"{self.region_id} {self.year}"


class HouseShare(models.Model):
    split = models.ForeignKey(RegionSplit, verbose_name=_("region split"), on_delete=models.CASCADE,
                              related_name="shares")
    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.PROTECT, related_name="+")
    share = models.DecimalField(_("share (percent)"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("house share")
        verbose_name_plural = _("house shares")
        constraints = [
            models.UniqueConstraint(fields=["split", "house"], name="funding_share_one_per_house"),
            models.CheckConstraint(condition=models.Q(share__gte=0), name="funding_share_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.house_id}: {self.share}"


class Inhabitants(Audited):
    """A municipality's number of inhabitants in one year, with its source (for co-financing per inhabitant)."""

    municipality = models.ForeignKey(Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT,
                                     related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    count = models.PositiveIntegerField(_("inhabitants"))
    source = models.CharField(_("source"), max_length=1000)

    class Meta:
        verbose_name = _("number of inhabitants")
        verbose_name_plural = _("numbers of inhabitants")
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="funding_inhabitants_once")]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.year}: {self.count}"


class Method(models.TextChoices):
    PER_INHABITANT = "per_inhabitant", _("per inhabitant")
    PER_CASE = "per_case", _("per intake")
    FIXED = "fixed", _("fixed amount")


class CoFinancing(Audited):
    """What a municipality contributes to a house in one year, by the agreed key."""

    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey(Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT,
                                     related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    method = models.CharField(_("key"), max_length=20, choices=Method.choices)
    # Per inhabitant or per intake: the rate; fixed: the amount. Cents either way.
    cents = models.BigIntegerField(_("rate or amount (cents)"))
    agreement = models.CharField(_("agreement"), max_length=1000)

    class Meta:
        verbose_name = _("co-financing")
        verbose_name_plural = _("co-financing")
        constraints = [
            models.UniqueConstraint(fields=["house", "municipality", "year"], name="funding_cofinancing_once"),
            models.CheckConstraint(condition=models.Q(cents__gte=0), name="funding_cofinancing_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} → {self.house_id} {self.year}"


class InKind(Audited):
    """A partner organisation's staff hours for a house in one year, valued at an hourly rate."""

    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
                                     related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    hours = models.DecimalField(_("staff hours"), max_digits=8, decimal_places=1)
    hourly_rate_cents = models.PositiveIntegerField(_("hourly rate (cents)"))
    note = models.CharField(_("note"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("contribution in kind")
        verbose_name_plural = _("contributions in kind")
        constraints = [
            models.UniqueConstraint(fields=["house", "organisation", "year"], name="funding_inkind_once"),
            models.CheckConstraint(condition=models.Q(hours__gte=0), name="funding_inkind_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.house_id} {self.year}"
