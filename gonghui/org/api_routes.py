"""The API's one-call routes about a record that the URL names by id, declared once per record type.

A record type's read, create-at-a-union, update and delete were each a three-line function in every app;
`RecordRoutes` writes them from the record's selector and services. It lives in org because a create finds
its union here (`union_get`); the apps above org use it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gonghui.core.api import created, deleted, route_named, route_params

from .selectors import union_get


@dataclass(frozen=True)
class RecordRoutes:
    """The routes about one record type at `/<plural>/{<key>}`: read it, create one at a union, update it,
    delete it. Each is registered where the app calls it (routes match in the order they are registered)
    under the app's module and the names it had, so operation ids, paths and parameters stay the same.

    `find(user=, pk=)` is the app's selector (a record out of reach is a 404), `record` the keyword its
    services take the record by, `data(request, payload)` the payload as those services take it.
    """

    router: Any
    module: str
    name: str
    plural: str
    key: str
    find: Callable[..., Any]
    record: str = ""
    data: Callable[[Any, Any], dict] = lambda request, payload: payload.dict()

    def _found(self, request, path: dict):
        return self.find(user=request.user, pk=path[self.key])

    def get(self, out, *, summary: str | None = None, show: Callable[[Any, Any], Any] | None = None) -> None:
        """GET /<plural>/{<key>}; `show(request, record)` when reading it does more than return it (a log)."""
        def read(request, **path):
            record = self._found(request, path)
            return show(request, record) if show else record

        read = route_named(read, self.module, f"get_{self.name}", route_params(**{self.key: int}))
        self.router.get(f"/{self.plural}/{{{self.key}}}", response=out, summary=summary)(read)

    def create(self, service: Callable[..., Any], out, payload, *, summary: str | None = None) -> None:
        """POST /unions/{union_id}/<plural>: the service's record at a union the user reaches, answered 201."""
        def create(request, union_id: int, payload):
            union = union_get(user=request.user, pk=union_id)
            return created(request, service, union=union, **self.data(request, payload))

        create = route_named(create, self.module, f"create_{self.name}", route_params(union_id=int, payload=payload))
        self.router.post(f"/unions/{{union_id}}/{self.plural}", response={201: out}, summary=summary)(create)

    def update(self, service: Callable[..., Any], out, payload, *, summary: str | None = None) -> None:
        """PUT /<plural>/{<key>}: the service's update of the record with the payload's fields."""
        def update(request, payload, **path):
            record = self._found(request, path)
            return service(actor=request.user, **{self.record: record}, **self.data(request, payload))

        update = route_named(update, self.module, f"update_{self.name}",
                             route_params(**{self.key: int}, payload=payload))
        self.router.put(f"/{self.plural}/{{{self.key}}}", response=out, summary=summary)(update)

    def delete(self, service: Callable[..., Any], *, summary: str | None = None) -> None:
        """DELETE /<plural>/{<key>}: answered 204."""
        def delete(request, **path):
            return deleted(request, service, **{self.record: self._found(request, path)})

        delete = route_named(delete, self.module, f"delete_{self.name}", route_params(**{self.key: int}))
        self.router.delete(f"/{self.plural}/{{{self.key}}}", response={204: None}, summary=summary)(delete)

