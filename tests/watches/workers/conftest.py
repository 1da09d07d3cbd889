"""Real Celery workers for the watches app: the pipeline's worker fixtures (Redis from CLAIMTRACK_TEST_REDIS_URL)."""

from tests.pipeline.workers.conftest import broker, migrated_rows, redis_url, start_worker  # noqa: F401
