"""The address a login comes from, for django-axes (AXES_CLIENT_IP_CALLABLE).

Behind reverse proxies REMOTE_ADDR is the nearest proxy, and locking by address would lock
everyone at once. With AXES_IPWARE_PROXY_COUNT = N proxies, each appending the address it saw to
X-Forwarded-For, the client is the Nth entry from the right: the outermost proxy wrote it, and
whatever stands left of it the client may have typed itself.
"""

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.AXES_IPWARE_PROXY_COUNT or 0
    if proxies <= 0:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote
