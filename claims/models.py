import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import DateField, F, Q, Value
from django.db.models.functions import Coalesce, Upper
from django.urls import reverse
from pgvector.django import HnswIndex, VectorField
from simple_history.models import HistoricalRecords

from articles.models import Article
from claims.nlp import types as vocabulary
from claims.nlp.meaning import DIMENSIONS as EMBEDDING_DIMENSIONS
from common.models import BaseModel

# What full-text search reads: stored in ``Claim.search_vector`` (a generated column) so that
# neither the index recheck nor ranking re-parses the text of every matching row.
CLAIM_SEARCH_VECTOR = SearchVector("content", "speaker_mention", config="english")
# The API's "date" ordering: undated claims sort as the oldest. One expression for the ordering
# and its index, so a search sorted by date walks the index instead of sorting every match.
CLAIM_SORT_DATE = Coalesce("claim_date", Value(datetime.date(1, 1, 1), output_field=DateField()))


class Origin(models.TextChoices):
    MACHINE = vocabulary.Origin.MACHINE, "Machine"
    CURATOR = vocabulary.Origin.CURATOR, "Curator"


class Speaker(BaseModel):
    class Kind(models.TextChoices):
        PERSON = vocabulary.SpeakerKind.PERSON, "Person"
        ORGANISATION = vocabulary.SpeakerKind.ORGANISATION, "Organisation"
        GOVERNMENT = vocabulary.SpeakerKind.GOVERNMENT, "Government or country"
        GROUP = vocabulary.SpeakerKind.GROUP, "Group (anonymous or collective)"
        UNKNOWN = vocabulary.SpeakerKind.UNKNOWN, "Unknown"

    name = models.CharField(max_length=300)
    # The speaker's identity (``claims.naming.normalize_speaker_name``): one row per key, enforced
    # by the database so that two workers meeting a new speaker at once cannot make two rows.
    normalized_name = models.CharField(max_length=300)
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.UNKNOWN, db_index=True)
    role = models.CharField(max_length=300, blank=True)
    affiliation = models.CharField(max_length=200, blank=True, db_index=True)
    # Set when a curator edits kind, role or affiliation: machines then leave those fields alone.
    curated = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [
            # The affiliation filter is case-insensitive (iexact); this also gives the planner its statistics.
            models.Index(Upper("affiliation"), name="speaker_affiliation_upper"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["normalized_name"], name="speaker_unique_normalized_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("claims:speaker_detail", args=[self.pk])


class SpeakerAlias(BaseModel):
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, db_index=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["speaker", "normalized_name"], name="speakeralias_unique_per_speaker"),
        ]

    def __str__(self) -> str:
        return self.name


class SpeakerMerge(BaseModel):
    """A record of one speaker merged into another, kept so a merge can be traced and undone by hand."""

    merged_name = models.CharField(max_length=300)
    merged_speaker_id = models.BigIntegerField()
    into = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="merges")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    snapshot = models.JSONField(default=dict, help_text="The merged speaker's fields, aliases and claim ids.")

    def __str__(self) -> str:
        return f"{self.merged_name} → {self.into}"


