"""Django settings, read from the environment (see README: "Configuration")."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from samverkan.core import clock
from samverkan.core.env import database_from_url, env_bool, env_int, env_list, env_str, url_origin

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("SAMVERKAN_DATA_DIR", str(BASE_DIR / "var")))
(DATA_DIR / "static").mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", True)
DEVELOPMENT_SECRET_KEY = "samverkan-development-key-not-for-production"
SECRET_KEY = env_str("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and (SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50):
    # A plain message and exit status 1, no traceback: the published key would let anyone forge sessions.
    raise SystemExit(
        "SECRET_KEY: with DEBUG=false Samverkan needs its own secret key of at least 50 characters, "
        "not the development key. Make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "auditlog",
    "django_tasks_db",
    "samverkan.core",
    "samverkan.core.versions",
    "samverkan.organisations",
    "samverkan.agreements",
    "samverkan.sources",
    "samverkan.sources.bra",
    "samverkan.sources.police_events",
    "samverkan.sources.kolada",
    "samverkan.sources.indicators",
    "samverkan.sources.surveys",
    "samverkan.sources.incidents",
    "samverkan.sources.dialogues",
    "samverkan.sources.citizen_reports",
    "samverkan.situation",
    "samverkan.planning.goals",
    "samverkan.planning.actions",
    "samverkan.planning.promises",
    "samverkan.planning.effects",
    "samverkan.followup.meetings",
    "samverkan.followup.reports",
    "samverkan.followup.seasons",
    "samverkan.followup.supervision",
    "samverkan.followup.notifications",
    "samverkan.api",
    # The product itself, above every layer: the demo command and the shared static files.
    "samverkan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samverkan.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "samverkan.core.security.SecurityLogMiddleware",  # denied pages (403, 404) go to the security log
    "django_otp.middleware.OTPMiddleware",
    "samverkan.core.audit.AuditlogMiddleware",  # the actor of every audited change
    "samverkan.account.middleware.TwoFactorMiddleware",
    "samverkan.account.middleware.NoStoreForStaffMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "samverkan.urls"
WSGI_APPLICATION = "samverkan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "samverkan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samverkan.core.context_processors.navigation",
                "samverkan.context_processors.demo_notice",
                "samverkan.audit.views.audit_log_link",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL"), DATA_DIR / "samverkan.sqlite3")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # README: Production, PostgreSQL
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # a kept connection is checked before a request reuses it
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisations.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out account or address before the password
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "overview"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "samverkan" / "locale"]
TIME_ZONE = clock.TIME_ZONE  # the one clock reads today in this zone
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [("leaflet", xstatic_leaflet.BASE_DIR)]  # samverkan/static is the "samverkan" app's
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
# Idle timeout: a session ends after this many minutes without a request (each request renews it).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True

# HTTPS: secure cookies, redirect to https and HSTS go together (README, "Production").
SECURE_COOKIES = env_bool("SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_SSL_REDIRECT = SECURE_COOKIES
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31_536_000) if SECURE_COOKIES else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_COOKIES
SECURE_HSTS_PRELOAD = SECURE_COOKIES
# Behind a reverse proxy that terminates TLS: trust its X-Forwarded-Proto and its X-Forwarded-For (one hop).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The client's address, for the login lockout and the public forms' limits, in one place: REMOTE_ADDR, or with
# BEHIND_PROXY the X-Forwarded-For hop the proxy added (django-ipware is not installed, so axes needs this callable).
AXES_CLIENT_IP_CALLABLE = "samverkan.core.clients.address_of"

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT failed logins of an account, or from an address, the next
# attempt is refused, even with the right password, for LOGIN_LOCKOUT_MINUTES; a successful login clears the count.
# (Axes answers the attempt that reaches its limit with the lockout page, hence + 1.)
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5) + 1
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "samverkan.account.views.locked_out"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False

# Public forms (the survey, suggestions on medborgarlöften): at most PUBLIC_FORM_PER_MINUTE and PUBLIC_FORM_PER_HOUR
# submissions per client address across all of them (django-ratelimit; 0 turns a limit off); a school answering
# together behind one address may need more. The same address and browser is told it has already answered a survey
# for SURVEY_REPEAT_HOURS (0: only the browser's cookie tells). Counts and marks live in the default cache, Django's
# local-memory one: per server process, so with several processes each counts for itself. A DatabaseCache would
# share them, but it would write address-derived keys into the database of an anonymous survey (DOMAIN.md §4), add
# an SQLite write to every public submission and need createcachetable; with a shared cache server (memcached,
# Redis) these limits would hold across processes.
PUBLIC_FORM_PER_MINUTE = env_int("PUBLIC_FORM_PER_MINUTE", 10)
PUBLIC_FORM_PER_HOUR = env_int("PUBLIC_FORM_PER_HOUR", 100)
SURVEY_REPEAT_HOURS = env_int("SURVEY_REPEAT_HOURS", 24)
# The API (samverkan.api): at most API_PER_MINUTE calls a minute per token, or per client address without one
# (0 turns the limit off); counted in the same cache as the public forms.
API_PER_MINUTE = env_int("API_PER_MINUTE", 120)

# The pictures' cache (README, "Production"): the lägesbild's facts and PDFs, kept until their data version changes
# (samverkan.core.versions), so a repeated request costs one query. PICTURE_CACHE=memory (the default): each server
# process keeps its own (PICTURE_CACHE_ENTRIES entries at most: a picture some 30 kB, a regional row far less);
# =database: one table all processes share (`samverkan createcachetable` once); a redis:// URL for Django's Redis
# cache (the redis package is installed), which all processes and servers share. The version in every key keeps
# each of them right across servers: a write elsewhere changes it.
PICTURE_CACHE = env_str("PICTURE_CACHE", "memory")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pictures": {
        "BACKEND": {
            "memory": "django.core.cache.backends.locmem.LocMemCache",
            "database": "django.core.cache.backends.db.DatabaseCache",
        }.get(PICTURE_CACHE, "django.core.cache.backends.redis.RedisCache"),
        "LOCATION": {"memory": "pictures", "database": "samverkan_picture_cache"}.get(PICTURE_CACHE, PICTURE_CACHE),
        "TIMEOUT": 24 * 3600,  # a day: a picture no one asks for again leaves; its key changes with its data anyway
        "OPTIONS": {"MAX_ENTRIES": env_int("PICTURE_CACHE_ENTRIES", 2000)}
        if PICTURE_CACHE in ("memory", "database")
        else {},
    },
}

# Two-factor login (TOTP, django-otp): on by default in production, off in development and the demo.
REQUIRE_2FA = env_bool("REQUIRE_2FA", not DEBUG)
OTP_TOTP_ISSUER = "Samverkan"

# Where Samverkan is reached, for links in emails.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
MAILERS: dict[str, dict[str, object]] = {
    "default": {"BACKEND": env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}
}
if MAILERS["default"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 587),
        "username": env_str("EMAIL_HOST_USER", ""),
        "password": env_str("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Imports: the largest file read (upload or command line), and how much a spreadsheet (XLSX) or gzip file may
# unpack to (a zip bomb is refused before it is opened). An upload above FILE_UPLOAD_MAX_MEMORY_SIZE waits in a
# temporary file, not in memory; a previewed upload that was never confirmed is deleted after a day
# (`samverkan clean_uploads`, and whenever another file is uploaded).
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_MB", 20) * 2**20
IMPORT_MAX_UNPACKED_BYTES = env_int("IMPORT_MAX_UNPACKED_MB", 200) * 2**20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB, Django's default, kept explicit
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # the form fields of a request, files not included

# Long work (imports, annual reports' PDFs, the scheduled fetches, notifications) runs in the worker
# (`samverkan worker`) from a queue in the database (django-tasks-db); its progress is a core Job row the page
# polls. TASKS_BACKEND=django.tasks.backends.immediate.ImmediateBackend runs it inside the request instead.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Agreements ask for revision this many days before their end date.
REVISION_WARNING_DAYS = 183

# Audit (django-auditlog, README: "Audit, retention and security log"): every model's changes are logged (who, when,
# before and after), but for the aggregates the raw rows rebuild, the anonymous survey answers (DOMAIN.md §4),
# sessions, login bookkeeping and notification receipts. Rows written in bulk (imports) send no signals: their
# import run is logged. The texts retention clears are masked: the log says that they changed, not what they say.
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions",
    "contenttypes",
    "auth.Permission",
    "axes",
    "otp_totp.TOTPDevice",
    "incidents.IncidentMonth",
    "incidents.IncidentCellMonth",
    "surveys.AnswerTally",
    "surveys.Response",
    "surveys.Answer",
    "notifications.SentNotification",
    "police_events.FeedFetch",
    "django_tasks_db",  # the queue's bookkeeping, and the progress of its jobs: rewritten while they run
    "core.Job",
)
AUDITLOG_MASK_CALLABLE = "samverkan.core.audit.mask_text"
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    {"model": "incidents.Incident", "mask_fields": ["description"]},
    {"model": "incidents.IncidentNote", "mask_fields": ["text"]},
    # A citizen's report: its text masked as an incident's; its photo is bytes, never copied into the log.
    {"model": "citizen_reports.CitizenReport", "mask_fields": ["text"]},
    {"model": "citizen_reports.ReportPhoto", "exclude_fields": ["image"]},
    {"model": "organisations.User", "mask_fields": ["password"], "exclude_fields": ["last_login"]},
    # A second factor's enrolment, never its secret key or its counters.
    {"model": "otp_totp.TOTPDevice", "include_fields": ["name", "confirmed"]},
    # A kept report's PDF is bytes, which the log cannot show as text (generating a report gave a 500).
    {"model": "reports.GeneratedReport", "exclude_fields": ["pdf"]},
)
AUDITLOG_DISABLE_ON_RAW_SAVE = True

# Retention (gallring, `samverkan gallra`, daily from cron): an incident's free text (its description and handling
# notes) is cleared this many years after the incident; a survey's free-text answers this many months after its
# wave closed. Categories, places, dates and counts stay: the figures need them.
INCIDENT_TEXT_RETENTION_YEARS = env_int("INCIDENT_TEXT_RETENTION_YEARS", 3)
SURVEY_TEXT_RETENTION_MONTHS = env_int("SURVEY_TEXT_RETENTION_MONTHS", 12)
# A finished job (its page and outcome) and the queue's record of it are deleted this many days after it finished.
JOB_RETENTION_DAYS = env_int("JOB_RETENTION_DAYS", 90)

# The security log: failed logins, lockouts, failed two-factor codes and denied pages (logger samverkan.security),
# one key=value line each, to stderr and to SECURITY_LOG_FILE (empty: stderr only).
SECURITY_LOG_FILE = env_str("SECURITY_LOG_FILE", str(DATA_DIR / "security.log"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"security": {"format": "%(asctime)s %(levelname)s %(message)s"}},
    "handlers": {
        "security_stderr": {"class": "logging.StreamHandler", "formatter": "security"},
        **(
            {
                "security_file": {
                    "class": "logging.handlers.WatchedFileHandler",
                    "filename": SECURITY_LOG_FILE,
                    "formatter": "security",
                    "delay": True,
                }
            }
            if SECURITY_LOG_FILE
            else {}
        ),
    },
    "loggers": {
        "samverkan.security": {
            "handlers": ["security_stderr", *(["security_file"] if SECURITY_LOG_FILE else [])],
            "level": "INFO",
        }
    },
}

# Background map tiles: OpenStreetMap's standard tiles by default (their tile usage policy asks for the
# attribution and moderate use). Set MAP_TILE_URL empty to turn them off (a closed network: the maps then show the
# municipality outlines only; the tests and CI run so), or to another tile server's {z}/{x}/{y} URL.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(  # OpenStreetMap's own words, marked as English for Swedish pages
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> <span lang="en">contributors</span>',
)

# Content Security Policy: scripts and styles from this site only (the map data travels in JSON blocks, which
# are not scripts); inline style attributes stay allowed; map tiles from MAP_TILE_URL's host.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", *filter(None, [url_origin(MAP_TILE_URL)])],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
