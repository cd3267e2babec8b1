"""The question of a peer installation: signed, rate-limited, answered with hits and contacts only."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.access import peers as access
from opencasus.core.api.problems import problem_response
from opencasus.core.api.serializers import Serializer
from opencasus.peers import selectors, signing


def _pseudonym() -> serializers.RegexField:
    return serializers.RegexField(r"^[0-9a-f]{64}$", max_length=64)


class PeerQuestionSerializer(Serializer[Any]):
    bsn_pseudonyms = serializers.ListField(child=_pseudonym(), max_length=selectors.MAX_PSEUDONYMS, required=False,
                                           default=list, help_text="HMAC-SHA256 of the BSN under the shared key.")
    name_dob_pseudonyms = serializers.ListField(
        child=_pseudonym(), max_length=selectors.MAX_PSEUDONYMS, required=False, default=list,
        help_text="HMAC-SHA256 of the normalised name and date of birth under the shared key.")


class PeerContactSerializer(Serializer[Any]):
    email = serializers.CharField()
    names = serializers.ListField(child=serializers.CharField())


class PeerHitSerializer(Serializer[Any]):
    house_name = serializers.CharField()
    where = serializers.ChoiceField(choices=["intake", "in_triage", "running_case"])
    contact = PeerContactSerializer()


class PeerAnswerSerializer(Serializer[Any]):
    hits = PeerHitSerializer(many=True)


HEADERS = [OpenApiParameter(name, OpenApiTypes.STR, OpenApiParameter.HEADER, required=True, description=text)
           for name, text in [(signing.PEER_HEADER, "The asking installation's name."),
                              (signing.TIMESTAMP_HEADER, "Unix time of the request (at most 5 minutes off)."),
                              (signing.SIGNATURE_HEADER, "Hex HMAC-SHA256 of `<timestamp>.<body>` under the pair's "
                                                         "secret.")]]


class PeerHitCheckView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [permissions.AllowAny]

    @extend_schema(summary="Is this person known here? (a peer installation, by keyed pseudonyms only)",
                   tags=["peers"], auth=[], parameters=HEADERS, request=PeerQuestionSerializer,
                   responses={200: PeerAnswerSerializer, 403: OpenApiResponse(description="Not a known peer"),
                              429: OpenApiResponse(description="Too many questions")})
    def post(self, request: Request) -> Response:
        try:
            peer = access.asking_peer(name=request.headers.get(signing.PEER_HEADER, ""),
                                      timestamp=request.headers.get(signing.TIMESTAMP_HEADER, ""),
                                      given=request.headers.get(signing.SIGNATURE_HEADER, ""), body=request.body)
        except access.RateLimitedError:
            return problem_response(429, _("Too many questions from this installation. Try again later."),
                                    code="throttled")
        incoming = PeerQuestionSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        hits = selectors.peer_hit_lookup(peer=peer, bsn=incoming.validated_data["bsn_pseudonyms"],
                                         name_dob=incoming.validated_data["name_dob_pseudonyms"])
        return Response({"hits": hits})
