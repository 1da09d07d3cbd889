"""HTML pages for claims, speakers, disputes, articles and the agreement matrix (function views, htmx partials).

Every view needs a signed-in user; reading needs nothing more (analysts read everything).
Writes live elsewhere (admin, API, ingest page), so these views only read.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django_htmx.http import push_url

from articles.models import Article, Outlet
from claims.exports import CLAIM_CSV_COLUMNS, claim_csv_row, claim_export_record
from claims.filters import ClaimFilter
from claims.forms import MatrixCellForm
from claims.highlight import Span, article_spans, claim_spans, highlight, speaker_colour
from claims.models import Claim, PropositionMember, Relation
from claims.picture_context import (
    dispute_timeline_context,
    heat_cells,
    heat_legend_context,
    histogram_context,
    speaker_changes_context,
)
from claims.quote_flag_display import flag_view
from claims.selectors import (
    MATRIX_KEYS,
    agreement_matrix,
    article_claims,
    article_get,
    articles_latest,
    claim_facets,
    claim_get,
    claim_links,
    claim_quote_flags,
    claim_search_page,
    claims_close_in_meaning,
    claims_ordered,
    dispute_get,
    dispute_members,
    dispute_reach,
    disputes_most_contested,
    home_counts,
    home_reach,
    relations_between,
    relations_between_totals,
    speaker_claims_by_month,
    speaker_claims_recent,
    speaker_counterparts,
    speaker_disputes,
    speaker_get,
    speaker_names,
)
from claims.selectors.positions import dispute_position_changes, speaker_position_changes

PAGE_SIZE = 25
# Deep OFFSET pages cost a scan of everything before them; past this, narrow the search instead.
MAX_PAGE = 200
MATRIX_SIZE = 12
# Context shown around a claim whose paragraph is one long line.
MAX_PARAGRAPH_CHARS = 1500


# ---- home --------------------------------------------------------------------------------


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    ctx = {
        "counts": home_counts(),
        "reach": home_reach(),
        "latest_articles": articles_latest(limit=8),
        "contested": disputes_most_contested(limit=8),
    }
    return render(request, "claims/home.html", ctx)


# ---- claims list -------------------------------------------------------------------------


def _claim_filter(request: HttpRequest) -> ClaimFilter:
    return ClaimFilter(request.GET, queryset=Claim.objects.all())


# How a search's results may be ordered (``?order=``); "relevance" is the default unless the
# result is too large to rank on every request (see ``_search_order``).
SEARCH_ORDERS = ("relevance", "newest")


def _search_order(request: HttpRequest, text: str, estimated: bool) -> str | None:
    """The order of a search's results, or None without a search (always newest first).

    Ranking reads the stored vector of every match: for a result large enough that its counts
    are estimated (tens of thousands of claims) that is most of the table, so such a search opens
    newest first -- which stops at the page -- and says so, with a link to rank by relevance.
    An explicit ``order`` is always followed.
    """
    if not text.strip():
        return None
    asked = request.GET.get("order", "")
    if asked in SEARCH_ORDERS:
        return asked
    return "newest" if estimated else "relevance"


def _page_number(request: HttpRequest) -> int:
    try:
        return min(max(int(request.GET.get("page", "1")), 1), MAX_PAGE)
    except ValueError:
        return 1


@login_required
@require_GET
def claim_list(request: HttpRequest) -> HttpResponse:
    """Search and facets. Template contract: ``filterset``, ``facets`` (see ``_facet_groups``),
    ``method_choices`` (the "Found by" filter: rules, tagger, both; not counted),
    ``claims`` (one page), ``page``, ``pages``, ``total``, ``estimated`` (counts and total are
    estimates from a sample: a very large result), ``order`` (a search's order: "relevance" or
    "newest"; None without a search), ``query_string`` (without ``page``) and
    ``order_query_string`` (without ``page`` and ``order``, for the links that change the order).
    An htmx request gets only the ``claims/_results.html`` partial."""
    filterset = _claim_filter(request)
    text = filterset.form.cleaned_data.get("q", "") if filterset.is_valid() else ""
    queryset = filterset.qs
    facets = claim_facets(queryset=queryset, top=FACET_MORE_UP_TO)
    page = _page_number(request)
    order = _search_order(request, text or "", facets["estimated"])
    total = facets["total"]
    pages = max(1, min(MAX_PAGE, -(-total // PAGE_SIZE)))
    params = QueryDict(mutable=True)
    for key, values in request.GET.lists():  # the shareable URL keeps only filters that are set
        if key != "page" and any(values):
            params.setlist(key, [v for v in values if v])
    ctx = {
        "filterset": filterset,
        "facets": _facet_groups(facets, filterset),
        "method_choices": Claim.Method.choices,
        "months": facets["month"],
        "first_date": facets["first_date"],
        "last_date": facets["last_date"],
        "claims": claim_search_page(
            queryset=queryset,
            text=text or "",
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
            by_relevance=order == "relevance",
        ),
        "page": page,
        "pages": pages,
        "total": total,
        "estimated": facets["estimated"],
        "order": order,
        "query_string": params.urlencode(),
        "order_query_string": _without(params, "order"),
        "histogram": histogram_context(queryset=queryset, facets=facets, params=params),
    }
    if not request.htmx:
        return render(request, "claims/claim_list.html", ctx)
    response = render(request, "claims/_results.html", ctx)
    page_part = f"page={page}" if page > 1 else ""
    query = "&".join(part for part in (ctx["query_string"], page_part) if part)
    return push_url(response, f"{request.path}?{query}" if query else request.path)


def _without(params: QueryDict, key: str) -> str:
    rest = params.copy()
    rest.pop(key, None)
    return rest.urlencode()


# A facet shows its most frequent values; "More" (a <details>, so no script needed) reveals the
# rest, up to FACET_MORE_UP_TO: past that, searching finds a value faster than scrolling does.
FACET_SHOWN = 12
FACET_MORE_UP_TO = 200
FACET_TITLES = {
    "speaker": "Speaker",
    "affiliation": "Affiliation",
    "outlet": "Outlet",
    "cue_class": "Cue class",
    "type": "Type",
    "polarity": "Polarity",
    "review_status": "Review status",
}
FACET_LABELS = {
    "cue_class": dict(Claim.CueClass.choices),
    "type": dict(Claim.Type.choices),
    "polarity": dict(Claim.Polarity.choices),
    "review_status": dict(Claim.ReviewStatus.choices),
}


def _facet_groups(facets: dict, filterset: ClaimFilter) -> list[dict]:
    """Each facet as ``{"name", "title", "selected", "options": [(value, label, count)], "more": [...],
    "more_open"}``: ``options`` the first ``FACET_SHOWN``, ``more`` the rest (open when it holds the selection)."""
    speakers = speaker_names(ids=[value for value, _ in facets["speaker"]])
    outlets = {o.pk: o.name for o in Outlet.objects.filter(pk__in=[v for v, _ in facets["outlet"]]).only("name")}
    labels = {**FACET_LABELS, "speaker": {pk: s.name for pk, s in speakers.items()}, "outlet": outlets}
    groups = []
    for name, title in FACET_TITLES.items():
        selected = str(filterset.data.get(name, "") or "")
        options = [(str(value), labels.get(name, {}).get(value, value), count) for value, count in facets[name]]
        if selected and selected not in {value for value, _, _ in options}:
            options.insert(0, (selected, labels.get(name, {}).get(selected, selected), 0))
        shown, more = options[:FACET_SHOWN], options[FACET_SHOWN:]
        more_open = selected in {value for value, _, _ in more}
        groups.append({"name": name, "title": title, "selected": selected, "options": shown, "more": more, "more_open": more_open})
    return groups


# ---- downloads ---------------------------------------------------------------------------

def _export_rows(request: HttpRequest) -> Iterator[Claim]:
    filterset = _claim_filter(request)
    text = filterset.form.cleaned_data.get("q", "") if filterset.is_valid() else ""
    queryset = claims_ordered(queryset=filterset.qs, text=text or "")
    return queryset.select_related("speaker", "article__outlet").prefetch_related("speaker__aliases").iterator(2000)


def _csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ is a formula to a spreadsheet: keep it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


class _Echo:
    def write(self, value: str) -> str:
        return value


@login_required
@require_GET
def claim_export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The current result (same query string as the list) as CSV, streamed."""
    writer = csv.writer(_Echo())
    base = request.build_absolute_uri("/")[:-1]

    def rows() -> Iterator[str]:
        yield writer.writerow(CLAIM_CSV_COLUMNS)
        for claim in _export_rows(request):
            yield writer.writerow([_csv_cell(v) for v in claim_csv_row(claim, site_url=base).values()])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="claims.csv"'
    return response


