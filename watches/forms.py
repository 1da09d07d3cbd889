"""Forms of the watch pages: what a "Watch" button posts, and the delivery preferences."""

from __future__ import annotations

from django import forms

from articles.models import Outlet
from claims.models import Claim, Proposition, Speaker
from watches.models import AlertPreference, Watch


class WatchForm(forms.Form):
    """A watch button's post. Field names are the claims page's filter names, so a saved search
    takes the page's own query string (q, speaker, outlet, cue_class, type, polarity, dates)."""

    kind = forms.ChoiceField(choices=Watch.Kind.choices)
    speaker = forms.ModelChoiceField(Speaker.objects.all(), required=False)
    dispute = forms.ModelChoiceField(Proposition.objects.all(), required=False)
    claim = forms.ModelChoiceField(Claim.objects.all(), required=False)
    q = forms.CharField(max_length=500, required=False)
    outlet = forms.ModelChoiceField(Outlet.objects.all(), required=False)
    cue_class = forms.ChoiceField(choices=[("", "Any"), *Claim.CueClass.choices], required=False)
    type = forms.ChoiceField(choices=[("", "Any"), *Claim.Type.choices], required=False)
    polarity = forms.ChoiceField(choices=[("", "Any"), *Claim.Polarity.choices], required=False)
    date_from = forms.DateField(required=False)
    date_to = forms.DateField(required=False)

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["query"], data["claim_type"] = data.pop("q"), data.pop("type")
        return data


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = AlertPreference
        fields = ["email"]
        labels = {"email": "E-mail me alerts"}


class WebhookForm(forms.Form):
    url = forms.URLField(max_length=2000, label="Webhook URL", assume_scheme="https")
