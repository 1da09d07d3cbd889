"""gunicorn settings for serving ClaimTrack (`make serve`, docs/deploy.md).

Every value comes from the environment, with defaults for one small machine. Database connections
are bounded by design: each worker thread holds at most one, so PostgreSQL sees at most
GUNICORN_WORKERS × GUNICORN_THREADS connections from the web (plus the Celery workers'), however
many clients arrive; the rest wait in gunicorn's backlog instead of failing with "too many clients".
"""

import multiprocessing
import os

wsgi_app = "claimtrack.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads let one process overlap database waits; processes use the cores.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 5)))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A request past this is stuck: the worker is restarted rather than left holding a connection.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak in any library cannot grow without end.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# Only the proxy in front (docs/deploy.md) may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# Load the app once in the master, so workers fork with Django set up and start fast.
preload_app = True
