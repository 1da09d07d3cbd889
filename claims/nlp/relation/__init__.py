"""Relations between claims, learned: related or not, then agree, conflict or the same claim again.

Django-free. Callers build `ClaimFacts` (text, embedding from `claims.nlp.meaning.embed_texts`,
and what extraction knows) and ask `RelationModel.load().judge_many(pairs)`; the committed model
is `data/relation_model.json`, described in `data/MODEL_CARD.md` and rebuilt by
`manage.py train_relation_model`.
"""

from .facts import UNRELATED, ClaimFacts, Judgement
from .model import MODEL_FILE, RelationModel
from .training import EmbeddingCache, PairRow, StanceRow, train_relation_model

__all__ = [
    "MODEL_FILE",
    "UNRELATED",
    "ClaimFacts",
    "EmbeddingCache",
    "Judgement",
    "PairRow",
    "RelationModel",
    "StanceRow",
    "train_relation_model",
]
