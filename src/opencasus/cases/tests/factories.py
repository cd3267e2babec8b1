from __future__ import annotations

import datetime as dt

from factory.declarations import LazyAttribute, LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory
from factory.faker import Faker

from opencasus.cases.models import Case, Participant, Person
from opencasus.cases.names import name_key
from opencasus.cases.vocabulary import PeopleInformed, Relation, Route, SubjectType
from opencasus.cases.workflow import Status
from opencasus.core.identifiers import encrypt_identifier, identifier_hash
from opencasus.network.models import Municipality
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, UserFactory


class CaseFactory(DjangoModelFactory[Case]):
    class Meta:
        model = Case

    house = SubFactory(HouseFactory)
    reference = Sequence(lambda n: f"T-{n:06d}")
    subject_type = SubjectType.PERSON
    status = Status.SUBMITTED
    filed_by = SubFactory(UserFactory)
    filed_by_organisation = SubFactory(OrganisationFactory)
    reason = "Zorgen over escalerend gedrag en overlast in de wijk."
    requested_purpose = "Gezamenlijke aanpak van zorg en straf."
    route = Route.CRIMINAL_TRACK
    municipality = LazyFunction(lambda: Municipality.objects.get(code="GM0505"))
    people_informed = PeopleInformed.YES


class PersonFactory(DjangoModelFactory[Person]):
    class Meta:
        model = Person

    case = SubFactory(CaseFactory)
    relation = Relation.SUBJECT
    first_name = Faker("first_name", locale="nl_NL")
    last_name = Faker("last_name", locale="nl_NL")
    date_of_birth = dt.date(1990, 5, 17)
    name_key = LazyAttribute(lambda o: name_key(o.first_name, o.last_name))

    class Params:
        bsn = None

    bsn_encrypted = LazyAttribute(lambda o: encrypt_identifier(o.bsn) if o.bsn else "")
    bsn_hash = LazyAttribute(lambda o: identifier_hash(o.bsn) if o.bsn else "")


class ParticipantFactory(DjangoModelFactory[Participant]):
    class Meta:
        model = Participant

    case = SubFactory(CaseFactory, status=Status.ADMITTED)
    organisation = SubFactory(OrganisationFactory)
    user = None
