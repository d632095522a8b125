"""Security settings shared by every environment: second factor, lockout, sessions, CSP, limits.

`base.py` imports this module last; environment files may override any value after that.
"""

from datetime import timedelta

from csp.constants import NONE, SELF

from learning.env import env_int, env_list, env_str

# --- Multi-factor sign-in (django-otp) -----------------------------------------------------
OTP_TOTP_ISSUER = "BoardReady"
# How many one-off recovery codes a person gets; each works once.
BOARDREADY_RECOVERY_CODES = 10
# A password re-entered within this many seconds covers the next sensitive change.
BOARDREADY_REAUTH_SECONDS = 5 * 60

# --- Lockout (django-axes) -----------------------------------------------------------------
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "learning.security.axes_username"
AXES_CLIENT_IP_CALLABLE = "learning.security.client_ip"
AXES_LOCKOUT_CALLABLE = "learning.views.sign_in_locked_out"
AXES_RESET_ON_SUCCESS = True
# The lock lasts 30 minutes from the fifth failure; more tries do not stretch it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Successful sign-ins go to the audit log; axes keeps only the failures it needs to lock.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# Number of reverse proxies in front of the app whose X-Forwarded-For entries are trusted,
# and the addresses those proxies connect from (learning.security.client_ip): a request from
# anywhere else is known by its own address, whatever X-Forwarded-For it carries.
BOARDREADY_TRUSTED_PROXY_COUNT = env_int("BOARDREADY_TRUSTED_PROXY_COUNT", 0)
BOARDREADY_TRUSTED_PROXY_NETWORKS = env_list(
    "BOARDREADY_TRUSTED_PROXY_NETWORKS",
    ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
)

# --- Audit log ------------------------------------------------------------------------------
# Entries older than this are deleted by `manage.py prune_security_records` (two years).
BOARDREADY_AUDIT_RETENTION_DAYS = env_int("BOARDREADY_AUDIT_RETENTION_DAYS", 730)
# Accounts whose last board seat ended longer ago than this are erased by the same command
# (through erase_person). Staff, superusers and content editors are never erased this way.
BOARDREADY_SEATLESS_ACCOUNT_DAYS = env_int("BOARDREADY_SEATLESS_ACCOUNT_DAYS", 365)

# --- Privacy notice -----------------------------------------------------------------------
# Who runs this BoardReady (the data controller) and where people send requests about their
# data. Both appear on /privacy/; without them the notice names no one and says to ask the
# facilitator, who can pass a request on.
BOARDREADY_PRIVACY_CONTROLLER = env_str("BOARDREADY_PRIVACY_CONTROLLER", "")
BOARDREADY_PRIVACY_CONTACT = env_str("BOARDREADY_PRIVACY_CONTACT", "")

# --- Sessions ------------------------------------------------------------------------------
BOARDREADY_SESSION_IDLE_SECONDS = 30 * 60
BOARDREADY_SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60
SESSION_COOKIE_AGE = BOARDREADY_SESSION_ABSOLUTE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Request size --------------------------------------------------------------------------
# Form posts (everything but uploaded files) larger than this are refused with a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# Whole request bodies larger than these are refused with a 413 before anything reads them.
BOARDREADY_MAX_REQUEST_BYTES = env_int("BOARDREADY_MAX_REQUEST_BYTES", 2 * 1024 * 1024)
BOARDREADY_MAX_ADMIN_REQUEST_BYTES = env_int("BOARDREADY_MAX_ADMIN_REQUEST_BYTES", 20 * 1024 * 1024)

# --- Content Security Policy (django-csp 4) ------------------------------------------------
# Public pages: scripts and styles only from this site, never inline.
CSP_FRAME_SOURCES = env_list("CSP_FRAME_SOURCES", ["https://www.youtube-nocookie.com"])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin's editors rely on inline scripts and styles, so /admin/ gets its own policy
# (learning.middleware.AdminContentSecurityPolicyMiddleware). Only signed-in, verified editors
# reach it.
BOARDREADY_ADMIN_CSP = {
    "default-src": [SELF],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, *CSP_FRAME_SOURCES],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# The Wagtail admin must not call out to other sites: no update check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
