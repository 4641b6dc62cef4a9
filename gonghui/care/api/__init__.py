"""The JSON API of member services, under /api/care/, one router per section.

Hardship files, aid and fund payouts need the user's care grant (403 without); so do fund balances and
medical-aid claim notes, which are left out (null) without it.
"""

from ninja import Router

from . import funds, hardship, medical, statistics, visits

router = Router(tags=["care"])
for section in (hardship, funds, visits, medical, statistics):
    router.add_router("", section.router)
