"""Curation in the Django admin: claims, speakers, relations and disputes, with history.

Every change goes through ``claims.services.curation`` (so it is marked as a human decision
that machines honour) and is kept by django-simple-history with who, when and the old values.
Permissions come from the role groups: analysts see everything read-only, curators change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from claims.models import (
    Claim,
    Proposition,
    PropositionMember,
    QuoteFlag,
    Relation,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
)
from claims.naming import mention_name_key, normalize_speaker_name
from claims.services.curation import (
    CLAIM_EDITABLE_FIELDS,
    SPEAKER_CURATED_FIELDS,
    claim_edit,
    claim_move_to_dispute,
    claim_review,
    claim_review_check,
    proposition_create,
    proposition_rename,
    propositions_merge,
    relation_create,
    relation_review,
    speaker_alias_split,
    speaker_update,
    speakers_merge,
)
from claims.services.quote_drift import quote_flag_dismiss
from common.exceptions import ApplicationError

admin.site.site_header = "ClaimTrack curation"
admin.site.site_title = "ClaimTrack admin"
admin.site.index_title = "Curate claims, speakers, relations and disputes"


class CurationHistoryAdmin(SimpleHistoryAdmin):
    """History is visible to everyone who can view; reverting it needs change permission.

    simple-history only hides the Revert button from view-only users; a POST to the history
    form would still save, so it is refused here.
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Curators reject instead: a deleted machine row would come back on the next machine run.
        return request.user.is_superuser


def _admin_link(obj: Any, text: str | None = None) -> str:
    if obj is None:
        return "—"
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text if text is not None else str(obj))


def _run(request: HttpRequest, action: Callable[[], Any]) -> Any:
    """Run one curation service and return its result; a refusal becomes an error message."""
    try:
        return action()
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return None


def _adopt(obj: Any, saved: Any) -> None:
    """Point the admin's form object at the row a service saved, so the admin's reply is right."""
    if saved is not None:
        obj.pk = saved.pk
        obj.refresh_from_db()


def _merge_selected(modeladmin, request, queryset, *, service, noun: str, label: Callable[[Any], str]):
    """A confirmation page picks which selected row to keep; the others are merged into it."""
    rows = list(queryset)
    if len(rows) < 2:
        modeladmin.message_user(request, f"Select two or more {noun}s to merge.", messages.WARNING)
        return None
    target_id = request.POST.get("merge_target")
    if request.POST.get("post") == "yes" and target_id:
        target = next((row for row in rows if str(row.pk) == target_id), None)
        if target is None:
            modeladmin.message_user(request, f"Choose one of the selected {noun}s to keep.", messages.ERROR)
            return None
        merged = sum(
            _run(request, lambda s=source: service(source=s, target=target, user=request.user)) is not None
            for source in rows
            if source.pk != target.pk
        )
        modeladmin.message_user(request, f"Merged {merged} {noun}(s) into “{label(target)}”.", messages.SUCCESS)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": f"Merge {noun}s",
        "opts": modeladmin.model._meta,
        "rows": [(row, label(row)) for row in rows],
        "noun": noun,
        "action": request.POST.get("action"),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/claims/merge_confirmation.html", context)


# ---- claims ------------------------------------------------------------------------------


class ConfidenceFilter(admin.SimpleListFilter):
    title = "confidence"
    parameter_name = "confidence"
    BANDS = {"low": (0.0, 0.4), "medium": (0.4, 0.7), "high": (0.7, 1.01)}

    def lookups(self, request, model_admin):
        return [("low", "below 0.4"), ("medium", "0.4 to 0.7"), ("high", "0.7 and above")]

    def queryset(self, request, queryset):
        band = self.BANDS.get(self.value() or "")
        return queryset.filter(confidence__gte=band[0], confidence__lt=band[1]) if band else queryset


class SpeakerNameFilter(admin.SimpleListFilter):
    """A text box, not a list: there are too many speakers to list them all."""

    title = "speaker"
    parameter_name = "speaker_name"
    template = "admin/claims/input_filter.html"

    def lookups(self, request, model_admin):
        return [("", "")]

    def choices(self, changelist):
        others = [(k, v) for k, v in changelist.params.items() if k != self.parameter_name]
        yield {"query_parts": others, "value": self.value() or ""}

    def queryset(self, request, queryset):
        name = (self.value() or "").strip()
        if not name:
            return queryset
        speakers = Speaker.objects.filter(Q(name__icontains=name) | Q(aliases__name__icontains=name))
        return queryset.filter(speaker__in=speakers.values("pk"))


