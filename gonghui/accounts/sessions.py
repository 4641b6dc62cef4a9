"""Idle sessions expire, with the session row written at most once a minute rather than on every request.

Django's SESSION_SAVE_EVERY_REQUEST pushes the expiry forward by writing the row on each request: an
UPDATE and a commit (a WAL flush) for every page, however little it reads (issue 11). This middleware
pushes it only when the last push is SESSION_REFRESH_SECONDS old or more, so an unused session expires
between SESSION_COOKIE_AGE − SESSION_REFRESH_SECONDS and SESSION_COOKIE_AGE after its last request:
never later than the idle limit.
"""

import time

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware

REFRESHED = "_idle_refreshed_at"


class IdleSessionMiddleware(SessionMiddleware):
    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get(REFRESHED, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[REFRESHED] = now  # marks the session modified: Django saves it with a new expiry
        return super().process_response(request, response)
