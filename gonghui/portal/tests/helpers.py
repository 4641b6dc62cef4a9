from django.utils import timezone

from gonghui.portal import services
from gonghui.portal.auth import SESSION_KEY


def signed_in(client, member, *, consent: bool = True):
    """The client signed in to the portal as the member (as the code sign-in leaves the session)."""
    account = services.account_open(member=member)
    if consent and account.consented_at is None:
        services.account_consent(account=account)
    session = client.session
    session[SESSION_KEY] = account.pk
    session.save()
    return client


def offer(cast, *, union=None, capacity=2, days=7, **kw):
    union = union or cast.union_a1
    today = timezone.localdate()
    return services.offer_create(actor=cast.officer if union == cast.union_a1 else cast.county_admin, union=union,
                                 kind="culture_sports", title=kw.pop("title", "职工篮球赛"),
                                 held_on=today + timezone.timedelta(days=days), capacity=capacity,
                                 deadline=timezone.now() + timezone.timedelta(days=days - 1), **kw)