class ClaimAdminForm(forms.ModelForm):
    # Not stripped, so a revert restores the old text exactly (spaces at the ends included).
    content = forms.CharField(strip=False, widget=forms.Textarea(attrs={"rows": 4, "cols": 90}))

    class Meta:
        model = Claim
        fields = [*CLAIM_EDITABLE_FIELDS, "review_status"]

    def clean_content(self) -> str:
        # Browsers send CRLF: an untouched text, or one only padded with spaces, is no edit.
        content = self.cleaned_data["content"].replace("\r\n", "\n")
        if not content.strip():
            raise ValidationError("A claim's text cannot be empty.")
        stored = self._stored()
        return stored.content if content.strip() == stored.content.strip() else content

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        stored = self._stored()
        self.claim_changes = {
            name: data[name] for name in CLAIM_EDITABLE_FIELDS if name in data and getattr(stored, name) != data[name]
        }
        if "review_status" in data:
            try:  # the service's own rules, shown on the form before anything is saved
                claim_review_check(claim=stored, status=data["review_status"], changes=self.claim_changes)
            except ApplicationError as exc:
                raise ValidationError(exc.message) from exc
        return data

    def _stored(self) -> Claim:
        # The database row, not self.instance: on a history page the instance is an old version.
        if not hasattr(self, "_stored_claim"):
            self._stored_claim = Claim.objects.select_related("speaker").get(pk=self.instance.pk)
        return self._stored_claim


