"""The proposal form: lists are typed one item per line, parts separated by "|"."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tsc_hub.core.languages import NATIVE_NAMES, UN_LANGUAGES
from tsc_hub.proposals.models import Proposal
from tsc_hub.proposals.services import ProposalData

LISTS: dict[str, tuple[str, ...]] = {
    "partners": ("name", "country", "role"),
    "activities": ("title", "milestone"),
    "indicators": ("name", "target"),
    "budget": ("item", "amount", "currency"),
}


def _lines(rows: list[dict[str, str]], keys: tuple[str, ...]) -> str:
    return "\n".join(" | ".join(str(row.get(key, "")) for key in keys) for row in rows)


def _rows(text: str, keys: tuple[str, ...]) -> list[dict[str, str]]:
    rows = []
    for line in text.splitlines():
        if line.strip():
            parts = [part.strip() for part in line.split("|")] + [""] * len(keys)
            rows.append(dict(zip(keys, parts, strict=False)))
    return rows


class ProposalForm(forms.Form):
    """Every part of a proposal."""

    language = forms.ChoiceField(label=_("Language"), choices=[(c, NATIVE_NAMES[c]) for c in UN_LANGUAGES])
    title = forms.CharField(label=_("Title"), max_length=300)
    problem = forms.CharField(label=_("The problem to solve"), widget=forms.Textarea(attrs={"rows": 4}))
    objectives = forms.CharField(
        label=_("Objectives"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    partners = forms.CharField(
        label=_("Partners (name | country | role), one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    activities = forms.CharField(
        label=_("Activities (title | milestone date YYYY-MM-DD), one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    indicators = forms.CharField(
        label=_("Indicators (name | target), one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    budget = forms.CharField(
        label=_("Budget (item | amount | currency), one per line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @staticmethod
    def initial_from(proposal: Proposal) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(proposal, name) for name in ("language", "title", "problem", "objectives")
        }
        for name, keys in LISTS.items():
            initial[name] = _lines(getattr(proposal, name), keys)
        return initial

    def to_data(self) -> ProposalData:
        data = self.cleaned_data
        lists = {name: _rows(data.get(name, ""), keys) for name, keys in LISTS.items()}
        return ProposalData(
            language=data["language"],
            title=data["title"],
            problem=data["problem"],
            objectives=data.get("objectives", ""),
            **lists,
        )
