"""The migrations give claims a pgvector column with an HNSW cosine index (and the extension first)."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_vector_extension_is_installed():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
        [(version,)] = cursor.fetchall()
    assert tuple(int(part) for part in version.split(".")[:2]) >= (0, 5)  # HNSW arrived in 0.5


def test_the_embedding_column_has_an_hnsw_cosine_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'claims_claim' AND indexname = %s",
                       ["claim_embedding_hnsw"])  # fmt: skip
        [(definition,)] = cursor.fetchall()
        cursor.execute(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
            "WHERE attrelid = 'claims_claim'::regclass AND attname = 'embedding'"
        )
        [(column_type,)] = cursor.fetchall()
    assert "USING hnsw" in definition and "vector_cosine_ops" in definition
    assert column_type == "vector(384)"