@admin.register(Claim)
class ClaimAdmin(CurationHistoryAdmin):
    form = ClaimAdminForm
    list_display = [
        "short_content",
        "speaker_link",
        "claim_type",
        "polarity",
        "confidence",
        "method",
        "outlet",
        "review_status",
        "reviewed_by",
        "reviewed_at",
    ]
    list_filter = [
        "review_status",
        "claim_type",
        "polarity",
        "cue_class",
        "method",
        ConfidenceFilter,
        SpeakerNameFilter,
        "speaker__kind",
        "article__outlet",
    ]
    list_select_related = ["speaker", "article__outlet", "reviewed_by"]
    search_fields = ["content", "speaker_mention", "speaker__name", "article__title"]
    search_help_text = "Words in the claim, the speaker as written or named, or the article title."
    autocomplete_fields = ["speaker"]
    actions = ["verify_selected", "reject_selected"]
    readonly_fields = [
        "source_sentence",
        "article_link",
        "dispute",
        "relations",
        "cue",
        "cue_lemma",
        "confidence",
        "method",
        "reviewed_by",
        "reviewed_at",
        "extractor_version",
        "content_start",
        "content_end",
        "speaker_start",
        "speaker_end",
        "entities",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["source_sentence", "content", "speaker", "speaker_mention"]}),
        ("What kind of claim", {"fields": ["claim_type", "cue", "cue_class", "polarity", "claim_date", "confidence", "method"]}),
        ("Review", {"fields": ["review_status", "reviewed_by", "reviewed_at"]}),
        ("Links", {"fields": ["article_link", "dispute", "relations"]}),
        (
            "Extraction details",
            {
                "classes": ["collapse"],
                "fields": [
                    "cue_lemma",
                    "extractor_version",
                    ("content_start", "content_end"),
                    ("speaker_start", "speaker_end"),
                    "entities",
                    ("created_at", "updated_at"),
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "speaker", "reviewed_by")

    def has_add_permission(self, request) -> bool:
        return False  # claims come from extraction

    @admin.display(description="claim", ordering="content")
    def short_content(self, claim: Claim) -> str:
        return claim.content if len(claim.content) <= 90 else claim.content[:89] + "…"

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_link(self, claim: Claim) -> str:
        return _admin_link(claim.speaker) if claim.speaker_id else claim.speaker_mention or "—"

    @admin.display(description="outlet", ordering="article__outlet__name")
    def outlet(self, claim: Claim) -> str:
        return str(claim.article.outlet or "—")

    @admin.display(description="source sentence")
    def source_sentence(self, claim: Claim) -> str:
        """The article's own words around the claim, the claim's span highlighted (all escaped)."""
        body = claim.article.body
        start, end = min(claim.sentence_start, claim.content_start), max(claim.sentence_end, claim.content_end)
        return format_html(
            '<div class="claim-source">{}<mark>{}</mark>{}</div>',
            body[start : claim.content_start],
            body[claim.content_start : claim.content_end],
            body[claim.content_end : end],
        )

    @admin.display(description="article")
    def article_link(self, claim: Claim) -> str:
        return _admin_link(claim.article)

    @admin.display(description="dispute")
    def dispute(self, claim: Claim) -> str:
        member = PropositionMember.objects.filter(claim=claim).select_related("proposition").first()
        if member is None:
            return "—"
        return format_html(
            "{} ({}, {}) · {}",
            _admin_link(member.proposition),
            member.get_side_display(),
            member.get_origin_display(),
            _admin_link(member, "move to another dispute or side"),
        )

    @admin.display(description="relations")
    def relations(self, claim: Claim) -> str:
        rows = Relation.objects.filter(Q(claim_a=claim) | Q(claim_b=claim)).select_related("claim_a", "claim_b")
        return (
            format_html_join(
                "",
                "<div>{} with {} ({})</div>",
                (
                    (
                        _admin_link(r, r.get_type_display()),
                        _admin_link(r.claim_b if r.claim_a_id == claim.pk else r.claim_a),
                        r.get_review_status_display(),
                    )
                    for r in rows
                ),
            )
            or "—"
        )

    def save_model(self, request, obj: Claim, form: ClaimAdminForm, change: bool) -> None:
        stored = form._stored()
        status = form.cleaned_data["review_status"]
        changes = form.claim_changes
        # Reverting from the history page restores the old version's review status as well;
        # on the edit page a correction makes the claim "edited" whatever the status box says.
        reverting = request.resolver_match.url_name.endswith("_simple_history")

        def apply() -> None:
            claim = claim_edit(claim=stored, user=request.user, changes=changes) if changes else stored
            if status != claim.review_status and (reverting or not changes):
                claim_review(claim=claim, user=request.user, status=status)

        _run(request, apply)
        obj.refresh_from_db()

    def _review_selected(self, request, queryset: QuerySet[Claim], status: str) -> int:
        done, refused = 0, Counter()
        for claim in queryset.exclude(review_status=status):
            try:
                claim_review(claim=claim, user=request.user, status=status)
                done += 1
            except ApplicationError as exc:  # e.g. an edited claim is not verified: one message per reason
                refused[exc.message] += 1
        for reason, count in refused.items():
            self.message_user(request, f"{count} claim(s) left as they were. {reason}", messages.WARNING)
        return done

    @admin.action(description="Verify selected claims", permissions=["change"])
    def verify_selected(self, request, queryset):
        self.message_user(request, f"Verified {self._review_selected(request, queryset, 'verified')} claim(s).")

    @admin.action(description="Reject selected claims", permissions=["change"])
    def reject_selected(self, request, queryset):
        self.message_user(request, f"Rejected {self._review_selected(request, queryset, 'rejected')} claim(s).")


# ---- speakers ----------------------------------------------------------------------------


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    fields = ["name", "split"]
    readonly_fields = ["name", "split"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="")
    def split(self, alias: SpeakerAlias) -> str:
        url = reverse("admin:claims_speaker_split_alias", args=[alias.speaker_id, alias.pk])
        return format_html('<a href="{}">Split out as its own speaker…</a>', url)


class SpeakerAdminForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = ["name", "kind", "role", "affiliation"]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not normalize_speaker_name(name):
            raise ValidationError("A speaker's name needs at least one letter or digit.")
        return name


@admin.register(Speaker)
class SpeakerAdmin(CurationHistoryAdmin):
    form = SpeakerAdminForm
    list_display = ["name", "kind", "role", "affiliation", "curated", "claim_count"]
    list_filter = ["kind", "curated"]
    search_fields = ["name", "aliases__name", "affiliation"]
    readonly_fields = ["curated", "normalized_name", "claims_link", "merges", "created_at", "updated_at"]
    fields = ["name", "kind", "role", "affiliation", "curated", "normalized_name", "claims_link", "merges"]
    inlines = [SpeakerAliasInline]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    def has_add_permission(self, request) -> bool:
        return False  # speakers come from extraction, a split, or a merge

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, speaker: Speaker) -> int:
        return speaker.claim_count

    @admin.display(description="claims")
    def claims_link(self, speaker: Speaker) -> str:
        url = reverse("admin:claims_claim_changelist") + f"?speaker__id__exact={speaker.pk}"
        return format_html('<a href="{}">{} claim(s)</a>', url, speaker.claims.count())

    @admin.display(description="merged into this speaker")
    def merges(self, speaker: Speaker) -> str:
        rows = speaker.merges.select_related("merged_by").order_by("created_at")
        return (
            format_html_join(
                "",
                "<div>{} ({}, by {})</div>",
                ((_admin_link(m, m.merged_name), m.created_at, m.merged_by) for m in rows),
            )
            or "—"
        )

    def save_model(self, request, obj: Speaker, form: SpeakerAdminForm, change: bool) -> None:
        stored = Speaker.objects.get(pk=obj.pk)
        editable = ("name", *SPEAKER_CURATED_FIELDS)
        data = form.cleaned_data
        changes = {name: data[name] for name in editable if name in data and getattr(stored, name) != data[name]}
        _run(request, lambda: speaker_update(speaker=stored, user=request.user, changes=changes))
        obj.refresh_from_db()

    @admin.action(description="Merge selected speakers into one…", permissions=["change"])
    def merge_selected(self, request, queryset):
        return _merge_selected(
            self,
            request,
            queryset,
            service=speakers_merge,
            noun="speaker",
            label=lambda s: f"{s.name} ({s.get_kind_display()}; {s.claims.count()} claims)",
        )

    def get_urls(self):
        split = self.admin_site.admin_view(self.split_alias_view)
        return [
            path("<int:speaker_id>/split-alias/<int:alias_id>/", split, name="claims_speaker_split_alias"),
            *super().get_urls(),
        ]

    def split_alias_view(self, request, speaker_id: int, alias_id: int):
        alias = get_object_or_404(SpeakerAlias.objects.select_related("speaker"), pk=alias_id, speaker_id=speaker_id)
        if not self.has_change_permission(request, alias.speaker):
            raise PermissionDenied
        if request.method == "POST":
            split = _run(request, lambda: speaker_alias_split(alias=alias, user=request.user))
            if split is not None:
                self.message_user(request, f"“{alias.name}” is now a speaker of its own.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:claims_speaker_change", args=[(split or alias.speaker).pk]))
        mention_key = alias.normalized_name
        moving = [c for c in alias.speaker.claims.all() if mention_name_key(c.speaker_mention) == mention_key]
        context = {
            **self.admin_site.each_context(request),
            "title": f"Split “{alias.name}” out of {alias.speaker.name}",
            "opts": self.model._meta,
            "alias": alias,
            "moving": moving,
        }
        return TemplateResponse(request, "admin/claims/speaker/split_alias.html", context)


