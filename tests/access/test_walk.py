"""Every page, export and API endpoint, tried by every kind of user (tests/access/matrix.py says what each may see).

The world (cast, records, another county) is built once for the module; each test runs in a transaction of
its own that is rolled back, so a write by one user is never seen by the next.
"""

import io
import json

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from docx import Document
from python_calamine import CalamineWorkbook

from config.api import api

from .matrix import MATRIX, Entry
from .world import CARE_MARKERS, World, build_world

USERS = ("officer", "sibling_officer", "other_officer", "street_admin", "county_admin", "auditor",
         "officer_no_care", "officer_no_reveal", "outsider", "anonymous",
         "system_admin", "security_admin", "audit_admin")
# Pages outside the matrix: Django's admin (system administrators only) and the API's operations, which
# the schema lists (the walk reads them from there, method by method).
NOT_WALKED_NAMESPACES = ("admin",)
SCHEMA_PAGES = ("api:openapi-json", "api:openapi-view")
PUBLIC = ("accounts:login", "accounts:logout", *SCHEMA_PAGES)
WRITE_ANSWERS = (200, 201, 204, 302, 400, 422)
# Members signed in to the member portal (/m/, tests/access/parts/portal.py): not staff users. The member
# pages are walked with them too; member_other (member_a2) gets a 404 for each of member_a1's records.
MEMBERS = ("member_self", "member_other")


def _url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in NOT_WALKED_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and not _serves_files(pattern):
            yield f"{namespace}{pattern.name}" if pattern.name else f"unnamed {pattern.pattern}"


def _serves_files(pattern: URLPattern) -> bool:
    """static() and media patterns (DEBUG only): files, not records of anyone's."""
    prefixes = tuple(p.lstrip("/") for p in (settings.STATIC_URL, settings.MEDIA_URL))
    return str(pattern.pattern).lstrip("^").startswith(prefixes)


def site_routes() -> set[str]:
    """Every URL name under config.urls and every METHOD path of the API schema."""
    pages = {name for name in _url_names(get_resolver().url_patterns)
             if not name.startswith("api:") or name in SCHEMA_PAGES}
    operations = {f"{method.upper()} {path}" for path, ops in api.get_openapi_schema()["paths"].items()
                  for method in ops}
    return pages | operations


def test_every_endpoint_has_an_entry_in_the_matrix():
    routes = site_routes()
    missing = sorted(routes - set(MATRIX))
    stale = sorted(set(MATRIX) - routes)
    assert not missing, f"no entry in tests/access/matrix.py for: {missing}"
    assert not stale, f"matrix entries for routes that no longer exist: {stale}"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    storages = {"default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with (django_db_blocker.unblock(),
          override_settings(STORAGES=storages, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
                            TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}),
          transaction.atomic()):
        yield build_world()
        transaction.set_rollback(True)


def _cases():
    for route, entry in MATRIX.items():
        for who in USERS + (MEMBERS if _is_member_page(entry) else ()):
            marks = [pytest.mark.xfail(strict=True, reason=entry.known[who])] if who in entry.known else []
            yield pytest.param(route, who, id=f"{route}-{who}", marks=marks)


def _url(entry: Entry, world: World) -> str:
    args = entry.args(world)
    url = entry.route.split(" ", 1)[1].format(**args) if entry.is_api else reverse(entry.route, kwargs=args)
    query = entry.query(world)
    return f"{url}?{query}" if query else url


def _requests(entry: Entry) -> list[tuple[str, str]]:
    """(HTTP method, kind) pairs: kind is read, form or write as the matrix says."""
    if entry.is_api:
        method = entry.route.split(" ")[0].lower()
        return [(method, "read" if method == "get" else "write")]
    return [(m, kind) for m, kind in (("get", entry.get), ("post", entry.post)) if kind]