@login_required
@require_GET
def claim_export_json(request: HttpRequest) -> StreamingHttpResponse:
    """The current result as JSON: ``{"claims": [...]}`` in the format of ``export_claims``."""

    def chunks() -> Iterator[str]:
        yield '{"claims": ['
        for index, claim in enumerate(_export_rows(request)):
            yield ("," if index else "") + json.dumps(claim_export_record(claim), cls=DjangoJSONEncoder)
        yield "]}"

    response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="claims.json"'
    return response


# ---- one claim ---------------------------------------------------------------------------


def _get_claim_for_user(request: HttpRequest, claim_id: int) -> Claim:
    claim = claim_get(claim_id=claim_id)
    if claim is None:
        raise Http404("No such claim.")
    return claim


def _paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    begin = body.rfind("\n", 0, start) + 1
    finish = body.find("\n", end)
    finish = len(body) if finish == -1 else finish
    if finish - begin > MAX_PARAGRAPH_CHARS:  # one long line: keep a window around the claim
        begin = max(begin, start - MAX_PARAGRAPH_CHARS // 3)
        finish = min(finish, end + MAX_PARAGRAPH_CHARS // 3)
    return begin, finish


def _linked(claim: Claim, relations) -> list[dict]:
    return [{"relation": r, "claim": r.claim_b if r.claim_a_id == claim.pk else r.claim_a} for r in relations]


@login_required
@require_GET
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Template contract: ``claim``, ``sentence_html``, ``paragraph_html``, ``agree``/``conflict``/
    ``same`` (lists of ``{"relation", "claim"}``), ``membership``, ``article_anchor``, ``quote_flags``
    (``FlagView``s: the same quotation elsewhere, side by side), ``close`` (``CloseClaim``s: near in
    meaning, not judged) and ``can_relate`` (the user may record a relation)."""
    claim = _get_claim_for_user(request, pk)
    body = claim.article.body
    spans = claim_spans(claim, body)
    sentence = Span(claim.sentence_start, claim.sentence_end, "span", {"class": "hl-sentence"})
    start, end = _paragraph_bounds(body, claim.sentence_start, claim.sentence_end)
    membership = getattr(claim, "dispute_membership", None)
    links = claim_links(claim=claim)
    ctx = {
        "claim": claim,
        "sentence_html": highlight(body[claim.sentence_start : claim.sentence_end], spans, offset=claim.sentence_start),
        "paragraph_html": highlight(body[start:end], [*spans, sentence], offset=start),
        # The stored relations (membership of a dispute implies none).
        "agree": _linked(claim, links[Relation.Type.AGREE]),
        "conflict": _linked(claim, links[Relation.Type.CONFLICT]),
        "same": _linked(claim, links[Relation.Type.SAME_CLAIM]),
        "membership": membership,
        "dispute": membership.proposition if membership else None,
        "article_anchor": f"{claim.article.get_absolute_url()}#claim-{claim.pk}",
        "quote_flags": [flag_view(flag, claim) for flag in claim_quote_flags(claim=claim)],
        "close": claims_close_in_meaning(claim=claim),
        "can_relate": request.user.has_perm("claims.change_relation"),
    }
    return render(request, "claims/claim_detail.html", ctx)


# ---- article -----------------------------------------------------------------------------


@login_required
@require_GET
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Template contract: ``article``, ``body_html`` (escaped text with claims marked), ``claims``,
    ``legend`` (speakers with their colour class) and ``can_retry`` (the form posts to the pipeline)."""
    article = article_get(article_id=pk)
    if article is None:
        raise Http404("No such article.")
    claims = article_claims(article=article)
    legend = {c.speaker_id: c.speaker for c in claims if c.speaker_id}
    ctx = {
        "article": article,
        "body_html": highlight(article.body, article_spans(claims, article.body)),
        "claims": claims,
        "legend": [(speaker, speaker_colour(pk)) for pk, speaker in legend.items()],
        "can_retry": article.status == Article.Status.FAILED and request.user.has_perm("articles.change_article"),
    }
    return render(request, "claims/article_detail.html", ctx)


# ---- speaker -----------------------------------------------------------------------------


@login_required
@require_GET
def speaker_detail(request: HttpRequest, pk: int) -> HttpResponse:
    speaker = speaker_get(speaker_id=pk)
    if speaker is None:
        raise Http404("No such speaker.")
    months = speaker_claims_by_month(speaker=speaker)
    peak = max((n for _, n in months), default=0)
    ctx = {
        "speaker": speaker,
        "colour": speaker_colour(speaker.pk),
        "months": [(month, n, round(100 * n / peak) if peak else 0) for month, n in months],
        "claim_total": sum(n for _, n in months),
        "recent_claims": speaker_claims_recent(speaker=speaker),
        "disputes": speaker_disputes(speaker=speaker),
        "counterparts": speaker_counterparts(speaker=speaker),
        "positions": speaker_changes_context(speaker_position_changes(speaker)),
    }
    return render(request, "claims/speaker_detail.html", ctx)


# ---- dispute -----------------------------------------------------------------------------


@login_required
@require_GET
def dispute_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = dispute_get(dispute_id=pk)
    if dispute is None:
        raise Http404("No such dispute.")
    members = list(dispute_members(dispute=dispute))
    ctx = {
        "dispute": dispute,
        "supports": [m for m in members if m.side == PropositionMember.Side.SUPPORTS],
        "refutes": [m for m in members if m.side == PropositionMember.Side.REFUTES],
        "reach": dispute_reach(dispute=dispute),
        "picture": dispute_timeline_context(members=members, changes=dispute_position_changes(dispute)),
    }
    ctx["timeline"] = ctx["picture"]["bins"]  # claims per period on each side
    return render(request, "claims/dispute_detail.html", ctx)


# ---- matrix ------------------------------------------------------------------------------


def _matrix_by(request: HttpRequest) -> str:
    by = request.GET.get("by", "speaker")
    return by if by in MATRIX_KEYS else "speaker"


def _matrix_grid(by: str) -> tuple[list[dict], list[list[dict | None]]]:
    pairs = agreement_matrix(by=by, limit=2000)
    weight: dict = defaultdict(int)
    cells: dict = {}
    for pair in pairs:
        weight[pair["a"]] += pair["agree"] + pair["conflict"]
        weight[pair["b"]] += pair["agree"] + pair["conflict"]
        cells[(pair["a"], pair["b"])] = cells[(pair["b"], pair["a"])] = pair
    keys = sorted(weight, key=lambda k: (-weight[k], str(k)))[:MATRIX_SIZE]
    names = speaker_names(ids=keys) if by == "speaker" else {}
    axis = [{"key": k, "label": names[k].name if k in names else str(k)} for k in keys if by != "speaker" or k in names]
    grid = [[cells.get((row["key"], col["key"])) for col in axis] for row in axis]
    return axis, grid


@login_required
@require_GET
def matrix(request: HttpRequest) -> HttpResponse:
    """Template contract: ``by`` (speaker or affiliation), ``axis`` (``{"key", "label"}``) and ``rows``
    (``(axis entry, [(column entry, cell or None)])``) where a cell has ``agree`` and ``conflict``."""
    by = _matrix_by(request)
    axis, grid = _matrix_grid(by)
    rows = [(axis[i], list(zip(axis, grid[i], strict=True))) for i in range(len(axis))]
    peak = max((c["agree"] + c["conflict"] for row in grid for c in row if c), default=1)
    ctx = {"by": by, "axis": axis, "rows": rows, "peak": peak}
    ctx.update(heat_rows=heat_cells(rows, peak), legend=heat_legend_context(peak))  # the heatmap's colours
    return render(request, "claims/matrix.html", ctx)


@login_required
@require_GET
def matrix_cell(request: HttpRequest) -> HttpResponse:
    """The agree/conflict relations behind one matrix cell (partial for htmx, page otherwise): the
    strongest of each type, with how many there are in all."""
    form = MatrixCellForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(f"Choose a cell: a and b must be speaker ids or affiliation names. {form.reason()}")
    by, a, b = form.cleaned_data["by"], form.cleaned_data["a"], form.cleaned_data["b"]
    relations = relations_between(by=by, a=a, b=b)
    names = {str(pk): s.name for pk, s in speaker_names(ids=[int(a), int(b)]).items()} if by == "speaker" else {}
    ctx = {
        "by": by,
        "label_a": names.get(a, a),
        "label_b": names.get(b, b),
        "agree": [r for r in relations if r.type == Relation.Type.AGREE],
        "conflict": [r for r in relations if r.type == Relation.Type.CONFLICT],
        "totals": relations_between_totals(by=by, a=a, b=b),
        "matrix_url": reverse("claims:matrix") + f"?by={by}",
    }
    template = "claims/_matrix_cell.html" if request.htmx else "claims/matrix_cell.html"
    return render(request, template, ctx)
