"""The JSON API: one NinjaAPI, session login, a router per domain app.

Errors come back as {"detail": ..., "errors": {field: [message, ...]}} so a
client can show each message at its field, as the forms do.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI
from ninja.errors import ValidationError as SchemaValidationError
from ninja.security import SessionAuth

from gonghui.accounts.api import router as accounts_router
from gonghui.care.api import router as care_router
from gonghui.checks.api import router as checks_router
from gonghui.competitions.api import router as competitions_router
from gonghui.congress.api import router as congress_router
from gonghui.finance.api import router as finance_router
from gonghui.portal.api import router as portal_router
from gonghui.proposals.api import router as proposals_router
from gonghui.core.errors import schema_error_message, validation_error_dict
from gonghui.core.services import require_writer
from gonghui.ledger.api import router as ledger_router
from gonghui.members.api import router as members_router
from gonghui.org.api import router as org_router
from gonghui.openaffairs.api import router as openaffairs_router
from gonghui.outreach.api import router as outreach_router
from gonghui.plans.api import router as plans_router
from gonghui.reports.api import router as reports_router
from gonghui.rights.api import router as rights_router
from gonghui.rosters.api import router as rosters_router
from gonghui.welfare.api import router as welfare_router

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class SessionLogin(SessionAuth):
    """The session login; a read-only account's write is refused here, before its body is read, so it is
    a 403 whatever the body holds (as the pages' form_page does), never a 422 about its shape."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is not None and request.method not in SAFE_METHODS:
            require_writer(user)
        return user


api = NinjaAPI(title="工会工作台 API", version="1", auth=SessionLogin(), urls_namespace="api")


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return api.create_response(request, {"detail": "输入有误", "errors": validation_error_dict(exc)}, status=422)


@api.exception_handler(SchemaValidationError)
def on_schema_error(request, exc):
    errors: dict[str, list[str]] = {}
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "payload", "query", "path")]
        errors.setdefault(".".join(loc) or "__all__", []).append(schema_error_message(err))
    return api.create_response(request, {"detail": "输入有误", "errors": errors}, status=422)


@api.exception_handler(MultiPartParserError)
def on_bad_multipart(request, exc):
    # A body that says multipart but is not: the client's mistake, told as such rather than a server error.
    return api.create_response(request, {"detail": "请求体不是有效的 multipart/form-data"}, status=400)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": "记录不存在"}, status=404)


@api.exception_handler(PermissionDenied)
def on_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "没有权限"}, status=403)


api.add_router("/accounts", accounts_router)
api.add_router("/org", org_router)
api.add_router("/members", members_router)
api.add_router("/rosters", rosters_router)
api.add_router("/plans", plans_router)
api.add_router("/ledger", ledger_router)
api.add_router("/care", care_router)
api.add_router("/rights", rights_router)
api.add_router("/welfare", welfare_router)
api.add_router("/outreach", outreach_router)
api.add_router("/openaffairs", openaffairs_router)
api.add_router("/congress", congress_router)
api.add_router("/proposals", proposals_router)
api.add_router("/checks", checks_router)
api.add_router("/competitions", competitions_router)
api.add_router("/finance", finance_router)
api.add_router("/portal", portal_router)
api.add_router("/reports", reports_router)
