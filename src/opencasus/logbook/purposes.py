"""The fixed purposes of processing-log records, defined once.

A record's purpose is kept as text in the log and read back by the data protection officer and in
subject access requests, so it must not depend on the language of whoever caused the record: these
are fixed (Dutch) texts, never translated at the call. Work on one case logs the case's own purpose
(`case.purpose`, before admission `case.requested_purpose`) instead. A purpose with `{fmt}` names the
format of an export: `EXPORT.format(fmt="csv")`.
"""

from __future__ import annotations

from typing import Final

# Cases and notifications (activity "intake")
CASE_SEARCH: Final = "Casus zoeken"
MY_CASES: Final = "Overzicht van mijn casussen"
HIT_CHECK_BY_OTHER_HOUSE: Final = "Hitcheck door een ander Veiligheidshuis"
MY_NOTIFICATIONS: Final = "Overzicht van mijn meldingen"

# Plans of action (activity "action-plan")
START_PAGE_DEADLINES: Final = "Startpagina: verlopen of naderende termijnen"
ESCALATION_LIST: Final = "Overzicht opschalingen (metadata)"
ESCALATION_LIST_API: Final = "Overzicht opschalingen"
ESCALATION: Final = "Opschaling (metadata)"
NATIONAL_ESCALATION_LIST: Final = "Landelijke opschalingen: overzicht"
NATIONAL_ESCALATION_LIST_API: Final = "Landelijke opschalingen: overzicht (API)"
NATIONAL_ESCALATION: Final = "Landelijke opschaling"

# Case conferences (activity "case-conference")
MEETING_LIST: Final = "Overzicht casusoverleggen"
MEETING_PLANNING: Final = "Plannen van een casusoverleg"
MEETING_ATTENDANCE: Final = "Aanwezigheid bij een casusoverleg"

# The ZSM table asks whether a person is known (activity "intake")
ZSM_QUERY: Final = "Vraag van de ZSM-tafel (OM): is deze persoon bekend?"
ZSM_ADVICE_GIVEN: Final = "ZSM-advies verstrekt aan de ZSM-tafel (OM)"

# The hit check across installations (activity "intake")
HIT_CHECK_BY_PEER: Final = "Hitcheck door een andere installatie (gepseudonimiseerd)"

# Network (activity "network")
NETWORK_OVERVIEW: Final = "Netwerkoverzicht van het huis"

# Management information (activity "management-information")
DASHBOARD: Final = "Managementinformatie: dashboard"
DASHBOARD_API: Final = "Managementinformatie: dashboard (API)"
DASHBOARD_EXPORT: Final = "Managementinformatie: export ({fmt})"
NATIONAL_DASHBOARD: Final = "Landelijke managementinformatie per regio"
NATIONAL_DASHBOARD_API: Final = "Landelijke managementinformatie per regio (API)"
NATIONAL_DASHBOARD_EXPORT: Final = "Landelijke managementinformatie per regio: export ({fmt})"
START_PAGE_FIGURES: Final = "Managementinformatie: kerncijfers op de startpagina"
ANNUAL_REPORT: Final = "Managementinformatie: gemeentelijk jaarverslag"
ANNUAL_REPORT_EXPORT: Final = "Managementinformatie: gemeentelijk jaarverslag ({fmt})"
ANNUAL_REPORT_API: Final = "Managementinformatie: gemeentelijk jaarverslag ({fmt}, API)"
RECIDIVISM: Final = "Managementinformatie: recidivemeting"
RECIDIVISM_API: Final = "Managementinformatie: recidivemeting (API)"
RECIDIVISM_IMPORT: Final = "Recidivemeting: politiegegevens voor en na het plan van aanpak"
RECIDIVISM_IMPORT_PROGRESS: Final = "Recidivemeting: voortgang import"
RECIDIVISM_IMPORT_PROGRESS_API: Final = "Recidivemeting: voortgang import (API)"
RECIDIVISM_KEY_LIST: Final = "Recidivemeting: sleutellijst van pseudoniemen naar de politie"
RECIDIVISM_KEY_LIST_API: Final = "Recidivemeting: sleutellijst van pseudoniemen naar de politie (API)"
RECIDIVISM_KEY_LIST_HISTORY: Final = "Recidivemeting: eerdere exports van de sleutellijst"
TRENDS: Final = "Managementinformatie: trendsignalen"
TRENDS_API: Final = "Managementinformatie: trendsignalen (API)"
ADVICE_LIST: Final = "Managementinformatie: adviezen aan het lokaal bestuur"
ADVICE_LIST_API: Final = "Managementinformatie: adviezen (API)"
ADVICE: Final = "Advies aan het lokaal bestuur"
ADVICE_FORM: Final = "Advies aan het lokaal bestuur: formulier"
MONTHLY_SUMMARY: Final = "Maandoverzicht managementinformatie"
DEMO_HISTORIC_CASE: Final = "Demogegevens: historische casus"

# Privacy (activity "privacy")
PRIVACY_SUPERVISION: Final = "Toezicht op de verwerking en afhandeling van verzoeken van betrokkenen"
RETENTION_DELETION: Final = "Verwijderen van gegevens na afloop van de bewaartermijn"

# Follow-through (activities "triage" and "action-plan")
FOLLOW_UP_LIST: Final = "Overzicht opvolging"
CLOSURE_FEEDBACK: Final = "Terugkoppeling bij afsluiting"
ANONYMOUS_CONSULTATION: Final = "Anonieme adviesvraag"

# Caseload (activity "triage")
WORKLOAD: Final = "Werklast per procesregisseur"

# The triage table with its partners (activity "triage")
TRIAGE_TABLE: Final = "Weegoverleg: beoordelen van aanmeldingen aan tafel"

# After-care of ex-detainees (activities "intake", "action-plan", "management-information")
AFTERCARE_RELEASES: Final = "Nazorg ex-gedetineerden: verwachte vrijlatingen"
AFTERCARE_IMPORT: Final = "Nazorg ex-gedetineerden: import verwachte vrijlatingen (DJI/DPAN)"
AFTERCARE_DEADLINES: Final = "Nazorg ex-gedetineerden: overzicht termijnen"
AFTERCARE_FIGURES: Final = "Managementinformatie: nazorg ex-gedetineerden"

# The Top X approach (activities "triage" and "action-plan")
TOP_X: Final = "Top X-aanpak: voordragen, wegen, opnemen en herbeoordelen van personen op een Top X-lijst"
TOP_X_LIST: Final = "Overzicht Top X-lijst"
TOP_X_IMPORT: Final = "Top X-aanpak: inlezen van de voordrachtlijst van de politie"

# Transfers between houses (activity "intake" in the receiving house)
TRANSFER: Final = "Overdracht van een casus aan een ander Veiligheidshuis"
TRANSFER_LIST: Final = "Overzicht overdrachten tussen Veiligheidshuizen"

WEBHOOKS: Final = "Koppelingen met systemen van partners beheren (webhooks)"

# Steering (activity "action-plan"): escalations discussed in a tactical or strategic meeting
GOVERNANCE_ESCALATIONS: Final = "Opschalingen besproken in een tactisch of strategisch overleg (metadata)"
# The regie scan of the municipalities (activity "management-information"; no data subject)
REGIESCAN: Final = "Regiescan gemeente: invullen en indienen"
REGIESCAN_CONFIGURATION: Final = "Regiescan: vragenlijst van het huis"
