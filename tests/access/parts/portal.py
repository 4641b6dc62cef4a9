"""The member portal in the access walk. Its member pages (/m/, namespace "m") are walked with two members
signed in to the portal besides the cast (test_walk.MEMBERS): member_a1, whose records these are, and
member_a2 of union_a2, for whom each of them is a 404; staff users and anonymous visitors are sent to the
member sign-in. Its union pages (/portal/) are walked as any other app's."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gonghui.openaffairs import services as openaffairs
from gonghui.openaffairs.models import PostingCategory
from gonghui.portal import services

from ..matrix import DAY, Entry, api, button, form, page, pk, union_pk

A1 = "union_a1"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# The member pages anyone may open: the sign-in, the code, an activation link, the manifest, signing out.
MEMBER_PUBLIC = ("m:login", "m:code", "m:activate", "m:manifest", "m:logout", "m:join")


def build(world) -> dict:
    officer, a1, now = world.officer, world.union_a1, timezone.now()
    for member in (world.member_a1, world.member_a2):
        services.account_consent(account=services.account_open(member=member))
    offer = services.offer_create(actor=officer, union=a1, kind="culture_sports", title="职工篮球赛",
                                  held_on=timezone.localdate() + timedelta(days=10), capacity=20,
                                  deadline=now + timedelta(days=9))
    signup = services.signup_create(member=world.member_a1, offer=offer)
    aid = services.aid_request_create(member=world.member_a1, kind="schooling", note="孩子今年考上大学",
                                      student_name="张小明", school_level="university",
                                      documents=[SimpleUploadedFile("录取通知书.png", PNG)])
    ask = services.transfer_ask_create(member=world.member_a1, to_union=world.union_a2, reason="调到甲二中学工作")
    account = services.account_close_request(account=world.member_a1.portal_account)
    posting = openaffairs.posting_create(actor=officer, union=a1, category=PostingCategory.WELFARE, title="职工福利发放公开",
                                         content="中秋福利发放标准", starts_on=timezone.localdate(),
                                         ends_on=timezone.localdate() + timedelta(days=30))
    openaffairs.posting_approve(actor=world.street_admin, posting=posting)
    join = services.join_request_create(street=world.street_a, name="赵小红", phone="13700001111",
                                        employer="甲街道未建会企业", address="10.1.1.1")
    return {"portal_join": join, "portal_offer": offer, "portal_signup": signup, "portal_aid": aid, "portal_ask": ask,
            "portal_account": account, "portal_posting": posting,
            "portal_document": aid.documents.get()}


def member_page(route, args=None, owner=None, **kw) -> Entry:
    """A member page: owner "member_a1" when it shows one of that member's records (another member: 404)."""
    return Entry(route, args or (lambda w: {}), owner, **kw)


MEMBER = "member_a1"
WRITE = {"get": None, "post": "write"}
FORM = {"get": "read", "post": "write"}

PAGES = [
    # the member's pages
    member_page("m:login", **FORM),
    member_page("m:code", **FORM),
    member_page("m:activate", lambda w: {"token": "not-a-token"}, **FORM),
    member_page("m:logout", **WRITE),
    member_page("m:manifest"),
    member_page("m:consent", **FORM),
    member_page("m:home"),
    member_page("m:me"),
    member_page("m:data"),
    member_page("m:data_xlsx"),
    member_page("m:close", **FORM),
    member_page("m:offers"),
    member_page("m:offer", pk("portal_offer"), MEMBER, **FORM),
    member_page("m:signup_cancel", pk("portal_signup"), MEMBER, **WRITE),
    member_page("m:aid_list"),
    member_page("m:aid_create", **FORM),
    member_page("m:aid", pk("portal_aid"), MEMBER),
    member_page("m:aid_document", lambda w: {"pk": w.portal_aid.pk, "doc": w.portal_document.pk}, MEMBER),
    member_page("m:postings"),
    member_page("m:posting", pk("portal_posting"), MEMBER, **FORM),
    member_page("m:transfer", **FORM),
    member_page("m:join", **FORM),
    # the union's pages
    page("portal:index"),
    page("portal:offers"),
    form("portal:offer_create", union_pk()),
    page("portal:offer", pk("portal_offer"), A1),
    button("portal:offer_record", pk("portal_offer")),
    page("portal:aid_requests", care=True),
    page("portal:aid_request", pk("portal_aid"), A1, care=True),
    form("portal:aid_accept", pk("portal_aid"), care=True),
    form("portal:aid_decline", pk("portal_aid"), care=True),
    page("portal:aid_document", lambda w: {"pk": w.portal_aid.pk, "doc": w.portal_document.pk}, A1, care=True),
    page("portal:transfer_asks"),
    form("portal:transfer_accept", pk("portal_ask")),
    button("portal:transfer_decline", pk("portal_ask")),
    page("portal:joins"),
    form("portal:join_assign", pk("portal_join"), "street_a"),
    page("portal:closures"),
    button("portal:closure_close", pk("portal_account")),
    form("portal:activation", pk("member_a1")),
]

API = [
    api("GET /api/portal/offers"),
    api("POST /api/portal/unions/{union_id}/offers", lambda w: {"union_id": w.union_a1.pk}, A1, body=lambda w: {
        "kind": "culture_sports", "title": "篮球赛", "held_on": DAY, "capacity": 0, "deadline": f"{DAY}T10:00:00"}),
    api("GET /api/portal/offers/{offer_id}/signups", lambda w: {"offer_id": w.portal_offer.pk}, A1),
    api("GET /api/portal/aid-requests", care=True),
    api("GET /api/portal/transfer-asks"),
]
