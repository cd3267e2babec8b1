from django.urls import path, register_converter

from opencasus.funding import views

app_name = "funding"


class KindConverter:
    regex = "huizen|gemeenten|regios"
    kinds = {"huizen": "house", "gemeenten": "municipality", "regios": "region"}

    def to_python(self, value: str) -> str:
        return self.kinds[value]

    def to_url(self, value: str) -> str:
        return {v: k for k, v in self.kinds.items()}[value]


class FormatConverter:
    regex = "csv|xlsx|pdf"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(KindConverter, "fundingkind")
register_converter(FormatConverter, "fundingformat")

urlpatterns = [
    path("financiering/", views.index, name="index"),
    path("financiering/<int:year>", views.year, name="year"),
    path("financiering/<int:year>/bewerken", views.year_edit, name="year-edit"),
    path("financiering/<int:year>/inwoners", views.inhabitants, name="inhabitants"),
    path("financiering/<int:year>/verdeling/<str:code>", views.region_split, name="region-split"),
    path("financiering/<int:year>/huis/<int:house_id>", views.house, name="house"),
    path("financiering/cofinanciering/<int:cofinancing_id>", views.cofinancing_edit, name="cofinancing"),
    path("financiering/inzet/<int:in_kind_id>", views.in_kind_edit, name="in-kind"),
    path("financiering/<int:year>/jaarverslag/<fundingkind:kind>/<str:key>.<fundingformat:fmt>",
         views.annual_report_export, name="report-export"),
    path("financiering/<int:year>/jaarverslag/<fundingkind:kind>/<str:key>", views.annual_report,
         name="report"),
]
