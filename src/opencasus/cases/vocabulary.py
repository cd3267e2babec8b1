"""Fixed vocabularies of the national core (kept comparable between houses)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    PERSON = "person", _("Person")
    SYSTEM = "system", _("System (household)")
    AREA = "area", _("Area or theme")


class Route(models.TextChoices):
    ZSM = "zsm", _("ZSM selection table")
    CRIMINAL_TRACK = "criminal_track", _("Running criminal track")
    CARE_TRACK = "care_track", _("Running care track")
    NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("Municipality / neighbourhood team")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    AFTERCARE = "aftercare", _("After-care of ex-detainees")
    TOP_X = "top_x", _("Top X list")
    PREVENTION = "prevention", _("Prevention")
    OTHER = "other", _("Other")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    CRISIS = "crisis", _("Crisis (same week)")


class Relation(models.TextChoices):
    SUBJECT = "subject", _("Subject of the case")
    PARENT = "parent", _("Parent")
    PARTNER = "partner", _("Partner")
    CHILD = "child", _("Child")
    SIBLING = "sibling", _("Brother or sister")
    OTHER_FAMILY = "other_family", _("Other family member")
    HOUSEHOLD_MEMBER = "household_member", _("Other household member")
    GROUP_MEMBER = "group_member", _("Group member")


class LifeDomain(models.TextChoices):
    """The 12 life domains with criminogenic factors (Landelijk kader, footnote 12)."""

    OFFENCE_HISTORY = "offence_history", _("Offence history")
    CURRENT_OFFENCE = "current_offence", _("Current offence and offence pattern")
    HOUSING = "housing", _("Housing")
    EDUCATION_WORK = "education_work", _("Education, work and learning")
    INCOME_MONEY = "income_money", _("Income and handling money")
    FAMILY_RELATIONS = "family_relations", _("Relations with partner, family and relatives")
    FRIENDS = "friends", _("Relations with friends and acquaintances")
    DRUGS = "drugs", _("Drug use")
    ALCOHOL = "alcohol", _("Alcohol use")
    EMOTIONAL_WELLBEING = "emotional_wellbeing", _("Emotional well-being")
    THINKING_BEHAVIOUR = "thinking_behaviour", _("Thinking patterns, behaviour and skills")
    ATTITUDE = "attitude", _("Attitude")


class SharingScope(models.TextChoices):
    TRIAGE_TABLE = "triage_table", _("Triage table only")
    ALL_PARTICIPANTS = "all_participants", _("All participants")
    NAMED_ORGANISATIONS = "named_organisations", _("Named organisations")


class PeopleInformed(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