@admin.register(SpeakerMerge)
class SpeakerMergeAdmin(admin.ModelAdmin):
    """The merge log: read-only, a snapshot of each merged speaker."""

    list_display = ["merged_name", "into", "merged_by", "created_at"]
    search_fields = ["merged_name", "into__name"]
    list_select_related = ["into", "merged_by"]
    readonly_fields = ["merged_name", "merged_speaker_id", "into", "merged_by", "created_at", "snapshot"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# ---- relations ---------------------------------------------------------------------------


class RelationAdminForm(forms.ModelForm):
    class Meta:
        model = Relation
        fields = ["claim_a", "claim_b", "type", "review_status"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("claim_a") and data.get("claim_a") == data.get("claim_b"):
            raise ValidationError("A claim cannot be related to itself.")
        if data.get("claim_a") and data.get("claim_b") and data["claim_a"].pk > data["claim_b"].pk:
            # Pairs are stored in id order (a model constraint the form checks next).
            data["claim_a"], data["claim_b"] = data["claim_b"], data["claim_a"]
        if self.instance.pk and data.get("review_status") == Relation.ReviewStatus.MACHINE:
            stored = Relation.objects.get(pk=self.instance.pk)
            if stored.review_status != Relation.ReviewStatus.MACHINE:
                raise ValidationError({"review_status": "Confirm or reject the relation."})
        return data


@admin.register(Relation)
class RelationAdmin(CurationHistoryAdmin):
    form = RelationAdminForm
    list_display = ["pk", "claim_a_text", "type", "claim_b_text", "score", "origin", "review_status", "reviewed_by"]
    list_filter = ["type", "origin", "review_status"]
    list_select_related = ["claim_a__speaker", "claim_b__speaker", "reviewed_by"]
    search_fields = ["claim_a__content", "claim_b__content", "claim_a__speaker__name", "claim_b__speaker__name"]
    raw_id_fields = ["claim_a", "claim_b"]
    actions = ["confirm_selected", "reject_selected"]

    def get_readonly_fields(self, request, obj=None):
        fixed = ["origin", "score", "explanation", "reviewed_by", "reviewed_at", "claims"]
        return [*fixed, "claim_a", "claim_b"] if obj else fixed

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["claim_a", "claim_b", "type"]
        return ["claims", "type", "review_status", "origin", "score", "explanation", "reviewed_by", "reviewed_at"]

    @admin.display(description="claim A")
    def claim_a_text(self, relation: Relation) -> str:
        return _admin_link(relation.claim_a)

    @admin.display(description="claim B")
    def claim_b_text(self, relation: Relation) -> str:
        return _admin_link(relation.claim_b)

    @admin.display(description="claims")
    def claims(self, relation: Relation) -> str:
        return format_html(
            "<div>A: {}</div><div>B: {}</div>", _admin_link(relation.claim_a), _admin_link(relation.claim_b)
        )

    def save_model(self, request, obj: Relation, form: RelationAdminForm, change: bool) -> None:
        stored = Relation.objects.get(pk=obj.pk) if change else None
        user = request.user
        if stored is None or obj.type != stored.type:  # a curator's type is a curator relation
            saved = _run(
                request, lambda: relation_create(claim_a=obj.claim_a, claim_b=obj.claim_b, type=obj.type, user=user)
            )
        elif obj.review_status != stored.review_status:
            saved = _run(request, lambda: relation_review(relation=stored, user=user, decision=obj.review_status))
        else:
            return
        _adopt(obj, saved)

    def _review_selected(self, request, queryset, decision: str) -> int:
        return sum(
            _run(request, lambda r=relation: relation_review(relation=r, user=request.user, decision=decision))
            is not None
            for relation in queryset
        )

    @admin.action(description="Confirm selected relations", permissions=["change"])
    def confirm_selected(self, request, queryset):
        self.message_user(request, f"Confirmed {self._review_selected(request, queryset, 'confirmed')} relation(s).")

    @admin.action(description="Reject selected relations", permissions=["change"])
    def reject_selected(self, request, queryset):
        self.message_user(request, f"Rejected {self._review_selected(request, queryset, 'rejected')} relation(s).")


# ---- disputes ----------------------------------------------------------------------------


class PropositionMemberInline(admin.TabularInline):
    model = PropositionMember
    fields = ["claim_link", "side", "origin", "move"]
    readonly_fields = ["claim_link", "side", "origin", "move"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="claim")
    def claim_link(self, member: PropositionMember) -> str:
        return _admin_link(member.claim)

    @admin.display(description="")
    def move(self, member: PropositionMember) -> str:
        return _admin_link(member, "Move to another dispute or side…")


@admin.register(Proposition)
class PropositionAdmin(CurationHistoryAdmin):
    list_display = ["label", "supports", "refutes", "origin", "label_curated", "created_at"]
    list_filter = ["origin", "label_curated"]
    search_fields = ["label"]
    fields = ["label", "origin", "label_curated", "central_claim"]
    readonly_fields = ["origin", "label_curated", "central_claim"]
    inlines = [PropositionMemberInline]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                supports=Count("members", filter=Q(members__side=PropositionMember.Side.SUPPORTS)),
                refutes=Count("members", filter=Q(members__side=PropositionMember.Side.REFUTES)),
            )
        )

    @admin.display(description="claims supporting", ordering="supports")
    def supports(self, proposition: Proposition) -> int:
        return proposition.supports

    @admin.display(description="claims refuting", ordering="refutes")
    def refutes(self, proposition: Proposition) -> int:
        return proposition.refutes

    def save_model(self, request, obj: Proposition, form, change: bool) -> None:
        if not change:
            _adopt(obj, _run(request, lambda: proposition_create(label=obj.label, user=request.user)))
            return
        stored = Proposition.objects.get(pk=obj.pk)
        if stored.label != obj.label:
            _adopt(
                obj, _run(request, lambda: proposition_rename(proposition=stored, label=obj.label, user=request.user))
            )

    @admin.action(description="Merge selected disputes into one…", permissions=["change"])
    def merge_selected(self, request, queryset):
        return _merge_selected(
            self,
            request,
            queryset,
            service=propositions_merge,
            noun="dispute",
            label=lambda p: f"{p.label} ({p.members.count()} claims)",
        )


