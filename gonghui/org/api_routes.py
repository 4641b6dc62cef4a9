"""The API's one-call routes about a record that the URL names by id, declared once per record type.

A record type's read, create-at-a-union, add-below-it, update and delete were each a three-line function in
every app; `RecordRoutes` writes them from the record's selector and services. It lives in org because a create
finds its union here (`union_get`); the apps above org use it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gonghui.core.api import created, deleted, route_named, route_params

from .selectors import union_get


@dataclass(frozen=True)
class RecordRoutes:
    """The routes about one record type at `/<plural>/{<key>}`: read it, create one at a union, add a record
    below it, take a step on it, update it, delete it. Each is registered where the app calls it (routes match in
    the order they are registered) under the app's module and the names it had, so operation ids, paths and
    parameters stay the same.

    `find(user=, pk=)` is the app's selector (a record out of reach is a 404), `record` the keyword its
    services take the record by, `data(request, payload)` the payload as those services take it. `key_type` is
    the key's type (int, or core.api.RecordId where the app bounds it) and `body` the payload's parameter name,
    which a refused field is reported under (`data.name`; `payload` is left out).
    """

    router: Any
    module: str
    name: str
    plural: str
    key: str = ""  # and `find`: not needed where the record type is only created
    find: Callable[..., Any] | None = None
    record: str = ""
    data: Callable[[Any, Any], dict] = lambda request, payload: payload.dict()
    key_type: Any = int
    body: str = "payload"

    def _found(self, request, params: dict):
        return self.find(user=request.user, pk=params[self.key])

    def _path(self, rest: str = "") -> str:
        # No plural: the router's records sit at its root (`/plans/{plan_id}`).
        return f"/{self.plural}/{{{self.key}}}{rest}" if self.plural else f"/{{{self.key}}}{rest}"

    def _params(self, payload=None):
        keyed = {self.key: self.key_type}
        return route_params(**keyed, **{self.body: payload}) if payload else route_params(**keyed)

    def get(self, out, *, summary: str | None = None, show: Callable[[Any, Any], Any] | None = None) -> None:
        """GET /<plural>/{<key>}; `show(request, record)` when reading it does more than return it (a log)."""
        def read(request, **params):
            record = self._found(request, params)
            return show(request, record) if show else record

        read = route_named(read, self.module, f"get_{self.name}", self._params())
        self.router.get(self._path(), response=out, summary=summary)(read)

    def create(self, service: Callable[..., Any], out, payload, *, summary: str | None = None) -> None:
        """POST /unions/{union_id}/<plural>: the service's record at a union the user reaches, answered 201."""
        def create(request, union_id: int, **params):
            union = union_get(user=request.user, pk=union_id)
            return created(request, service, union=union, **self.data(request, params[self.body]))

        create = route_named(create, self.module, f"create_{self.name}",
                             route_params(union_id=self.key_type, **{self.body: payload}))
        self.router.post(f"/unions/{{union_id}}/{self.plural}", response={201: out}, summary=summary)(create)

    def add(self, below: str, service: Callable[..., Any], out, payload, *, name: str,
            summary: str | None = None) -> None:
        """POST /<plural>/{<key>}/<below>: the service's new record below this one, answered 201."""
        def add(request, **params):
            record = self._found(request, params)
            return created(request, service, **{self.record: record}, **self.data(request, params[self.body]))

        add = route_named(add, self.module, name, self._params(payload))
        self.router.post(self._path(f"/{below}"), response={201: out}, summary=summary)(add)

    def act(self, verb: str, service: Callable[..., Any], out, payload=None, *, name: str,
            summary: str | None = None) -> None:
        """POST /<plural>/{<key>}/<verb>: the service's step on the record, with the payload's fields if any."""
        def act(request, **params):
            fields = self.data(request, params[self.body]) if payload else {}
            return service(actor=request.user, **{self.record: self._found(request, params)}, **fields)

        act = route_named(act, self.module, name, self._params(payload))
        self.router.post(self._path(f"/{verb}"), response=out, summary=summary)(act)

    def update(self, service: Callable[..., Any], out, payload, *, summary: str | None = None,
               method: str = "put") -> None:
        """PUT (or, where an app had it so, POST) /<plural>/{<key>}: the service's update of the record with the
        payload's fields."""
        def update(request, **params):
            record = self._found(request, params)
            return service(actor=request.user, **{self.record: record}, **self.data(request, params[self.body]))

        update = route_named(update, self.module, f"update_{self.name}", self._params(payload))
        self.router.api_operation([method.upper()], self._path(), response=out, summary=summary)(update)

    def delete(self, service: Callable[..., Any], *, summary: str | None = None) -> None:
        """DELETE /<plural>/{<key>}: answered 204."""
        def delete(request, **params):
            return deleted(request, service, **{self.record: self._found(request, params)})

        delete = route_named(delete, self.module, f"delete_{self.name}", self._params())
        self.router.delete(self._path(), response={204: None}, summary=summary)(delete)
