"""Request-wide rules that no single view should have to remember."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse

UNION_REQUIRED = "此账号不属于任何工会，不能查看或修改工会数据"


class UnionRequiredMiddleware:
    """Union data is for accounts bound to a union: one without (the three administrators, Django's
    system administrators) is refused with 403 everywhere outside its own pages, instead of each view
    meeting a missing union."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.union_id is not None:
            return None
        free = settings.UNION_FREE
        if set(request.resolver_match.namespaces) & set(free["namespaces"]):
            return None
        if request.path.startswith(free["api_prefixes"]):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": UNION_REQUIRED}, status=403)
        raise PermissionDenied(UNION_REQUIRED)
