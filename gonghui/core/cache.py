"""Production's cache without Redis: files on the host, shared by every gunicorn worker of the machine.

Django's FileBasedCache lists its whole directory on every `set` to decide whether to cull; with the
figure cache's tens of thousands of entries that listing costs more than the figure it keeps. Culling
once a minute per process keeps the directory near MAX_ENTRIES all the same.
"""

import time

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY_SECONDS = 60


class SharedFileCache(FileBasedCache):
    _culled_at = 0.0

    def _cull(self):
        now = time.monotonic()
        if now - self._culled_at >= CULL_EVERY_SECONDS:
            self._culled_at = now
            super()._cull()