class Claim(BaseModel):
    class Type(models.TextChoices):
        DIRECT = vocabulary.ClaimType.DIRECT, "Direct quote"
        INDIRECT = vocabulary.ClaimType.INDIRECT, "Indirect speech"
        MIXED = vocabulary.ClaimType.MIXED, "Mixed quote"
        HEADLINE = vocabulary.ClaimType.HEADLINE, "Headline"
        ACCORDING_TO = vocabulary.ClaimType.ACCORDING_TO, "According to"

    class CueClass(models.TextChoices):
        ASSERT = vocabulary.CueClass.ASSERT, "Asserts"
        DENY = vocabulary.CueClass.DENY, "Denies"
        HEDGE = vocabulary.CueClass.HEDGE, "Believes / hedges"
        REPORT = vocabulary.CueClass.REPORT, "Reports"

    class Polarity(models.TextChoices):
        ASSERTED = vocabulary.Polarity.ASSERTED, "Asserted"
        NEGATED = vocabulary.Polarity.NEGATED, "Negated"

    class Method(models.TextChoices):
        RULES = vocabulary.ExtractionMethod.RULES, "Rules"
        MODEL = vocabulary.ExtractionMethod.MODEL, "Trained tagger"
        BOTH = vocabulary.ExtractionMethod.BOTH, "Rules and tagger"

    class ReviewStatus(models.TextChoices):
        MACHINE = "machine", "Machine"
        VERIFIED = "verified", "Verified"
        EDITED = "edited", "Edited"
        REJECTED = "rejected", "Rejected"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    speaker_mention = models.CharField(max_length=300, blank=True, help_text="The speaker as written here.")
    speaker_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_end = models.PositiveIntegerField(null=True, blank=True)
    cue = models.CharField(max_length=100, blank=True)
    cue_lemma = models.CharField(max_length=100, blank=True, db_index=True)
    cue_class = models.CharField(max_length=10, choices=CueClass.choices, default=CueClass.ASSERT, db_index=True)
    claim_type = models.CharField(max_length=15, choices=Type.choices, db_index=True)
    content = models.TextField()
    content_start = models.PositiveIntegerField()
    content_end = models.PositiveIntegerField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    polarity = models.CharField(max_length=10, choices=Polarity.choices, default=Polarity.ASSERTED, db_index=True)
    claim_date = models.DateField(null=True, blank=True, db_index=True)
    confidence = models.FloatField(default=0.5)
    # Which extractor found the claim: the rules, the trained tagger, or both.
    method = models.CharField(max_length=5, choices=Method.choices, default=Method.RULES, db_index=True)
    extractor_version = models.CharField(max_length=40)
    # Named entities of the content (GIN-indexed), one of the signals the relation model reads.
    entities = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    # The content has a verb heading a clause (set by extraction): it states something that others
    # can agree or disagree with, where a noun phrase only names a topic. Null where not known
    # (extracted before 2026.12.3, or words a curator edited): linking then goes by length alone.
    states_clause = models.BooleanField(null=True, blank=True)
    # The content is one noun phrase naming a thing (a plan, a ban, a deal): with a cue that takes a
    # side ("criticized", "backed") the claim is a position on it. None: not known (curator text).
    names_thing = models.BooleanField(null=True, blank=True)
    # The content's sentence embedding (``claims.nlp.meaning``, unit length): linking finds a
    # claim's candidates as its nearest neighbours through the HNSW index. Null until embedded.
    embedding = VectorField(dimensions=EMBEDDING_DIMENSIONS, null=True, blank=True)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.MACHINE, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Kept by PostgreSQL itself whenever content or speaker_mention change, whoever writes them.
    search_vector = models.GeneratedField(
        expression=CLAIM_SEARCH_VECTOR, output_field=SearchVectorField(), db_persist=True
    )

    # The vectors are derived from fields the history already keeps.
    history = HistoricalRecords(excluded_fields=["search_vector", "embedding"])

    class Meta:
        ordering = ["article_id", "content_start"]
        indexes = [
            models.Index(fields=["article", "content_start"]),
            # A speaker's claims newest first (undated last), and per month: read from the index in order.
            models.Index(F("speaker"), F("claim_date").desc(nulls_last=True), F("id").desc(), name="claim_speaker_recent"),
            GinIndex(fields=["entities"], name="claim_entities_gin"),
            GinIndex(fields=["search_vector"], name="claim_search_vector_gin"),
            models.Index(CLAIM_SORT_DATE.desc(), F("id").desc(), name="claim_sort_date_id"),
            # Covering indexes: the facet counts and the speaker-pair matrix read these columns of
            # every claim, from the index alone (the rows, with their text and vector, are wide).
            models.Index(
                fields=["article"],
                include=["speaker", "claim_date", "cue_class", "claim_type", "polarity", "review_status"],
                name="claim_facets_cover",
            ),
            models.Index(fields=["id"], include=["speaker"], name="claim_speaker_cover"),
            HnswIndex(
                name="claim_embedding_hnsw",
                fields=["embedding"],
                m=16,
                ef_construction=64,
                opclasses=["vector_cosine_ops"],
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(content_end__gt=F("content_start")), name="claim_content_span_not_empty"),
        ]

    def __str__(self) -> str:
        who = self.speaker.name if self.speaker_id else (self.speaker_mention or "unattributed")
        return f"{who}: {self.content[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("claims:detail", args=[self.pk])

    @property
    def is_human_reviewed(self) -> bool:
        return self.review_status != self.ReviewStatus.MACHINE

    @property
    def position(self) -> str | None:
        """The side ("for" / "against") the claim takes on the thing its content names, when the
        content is one noun phrase of ``LINK_MIN_CONTENT_WORDS`` words or more and the cue takes a
        side ("criticized [the governor's plan to close the hospitals]"); None otherwise."""
        from claims.nlp.relation.positions import position_side

        if not self.names_thing or len(self.content.split()) < settings.LINK_MIN_CONTENT_WORDS:
            return None
        # A denial cue's claim is negated by convention ("rejected [the plan]"): its own negation
        # is the other way round ("did not reject [the plan]" is asserted).
        cue_negated = (self.polarity == self.Polarity.NEGATED) != (self.cue_class == self.CueClass.DENY)
        return position_side(self.cue_lemma, negated=cue_negated)

    @property
    def states_something(self) -> bool:
        """A statement others can agree or disagree with: ``LINK_MIN_CONTENT_WORDS`` words or more,
        and a verb heading a clause where extraction recorded one ("the issue of tax reform" and
        "her years as secretary of State" name a topic; "Clinton" names a person)."""
        long_enough = len(self.content.split()) >= settings.LINK_MIN_CONTENT_WORDS
        return long_enough and self.states_clause is not False


