"""The pipeline's stages by name, and where each unit of work waits.

    file / folder / JSONL / HTML / URL / feed / API POST / UI paste
      STAGE_FETCH    download a URL (a feed becomes one item per new entry)     item     queue fetch
      STAGE_PARSE    main text and metadata out of the page                     item     queue ingest
      STAGE_EXTRACT  claims out of the text; the article is stored with them    item or  queue nlp
                     in one transaction (or a stored article's claims again)    article
      STAGE_LINK     agree / conflict links of the article's claims             article  queue nlp

One state per unit. Until an article exists, its input is an ``IngestItem`` and the item's
``stage`` says what it waits for. From the moment the article is stored (with its claims), the
item is finished and ``Article.status`` is the article's state: the stage it waits for is
``ARTICLE_WAITS_FOR[status]``, and a finished or failed article waits for none.
"""

from __future__ import annotations

from articles.models import Article

STAGE_FETCH = "fetch"
STAGE_PARSE = "parse"
STAGE_EXTRACT = "extract"
STAGE_LINK = "link"

# The stages an ingest item can wait for, in order.
ITEM_STAGES = (STAGE_FETCH, STAGE_PARSE, STAGE_EXTRACT)
# The stage a stored article waits for, by its status.
ARTICLE_WAITS_FOR = {Article.Status.FETCHED: STAGE_EXTRACT, Article.Status.EXTRACTED: STAGE_LINK}
# The queue each stage runs on (CELERY_TASK_ROUTES in the settings routes the tasks so).
STAGE_QUEUES = {STAGE_FETCH: "fetch", STAGE_PARSE: "ingest", STAGE_EXTRACT: "nlp", STAGE_LINK: "nlp"}
