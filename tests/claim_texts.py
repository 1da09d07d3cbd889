"""Our own sentences for linking tests (no story from the evaluation data): each pair is a case the
relation model must get right, as a reader would."""

# The same statement in other words, reported by two outlets.
PARAPHRASE = (
    "The city council will close the central library at the end of next year",
    "The central library is to be shut by the city council late next year",
)
# A statement and its denial.
TALKS = "The wage talks between the dock workers and the port authority have collapsed"
TALKS_DENIED = "The wage talks between the dock workers and the port authority have not collapsed"
# Another source repeating the first statement.
TALKS_AGAIN = "Negotiations on pay between the port authority and the dock workers broke down"
# Two things said about one person that neither agree nor conflict.
SAME_PERSON = (
    "Mayor Alice Jordan will open the new harbour bridge on Friday",
    "Mayor Alice Jordan grew up on a sheep farm near the northern coast",
)


def embedded(claim):
    """The claim with its embedding stored, as the nlp stage stores every extracted claim's."""
    from claims.services.embedding import claims_embed_missing

    claims_embed_missing(claims=[claim])
    return claim


def said(content: str, *, who: str = "A spokesman", polarity: str = "asserted"):
    """A claim in an article of its own, by a speaker of its own, embedded as the nlp stage does."""
    from tests.factories import ArticleFactory, SpeakerFactory, claim_at

    article = ArticleFactory(body=f"{who} said that {content}.")
    return embedded(claim_at(article, content, speaker=SpeakerFactory(name=who), polarity=polarity))