class Proposition(BaseModel):
    """A dispute: one statement (its central claim's) and the claims that say it or deny it.

    Members support or refute it. The machine adds a claim only on a relation the model found
    with the central claim itself, so a dispute cannot grow around a word many claims share.
    """

    label = models.CharField(max_length=300)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MACHINE)
    # A curator-set label is never replaced by re-linking.
    label_curated = models.BooleanField(default=False)
    # The claim whose statement the dispute is about (on its supporting side); a curator-made
    # dispute may have none, and then the machine never adds to it.
    central_claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="central_of"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-id"]
        # The UI and the API call a proposition a dispute; the admin says the same.
        verbose_name = "dispute"
        verbose_name_plural = "disputes"

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("claims:dispute_detail", args=[self.pk])


class PropositionMember(BaseModel):
    class Side(models.TextChoices):
        SUPPORTS = vocabulary.Side.SUPPORTS, "Supports"
        REFUTES = vocabulary.Side.REFUTES, "Refutes"

    proposition = models.ForeignKey(Proposition, on_delete=models.CASCADE, related_name="members")
    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="dispute_membership")
    side = models.CharField(max_length=10, choices=Side.choices)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MACHINE)

    history = HistoricalRecords()

    class Meta:
        ordering = ["proposition_id", "side"]
        verbose_name = "dispute member"

    def __str__(self) -> str:
        return f"{self.claim_id} {self.side} {self.proposition_id}"


class Relation(BaseModel):
    class Type(models.TextChoices):
        AGREE = vocabulary.RelationType.AGREE, "Agree"
        CONFLICT = vocabulary.RelationType.CONFLICT, "Conflict"
        SAME_CLAIM = vocabulary.RelationType.SAME_CLAIM, "Same claim reported again"

    class ReviewStatus(models.TextChoices):
        MACHINE = "machine", "Machine"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    # Stored with claim_a.id < claim_b.id so a pair has exactly one row.
    claim_a = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_as_a")
    claim_b = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_as_b")
    type = models.CharField(max_length=12, choices=Type.choices, db_index=True)
    score = models.FloatField(default=0.0)
    explanation = models.TextField(blank=True)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.MACHINE)
    review_status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.MACHINE, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-score", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(claim_a__lt=F("claim_b")), name="relation_pair_ordered_not_self"),
            models.UniqueConstraint(fields=["claim_a", "claim_b"], name="relation_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_a_id} {self.type} {self.claim_b_id}"

    @property
    def is_human_reviewed(self) -> bool:
        return self.origin == Origin.CURATOR or self.review_status != self.ReviewStatus.MACHINE


class ClaimQuote(BaseModel):
    """The quoted words of a direct (or mixed) claim, as 3-word shingle hashes: the index that finds
    the same quotation in other articles (``claims.services.quote_drift``)."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="quote")
    text = models.TextField(help_text="The quoted words as written (a mixed claim's quoted parts only).")
    shingles = ArrayField(models.BigIntegerField(), default=list)

    class Meta:
        indexes = [GinIndex(fields=["shingles"], name="claimquote_shingles_gin")]

    def __str__(self) -> str:
        return f"quote of claim {self.claim_id}"


class QuoteFlag(BaseModel):
    """One quotation in two articles, credited to different speakers or reworded beyond small edits."""

    class Kind(models.TextChoices):
        MISATTRIBUTION = "misattribution", "Credited to different speakers"
        DRIFT = "drift", "Reworded"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DISMISSED = "dismissed", "Dismissed"

    kind = models.CharField(max_length=15, choices=Kind.choices, db_index=True)
    # Stored with claim_a.id < claim_b.id so a pair has one flag of each kind.
    claim_a = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="quote_flags_as_a")
    claim_b = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="quote_flags_as_b")
    changed_words = models.PositiveIntegerField(default=0)
    summary = models.CharField(max_length=500, blank=True, help_text="The changed words, in words.")
    diff = models.JSONField(default=list, help_text="Word diff: [tag, words in a, words in b] runs.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(claim_a__lt=F("claim_b")), name="quoteflag_pair_ordered_not_self"),
            models.UniqueConstraint(fields=["kind", "claim_a", "claim_b"], name="quoteflag_unique_kind_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.claim_a_id} / {self.claim_b_id}"
