from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from opencasus.core.forms import Form
from opencasus.zsm.models import MAX_ADVICE_LENGTH


class AdviceForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    text = forms.CharField(
        label=_("Advice for the ZSM disposal"), max_length=MAX_ADVICE_LENGTH,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 5}),
        help_text=_("A short advice that the ZSM table (public prosecutor) receives when it asks whether this "
                    "person is known, with the house's contact. Nothing else of the case is shared."))


class WithdrawForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