class PropositionMemberAdminForm(forms.ModelForm):
    class Meta:
        model = PropositionMember
        fields = ["claim", "proposition", "side"]

    def validate_unique(self) -> None:
        # A claim already in a dispute is moved, not refused: claim_move_to_dispute handles it.
        pass


@admin.register(PropositionMember)
class PropositionMemberAdmin(CurationHistoryAdmin):
    """A claim's place in a dispute: change the dispute or the side to move it."""

    form = PropositionMemberAdminForm
    list_display = ["claim", "proposition", "side", "origin"]
    list_filter = ["side", "origin"]
    list_select_related = ["claim__speaker", "proposition"]
    search_fields = ["claim__content", "proposition__label"]
    raw_id_fields = ["claim"]
    autocomplete_fields = ["proposition"]

    def get_readonly_fields(self, request, obj=None):
        return ["claim", "origin"] if obj else ["origin"]

    def save_model(self, request, obj: PropositionMember, form, change: bool) -> None:
        claim = Claim.objects.get(pk=obj.claim_id)
        _adopt(
            obj,
            _run(
                request,
                lambda: claim_move_to_dispute(
                    claim=claim, proposition=obj.proposition, side=obj.side, user=request.user
                ),
            ),
        )


# ---- quote flags -------------------------------------------------------------------------


