"""Settings come from the environment (twelve-factor, as cookiecutter-django).

DJANGO_ENV=production refuses to start without DJANGO_SECRET_KEY and
DJANGO_ALLOWED_HOSTS and is secure by default (HTTPS only, HSTS, secure
cookies). Unset, the app runs from a checkout with SQLite and no other
server, with DEBUG off; only DJANGO_ENV=development (`make run`) turns DEBUG on.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("GONGHUI_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    return default if raw is None else raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


DJANGO_ENV = env("DJANGO_ENV", "") or ""
PRODUCTION = DJANGO_ENV == "production"
# DEBUG pages show settings and tracebacks: only an explicit development checkout gets them.
DEBUG = DJANGO_ENV == "development" and env_bool("DJANGO_DEBUG", True)

SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_ENV=production")
    SECRET_KEY = "development-only-key-never-used-in-production"

ALLOWED_HOSTS = [h for h in (env("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver") or "").split(",") if h]
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_ENV=production")
CSRF_TRUSTED_ORIGINS = [o for o in (env("DJANGO_CSRF_TRUSTED_ORIGINS", "") or "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "treebeard",
    "axes",
    "simple_history",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "gonghui.core",
    "gonghui.accounts",
    "gonghui.org",
    "gonghui.members",
    "gonghui.rosters",
    "gonghui.plans",
    "gonghui.ledger",
    "gonghui.care",
    "gonghui.welfare",
    "gonghui.rights",
    "gonghui.outreach",
    "gonghui.openaffairs",
    "gonghui.congress",
    "gonghui.checks",
    "gonghui.proposals",
    "gonghui.competitions",
    "gonghui.finance",
    "gonghui.portal",
    "gonghui.reports",
    "gonghui.home",
    "gonghui.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gonghui.accounts.sessions.IdleSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "gonghui.core.scoping.SubtreeCacheMiddleware",
    "gonghui.core.figure_cache.FigureCacheMiddleware",
    "gonghui.core.middleware.UnionRequiredMiddleware",
]

# What an account bound to no union may open (gonghui.core.middleware): its own pages, the home page that
# sends it there, Django's admin, the administrators' API and the API's schema.
UNION_FREE = {
    "namespaces": ("accounts", "home", "admin", "m"),  # m: the member portal, by its own member sign-in
    "api_prefixes": ("/api/accounts/", "/api/openapi.json", "/api/docs"),
}

if PRODUCTION:
    # Static files are collected and served compressed by the app itself; in
    # development runserver serves them straight from the checkout.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL=postgres://... is production.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'gonghui.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and IMMEDIATE let the web server and the job worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# A PostgreSQL streaming replica (scripts/replica.sh) serves the reads of reports (gonghui.core.routers).
# In tests it mirrors the test database: the same name, read through the replica's server.
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(env("DATABASE_REPLICA_URL"),
                                                 conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
REPORTING_DATABASE = "replica" if "replica" in DATABASES else None
DATABASE_ROUTERS = ["gonghui.core.routers.ReportingRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering indexes (INCLUDE) serve PostgreSQL; SQLite builds them without the extra columns.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:index"
LOGOUT_REDIRECT_URL = "accounts:login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
     "OPTIONS": {"user_attributes": ("username", "full_name", "email")}},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Lockout after repeated failures of one user name (from anywhere) or from one address (whatever names
# it tries): each is counted on its own, so the pair (user name, address) is locked too. The security
# administrator clears a lock early (/accounts/admin/lockouts/).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A success would wipe its address's count too: one known account could then reset the count between
# guesses at other names. Failures run out with the cool-off instead.
AXES_RESET_ON_SUCCESS = False
# Behind reverse proxies the client is read from X-Forwarded-For (gonghui.accounts.addresses).
AXES_CLIENT_IP_CALLABLE = "gonghui.accounts.addresses.client_ip"
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# Idle sessions expire: a request pushes the expiry forward, writing the session at most once a minute
# (gonghui.accounts.sessions), so a session expires 29–30 minutes after its last request.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Production is HTTPS only. nginx (or any proxy) terminates TLS and says so in X-Forwarded-Proto;
# it must overwrite that header from the client, never pass it through.
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_NAME = "__Secure-sessionid"
    CSRF_COOKIE_NAME = "__Secure-csrftoken"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
# Uploaded files (rosters with full ID numbers, error files, exports, ledger attachments) have no public
# URL in any mode: they are read only through views that check access (gonghui.core.files). MEDIA_URL
# is never routed; MEDIA_ROOT must not be under any directory a web server serves.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
# Jobs write their files here before storing them (gonghui.core.files.work_file): private like MEDIA_ROOT.
WORK_DIR = Path(env("GONGHUI_WORK_DIR", str(VAR_DIR / "work")))
# When nginx fronts the app, downloads are handed to it with X-Accel-Redirect under this internal
# location (e.g. "/protected-files/", `internal; alias <MEDIA_ROOT>/;`); unset, the app sends the file.
FILES_X_ACCEL_PREFIX = env("FILES_X_ACCEL_PREFIX", "") or ""
# `manage.py backup` writes one timestamped folder here (database, media archive, row-count manifest).
BACKUP_DIR = Path(env("GONGHUI_BACKUP_DIR", str(VAR_DIR / "backups")))
STORAGES = {
    "default": {"BACKEND": env("FILE_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": env("DJANGO_STATICFILES_STORAGE", "whitenoise.storage.CompressedManifestStaticFilesStorage")
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Source maps (django-ninja's API docs ship 20 MB of them) are fetched only by browser devtools:
# compressing them took most of collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz",
                                       "br", "swf", "flv", "woff", "woff2", "3gp", "3gpp", "asf", "avi", "m4v",
                                       "mov", "mp4", "mpeg", "mpg", "webm", "wmv", "map"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Figure values (gonghui.core.figure_cache) and the like. A write is seen at once whatever the cache (the
# generation is in the database); sharing it lets gunicorn's workers count a figure once, not once each:
# files on the host in production (one machine), Redis when REDIS_URL is set (several machines).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                      "OPTIONS": {"MAX_ENTRIES": 200_000}}}
if PRODUCTION:
    CACHES = {"default": {"BACKEND": "gonghui.core.cache.SharedFileCache",
                          "LOCATION": env("DJANGO_CACHE_DIR", str(VAR_DIR / "cache")),
                          "OPTIONS": {"MAX_ENTRIES": env_int("DJANGO_CACHE_MAX_ENTRIES", 200_000)}}}
if env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}}

# Background jobs: the database queue needs no other server; REDIS_URL switches to RQ.
if env("REDIS_URL"):
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": env("REDIS_URL")}}
else:
    TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Domain settings a deployment may tune.
GONGHUI = {
    # Figure values are kept this long at most (gonghui.core.figure_cache); a write forgets them at once.
    "FIGURE_CACHE_SECONDS": env_int("FIGURE_CACHE_SECONDS", 600),
    "ROSTER_MAX_BYTES": env_int("ROSTER_MAX_BYTES", 50 * 1024 * 1024),
    "ROSTER_MAX_ROWS": env_int("ROSTER_MAX_ROWS", 1_000_000),
    # Uploaded rosters, error files and exports hold full ID numbers: kept this many days, then deleted.
    "ROSTER_KEEP_DAYS": env_int("ROSTER_KEEP_DAYS", 7),
    "ATTACHMENT_MAX_BYTES": env_int("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024),
    "DISPUTE_TIME_LIMIT_DAYS": env_int("DISPUTE_TIME_LIMIT_DAYS", 15),
    "CONTRACT_EXPIRY_WARNING_DAYS": env_int("CONTRACT_EXPIRY_WARNING_DAYS", 90),
    # The enterprises required to have a hardship fund (lookups on org.Enterprise): the denominator of
    # 基金组建占 and what 规模以上企业帮困基金实现全覆盖 is about. A region may require, say, headcount__gte=100.
    "FUND_REQUIRED": {"above_designated_size": True},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# The member portal (gonghui.portal): sign-in codes and the SMS sender. In production set
# PORTAL_SMS_SENDER=gonghui.portal.sms.AliyunSender and the PORTAL_ALIYUN_* keys.
PORTAL = {
    "SMS_SENDER": env("PORTAL_SMS_SENDER", "gonghui.portal.sms.AliyunSender" if PRODUCTION
                      else "gonghui.portal.sms.ConsoleSender"),
    "SMS_DIR": env("PORTAL_SMS_DIR", str(VAR_DIR / "sms")),
    "CODE_MINUTES": env_int("PORTAL_CODE_MINUTES", 5),
    "CODE_TRIES": env_int("PORTAL_CODE_TRIES", 5),
    "CODES_PER_NUMBER_HOUR": env_int("PORTAL_CODES_PER_NUMBER_HOUR", 5),
    "CODES_PER_ADDRESS_HOUR": env_int("PORTAL_CODES_PER_ADDRESS_HOUR", 20),
    "CODE_INTERVAL_SECONDS": env_int("PORTAL_CODE_INTERVAL_SECONDS", 60),
    "ALIYUN": {"ACCESS_KEY_ID": env("PORTAL_ALIYUN_ACCESS_KEY_ID", ""),
               "ACCESS_KEY_SECRET": env("PORTAL_ALIYUN_ACCESS_KEY_SECRET", ""),
               "SIGN_NAME": env("PORTAL_ALIYUN_SIGN_NAME", ""),
               "TEMPLATE_CODE": env("PORTAL_ALIYUN_TEMPLATE_CODE", "")},
}
