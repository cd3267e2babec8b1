"""The default register of processing activities a new house starts with (editable in the admin)."""

from __future__ import annotations

from opencasus.logbook.models import ActivityCode, ProcessingActivity

# Purposes and legal bases are descriptions for the register; retention values are EXAMPLES that
# each house must replace with what its covenant says (see the privacy lifecycle).
DEFAULT_ACTIVITIES: tuple[tuple[ActivityCode, str, str, str], ...] = (
    (ActivityCode.INTAKE, "Aanmelding en hitcheck",
     "Beoordelen of een casus in aanmerking komt voor het Veiligheidshuis en voorkomen van dubbele trajecten.",
     "AVG art. 6 lid 1 sub e; art. 10 AVG jo. Wjsg/Wpg; privacyconvenant van het huis"),
    (ActivityCode.TRIAGE, "Weegoverleg (triage)",
     "Toetsen van de casus aan de landelijke en lokale criteria en vaststellen van het doel.",
     "AVG art. 6 lid 1 sub e; privacyconvenant van het huis"),
    (ActivityCode.CASE_CONFERENCE, "Casusoverleg",
     "Gezamenlijk beeld, oordeel en besluit over de aanpak van de casus, binnen het vastgestelde doel.",
     "AVG art. 6 lid 1 sub e; privacyconvenant van het huis"),
    (ActivityCode.ACTION_PLAN, "Integraal plan van aanpak en monitoring",
     "Uitvoeren en volgen van de afspraken uit het plan van aanpak.",
     "AVG art. 6 lid 1 sub e; privacyconvenant van het huis"),
    (ActivityCode.PRIVACY, "Privacy: inzage, correctie en verwijdering",
     "Afhandelen van verzoeken van betrokkenen en toezicht door de FG.",
     "AVG art. 15-17, 38-39"),
    (ActivityCode.MANAGEMENT_INFORMATION, "Managementinformatie",
     "Geaggregeerde verantwoording en sturing; geen herleidbare personen.",
     "AVG art. 6 lid 1 sub e; art. 89 AVG"),
    (ActivityCode.NETWORK, "Netwerkbeheer",
     "Beheer van organisaties, convenanten en accounts van professionals.",
     "AVG art. 6 lid 1 sub e"),
)


def ensure_default_activities(*, house_id: int) -> None:
    for code, name, purpose, basis in DEFAULT_ACTIVITIES:
        ProcessingActivity.objects.get_or_create(
            house_id=house_id, code=str(code),
            defaults={"name": name, "purpose": purpose, "legal_basis": basis,
                      "retention": "Voorbeeldwaarde — vast te stellen in het convenant van het huis"},
        )