@admin.register(QuoteFlag)
class QuoteFlagAdmin(admin.ModelAdmin):
    """Quotations credited or worded differently across articles. Flags are computed; a curator's
    only decision is to dismiss one (it stays dismissed when flags are computed again)."""

    list_display = ["pk", "kind", "claim_a_link", "claim_b_link", "changed_words", "summary", "status", "dismissed_by"]
    list_filter = ["kind", "status"]
    search_fields = ["claim_a__content", "claim_b__content", "summary"]
    list_select_related = ["claim_a__speaker", "claim_b__speaker", "dismissed_by"]
    readonly_fields = [
        "kind", "claim_a_link", "claim_b_link", "changed_words", "summary", "status", "dismissed_by", "dismissed_at"
    ]  # fmt: skip
    fields = readonly_fields
    actions = ["dismiss_selected"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="Claim A")
    def claim_a_link(self, flag: QuoteFlag) -> str:
        return _admin_link(flag.claim_a, f"{flag.claim_a.speaker_mention or '?'}: {flag.claim_a.content[:80]}")

    @admin.display(description="Claim B")
    def claim_b_link(self, flag: QuoteFlag) -> str:
        return _admin_link(flag.claim_b, f"{flag.claim_b.speaker_mention or '?'}: {flag.claim_b.content[:80]}")

    @admin.action(description="Dismiss selected flags (not an error)", permissions=["change"])
    def dismiss_selected(self, request, queryset):
        done = sum(
            _run(request, lambda f=flag: quote_flag_dismiss(flag=f, user=request.user)) is not None for flag in queryset
        )
        self.message_user(request, f"Dismissed {done} flag(s).")