def _send(client, entry: Entry, world: World, method: str):
    url = _url(entry, world)
    if method == "get":
        return client.get(url)
    body = entry.body(world)
    if not entry.is_api or entry.multipart:
        return client.post(url, body)
    return client.generic(method.upper(), url, json.dumps(body), content_type="application/json")


def docx_text(body: bytes) -> str:
    """Every paragraph, table cell and footer of a Word document."""
    document = Document(io.BytesIO(body))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def text_of(response) -> str:
    """What the user is shown: the page, the JSON (Chinese unescaped) or every cell of a spreadsheet."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if "wordprocessingml" in response.get("Content-Type", ""):
        return docx_text(body)
    if body[:2] == b"PK":
        book = CalamineWorkbook.from_filelike(io.BytesIO(body))
        return "\n".join(str(cell) for name in book.sheet_names
                         for row in book.get_sheet_by_name(name).to_python() for cell in row)
    if response.get("Content-Type", "").startswith("application/json") and body:
        return json.dumps(json.loads(body), ensure_ascii=False)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("gb18030", "replace")


def _user(world: World, who: str):
    return None if who == "anonymous" else getattr(world, who)


def _sees(entry: Entry, owner, user) -> bool:
    """The owner's union is the user's or lies beneath it (a list, owner None, is everyone's)."""
    if owner is None:
        return True
    if user.union.tenant_id != owner.tenant_id:
        return False
    return owner.path.startswith(user.union.path) or (entry.seen_below and user.union.path.startswith(owner.path))


def _status_problem(entry: Entry, owner, user, kind: str, status: int) -> str:
    """What is wrong with this status for this user, or ''."""
    if user is None:
        if entry.route in PUBLIC:
            return "" if status < 400 else "the public page refused"
        if entry.is_api:
            return "" if status == 401 else "anonymous must get 401"
        return ""  # a redirect to the login page, checked by the caller
    if entry.duty or user.duty:
        return _duty_problem(entry, owner, user, kind, status)
    if not _sees(entry, owner, user):
        allowed = (404, 422) if entry.body_target else (404,)
        return "" if status in allowed else f"must not see it ({allowed})"
    if entry.care and not user.may_access_care:
        # A care record is hidden from those without the grant: not found, or refused outright.
        return "" if status in (403, 404) else "without the care grant: 403 or 404"
    if not user.can_write and kind in ("form", "write"):
        return "" if status == 403 else "a read-only account's write must be refused with 403"
    if entry.reveal and not user.may_reveal_identity:
        return "" if status == 403 else "without the reveal grant: 403"
    if kind == "write":
        return "" if status in WRITE_ANSWERS else f"the write must answer {WRITE_ANSWERS}"
    return "" if status < 400 else "must answer"


def _duty_problem(entry: Entry, owner, user, kind: str, status: int) -> str:
    """An administrator's page admits its duty alone; an administrator reaches no union's records."""
    if entry.duty and user.duty != entry.duty:
        return "" if status == 403 else f"only the {entry.duty} administrator: 403"
    if entry.duty:
        return "" if status in (WRITE_ANSWERS if kind == "write" else (200, 302)) else "its administrator must get in"
    if owner is not None or kind in ("form", "write"):
        return "" if status in (302, 403, 404) else "an administrator must not reach a union's records"
    # A list or export of union data: an empty answer or a refusal (what it shows is checked apart).
    return "" if status in (200, 302, 400, 403, 404) else "a list must answer, empty"


def _content_problems(world: World, entry: Entry, user, text: str) -> list[str]:
    hidden = []
    if user is not None and user.union is None and entry.duty:
        # An administrator manages accounts (their unions included) but never sees a member or a case.
        hidden += tuple(m for m in world.county_markers() if m != world.union_a1.name)
    elif user is None or user.union is None or user.union.tenant_id != world.county.tenant_id:
        hidden += world.county_markers()
    else:
        if not user.may_reveal_identity:
            hidden += world.reveal_markers()
        if not user.may_access_care:
            hidden += CARE_MARKERS
    return [f"shows {marker!r}" for marker in dict.fromkeys(hidden) if marker in text]


def _is_member_page(entry: Entry) -> bool:
    return entry.route.startswith("m:")


def _member_access(world: World, client, entry: Entry, who: str) -> list[str]:
    """A member page: the member whose record it is answers, another member gets 404, and staff users and
    anonymous visitors (no member signed in) are sent to the member sign-in. No member is ever shown a
    full ID number or phone, nor a care record's text; member_a2 never sees member_a1's name."""
    from gonghui.portal.auth import SESSION_KEY
    from gonghui.portal.models import MemberAccount
    from tests.access.parts.portal import MEMBER_PUBLIC

    member = {"member_self": world.member_a1, "member_other": world.member_a2}.get(who)
    if member is not None:
        session = client.session
        session[SESSION_KEY] = MemberAccount.objects.get(member=member).pk
        session.save()
    elif who != "anonymous":
        client.force_login(_user(world, who))
    problems = []
    for method, kind in _requests(entry):
        response = _send(client, entry, world, method)
        status = response.status_code
        if member is None and entry.route in MEMBER_PUBLIC:
            ok = status < 400 or (kind == "write" and status in WRITE_ANSWERS)
        elif member is None:
            ok = status == 302 and response["Location"].startswith(reverse("m:login"))
        elif who == "member_other" and entry.owner:
            ok = status == 404
        else:
            ok = status in WRITE_ANSWERS if kind == "write" else status < 400
        if not ok:
            problems.append(f"{method.upper()} {status}: not what a {who} must get")
        hidden = (*world.reveal_markers(), *CARE_MARKERS)
        if member is None or who == "member_other":
            hidden += (world.member_a1.name,)
        text = text_of(response)
        problems += [f"{method.upper()} {status}: shows {m!r}" for m in dict.fromkeys(hidden) if m in text]
    return problems


@pytest.mark.parametrize(("route", "who"), list(_cases()))
def test_access(world, client, db, route, who):
    entry = MATRIX[route]
    if _is_member_page(entry):
        problems = _member_access(world, client, entry, who)
        assert not problems, f"{route} as {who}: " + "; ".join(problems)
        return
    user = _user(world, who)
    owner = getattr(world, entry.owner) if entry.owner else None
    if user is not None:
        client.force_login(user)
    problems = []
    for method, kind in _requests(entry):
        response = _send(client, entry, world, method)
        status = response.status_code
        problem = _status_problem(entry, owner, user, kind, status)
        if user is None and not entry.is_api and entry.route not in PUBLIC:
            if not (status == 302 and response["Location"].startswith(reverse("accounts:login"))):
                problem = "anonymous must be sent to the login page"
        if problem:
            problems.append(f"{method.upper()} {status}: {problem}")
        problems += [f"{method.upper()} {status}: {p}" for p in _content_problems(world, entry, user, text_of(response))]
        if user is not None and entry.route == "accounts:logout":
            client.force_login(user)
    assert not problems, f"{route} as {who}: " + "; ".join(problems)


@pytest.mark.parametrize(("route", "marker"), [
    ("members:reveal", lambda w: w.member_a1.id_number),
    ("GET /api/care/funds/{fund_id}", lambda w: "8765.43"),
    ("care:file_detail", lambda w: CARE_MARKERS[0]),
    ("care:files_export", lambda w: w.member_a1.name),
    ("rosters:export_download", lambda w: w.member_a1.name),
    ("GET /api/rights/petitions/{petition_id}", lambda w: "赵敏"),
])
def test_the_walk_finds_what_the_officer_with_both_grants_is_shown(world, client, db, route, marker):
    """The markers and the reading of pages, JSON, spreadsheets and CSV work: the walk's "never shows" can fail."""
    entry = MATRIX[route]
    client.force_login(world.officer)
    method, _ = _requests(entry)[-1]
    assert marker(world) in text_of(_send(client, entry, world, method))
