"""The cases API: file intakes, my cases, a case per access level, information items, attachments, hits.

Views are thin: reads through `cases.selectors` (access policy, logging), writes through
`cases.services`. A case the caller may not see answers 404, exactly like a missing one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import FileResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from opencasus.access import intake as intake_access
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.cases import selectors, services
from opencasus.cases.api.serializers import (
    AttachmentSerializer,
    CaseDetailSerializer,
    CaseListSerializer,
    CaseSearchResultSerializer,
    CaseSearchSerializer,
    HitSerializer,
    InformationItemSerializer,
    IntakeCreateSerializer,
)
from opencasus.cases.filters import CaseFilter
from opencasus.cases.models import Case
from opencasus.cases.search import SearchCriteria, case_search
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.parsers import MultiPartParser
from opencasus.meetings.crisis import case_deadlines as crisis_deadlines_of
from opencasus.network import selectors as network_selectors
from opencasus.network.models import House, Organisation

if TYPE_CHECKING:
    from opencasus.accounts.models import User

CASE_ID = OpenApiParameter("caseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The case.")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _api_key(key: str) -> str:
    """ "persons.0.first_name" → "persons.0.firstName" (the form DRF uses for nested input too)."""
    return ".".join(_camel(p) for p in key.split("."))


def validation_error(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        return exceptions.ValidationError({_api_key(k): v for k, v in exc.message_dict.items()})
    return exceptions.ValidationError({"nonFieldErrors": exc.messages})


def _filing_organisation(actor: User, house: House, organisation_id: int | None) -> Organisation:
    if organisation_id is None:
        ids = intake_access.filing_organisation_ids(actor, house.pk)
        if len(ids) != 1:
            raise exceptions.ValidationError({"organisationId": ["Kies de organisatie waarvoor u aanmeldt."]})
        organisation_id = ids.pop()
    organisation = network_selectors.organisation_find(organisation_id)
    if organisation is None:
        raise exceptions.ValidationError({"organisationId": [_("This organisation does not exist.")]})
    return organisation


@extend_schema_view(
    list=extend_schema(
        summary="My cases: newest activity first", tags=["cases"]),
    retrieve=extend_schema(summary="One case, as far as the caller may see it", tags=["cases"],
                           responses=CaseDetailSerializer),
    create=extend_schema(summary="File an intake (aanmelding)", tags=["cases"], request=IntakeCreateSerializer,
                         responses={201: CaseDetailSerializer}),
)
class CaseViewSet(viewsets.GenericViewSet[Case]):
    request: AuthenticatedRequest
    lookup_value_regex = "[0-9]+"
    serializer_class = CaseListSerializer
    filter_backends = [FilterBackend]
    filterset_class = CaseFilter
    queryset = Case.objects.none()  # names the model for the OpenAPI document; the selector reads

    def get_queryset(self) -> Any:
        values = filter_values(CaseFilter, self.request.query_params)
        return selectors.case_list(actor=self.request.user, status=values["status"] or None,
                                   subject_type=values["subjectType"] or None, route=values["route"] or None,
                                   directing=bool(values["directedByMe"]))

    def list(self, request: AuthenticatedRequest) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None
        selectors.record_case_list_view(actor=request.user, cases=page)
        return self.get_paginated_response(CaseListSerializer(page, many=True).data)

    def retrieve(self, request: AuthenticatedRequest, pk: str) -> Response:
        view = selectors.case_detail(actor=request.user, case_id=int(pk))
        deadlines = crisis_deadlines_of([view.case]).get(view.case.pk, []) if view.is_core else []
        return Response(CaseDetailSerializer(view, context={"crisis_deadlines": deadlines}).data)

    def create(self, request: AuthenticatedRequest) -> Response:
        incoming = IntakeCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        house = network_selectors.house_find(d["house_id"])
        if house is None:
            raise exceptions.ValidationError({"houseId": [_("This Veiligheidshuis does not exist.")]})
        organisation = _filing_organisation(request.user, house, d.get("organisation_id"))
        municipality = network_selectors.municipality_find(code=d["municipality_code"])
        target_group = None
        if d.get("target_group_id") is not None:
            target_group = network_selectors.target_group_find(d["target_group_id"])
            if target_group is None:
                raise exceptions.ValidationError({"targetGroupId": [_("Choose a target group of this house.")]})
        partner_orgs = network_selectors.organisations_by_id(
            [p["organisation_id"] for p in d.get("involved_partners", []) if p.get("organisation_id")])
        try:
            case = services.intake_file(
                actor=request.user, organisation=organisation, house=house, subject_type=d["subject_type"],
                persons=[services.PersonData(
                    first_name=p["first_name"], last_name=p["last_name"], date_of_birth=p.get("date_of_birth"),
                    bsn=p.get("bsn", ""), address=p.get("address", ""), municipality=p.get("municipality"),
                    relation=p["relation"]) for p in d.get("persons", [])],
                reason=d["reason"], requested_purpose=d["requested_purpose"], route=d["route"],
                release_date=d.get("release_date"), target_group=target_group, urgency=d["urgency"],
                municipality=municipality, neighbourhood=d["neighbourhood"], area_description=d["area_description"],
                involved_partners=[services.PartnerData(
                    organisation=partner_orgs.get(p.get("organisation_id") or 0),
                    organisation_name=p.get("organisation_name", ""), contact=p.get("contact", ""))
                    for p in d.get("involved_partners", [])],
                running_trajectories=d["running_trajectories"], people_informed=d["people_informed"],
                not_informed_reason=d["not_informed_reason"])
        except DjangoValidationError as exc:
            raise validation_error(exc) from exc
        view = selectors.case_detail(actor=request.user, case_id=case.pk)
        return Response(CaseDetailSerializer(view).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Hits of the latest hit check (core staff only)", tags=["cases"],
                   responses=HitSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="hits", pagination_class=None)
    def hits(self, request: AuthenticatedRequest, pk: str) -> Response:
        return Response(HitSerializer(selectors.case_hits(actor=request.user, case_id=int(pk)), many=True).data)


class CaseChildViewSet(viewsets.GenericViewSet[Any]):
    lookup_value_regex = "[0-9]+"

    def _case_id(self) -> int:
        return int(self.kwargs["caseId"])


@extend_schema_view(
    list=extend_schema(summary="Information items of a case shared with the caller", tags=["cases"],
                       parameters=[CASE_ID]),
    create=extend_schema(summary="Add an information item (participants and core staff, admitted cases)",
                         tags=["cases"], parameters=[CASE_ID]),
)
class InformationItemViewSet(CaseChildViewSet):
    serializer_class = InformationItemSerializer
    pagination_class = None

    def list(self, request: AuthenticatedRequest, **kwargs: str) -> Response:
        items = selectors.information_item_list(actor=request.user, case_id=self._case_id())
        return Response(InformationItemSerializer(items, many=True).data)

    def create(self, request: AuthenticatedRequest, **kwargs: str) -> Response:
        incoming = InformationItemSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        try:
            item = services.information_item_add(
                actor=request.user, case_id=self._case_id(), organisation_id=d.get("organisation_id"),
                person_id=d.get("person_id"), life_domain=d["life_domain"], text=d["text"],
                sharing_scope=d["sharing_scope"], legal_basis=d["legal_basis"],
                shared_with_ids=d.get("shared_with_ids", []))
        except DjangoValidationError as exc:
            raise validation_error(exc) from exc
        return Response(InformationItemSerializer(item).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Attachments of a case visible to the caller", tags=["cases"], parameters=[CASE_ID]),
    create=extend_schema(summary="Upload an attachment (multipart)", tags=["cases"], parameters=[CASE_ID]),
)
class AttachmentViewSet(CaseChildViewSet):
    serializer_class = AttachmentSerializer
    pagination_class = None
    parser_classes = [MultiPartParser]

    def list(self, request: AuthenticatedRequest, **kwargs: str) -> Response:
        attachments = selectors.attachment_list(actor=request.user, case_id=self._case_id())
        return Response(AttachmentSerializer(attachments, many=True).data)

    def create(self, request: AuthenticatedRequest, **kwargs: str) -> Response:
        incoming = AttachmentSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        try:
            attachment = services.attachment_add(
                actor=request.user, case_id=self._case_id(), upload=d["file"], description=d.get("description", ""),
                sharing_scope=d["sharing_scope"])
        except DjangoValidationError as exc:
            if not hasattr(exc, "error_dict"):
                raise exceptions.ValidationError({"file": exc.messages}) from exc
            raise validation_error(exc) from exc
        return Response(AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)

    @extend_schema(summary="Download an attachment", tags=["cases"], parameters=[
        CASE_ID, OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The attachment.")],
                   responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY)})
    @action(detail=True, methods=["get"], url_path="content")
    def content(self, request: AuthenticatedRequest, pk: str, **kwargs: str) -> FileResponse:
        attachment = selectors.attachment_get(actor=request.user, case_id=self._case_id(), attachment_id=int(pk))
        response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.filename,
                                content_type=attachment.content_type)
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "no-store"
        return response


class CaseSearchViewSet(viewsets.GenericViewSet[Case]):
    """Search for a case. Posted, so that a BSN or a name never appears in an address or a server log."""

    serializer_class = CaseSearchSerializer
    pagination_class = None

    @extend_schema(summary="Search for a case the caller may find (every search is logged)", tags=["cases"],
                   request=CaseSearchSerializer, responses={200: CaseSearchResultSerializer(many=True)})
    def create(self, request: AuthenticatedRequest) -> Response:
        incoming = CaseSearchSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        d = incoming.validated_data
        municipality = d.get("municipality_code")
        criteria = SearchCriteria(reference=d.get("reference", ""), name=d.get("name", ""),
                                  date_of_birth=d.get("date_of_birth"), bsn=d.get("bsn", ""),
                                  municipality_id=municipality.pk if municipality else None,
                                  status=d.get("status", ""))
        results = case_search(actor=request.user, criteria=criteria)
        return Response(CaseSearchResultSerializer(results, many=True).data)
