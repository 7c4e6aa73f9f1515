"""Errors of both surfaces: one exception, rendered in the shape of the surface that was called.

v1 (manus-api.md §4.10): ``{"code": <grpc code>, "message": ..., "details": []}``.
v2 (§6.1.1, §6.1.4): ``{"ok": false, "request_id": ..., "error": {"code": <string>, "message": ...}}``;
the string code is the gRPC code's canonical lower-case name (``invalid_argument``,
``not_found``, ``unauthenticated``, ``permission_denied``...) unless the raiser names one
(``rate_limited``, ``QuotaExceededError``). Undocumented v2 codes chosen here: ``not_found`` (404)
for unknown ids, ``resource_exhausted`` (429) for the credit limit, ``internal`` (500),
``unavailable`` (503), ``failed_precondition`` (409) for a call the task's state does not allow.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "CODE_FAILED_PRECONDITION",
    "CODE_INTERNAL",
    "CODE_INVALID_ARGUMENT",
    "CODE_NOT_FOUND",
    "CODE_PERMISSION_DENIED",
    "CODE_RESOURCE_EXHAUSTED",
    "CODE_UNAUTHENTICATED",
    "CODE_UNAVAILABLE",
    "CODE_UNIMPLEMENTED",
    "ApiError",
    "error_body",
    "v2_code",
    "v2_error_body",
]

CODE_INVALID_ARGUMENT = 3
CODE_NOT_FOUND = 5
CODE_PERMISSION_DENIED = 7
CODE_RESOURCE_EXHAUSTED = 8
CODE_FAILED_PRECONDITION = 9
CODE_UNIMPLEMENTED = 12
CODE_INTERNAL = 13
CODE_UNAVAILABLE = 14
CODE_UNAUTHENTICATED = 16


V2_CODES = {
    3: "invalid_argument",
    5: "not_found",
    7: "permission_denied",
    8: "resource_exhausted",
    9: "failed_precondition",
    12: "unimplemented",
    13: "internal",
    14: "unavailable",
    16: "unauthenticated",
}


def error_body(code: int, message: str) -> dict[str, object]:
    """The v1 error body."""
    return {"code": code, "message": message, "details": []}


def v2_code(code: int | None, status: int) -> str:
    """The v2 string code for a gRPC code (``http_<status>`` when there is none)."""
    return V2_CODES.get(code, f"http_{status}") if code is not None else f"http_{status}"


def v2_error_body(code: str, message: str, request_id: str) -> dict[str, object]:
    """The v2 failure envelope."""
    return {"ok": False, "request_id": request_id, "error": {"code": code, "message": message}}


class ApiError(Exception):
    """Raised by the engine and the routes; rendered as a v1 error response."""

    def __init__(
        self,
        status: int,
        code: int,
        message: str,
        headers: Mapping[str, str] | None = None,
        *,
        v2: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})
        self.v2 = v2 or v2_code(code, status)

    @classmethod
    def invalid(cls, field: str, problem: str) -> ApiError:
        """A 400 whose message starts with the offending field name."""
        return cls(400, CODE_INVALID_ARGUMENT, f"{field}: {problem}")

    @classmethod
    def not_found(cls, message: str) -> ApiError:
        return cls(404, CODE_NOT_FOUND, message)

    @classmethod
    def denied(cls, message: str) -> ApiError:
        """A 403 ``permission_denied``."""
        return cls(403, CODE_PERMISSION_DENIED, message)

    @classmethod
    def precondition(cls, message: str) -> ApiError:
        """A 409 ``failed_precondition``: the task's state does not allow the call."""
        return cls(409, CODE_FAILED_PRECONDITION, message)

    def body(self) -> dict[str, object]:
        """The v1 body."""
        return error_body(self.code, self.message)

    def v2_body(self, request_id: str) -> dict[str, object]:
        """The v2 body."""
        return v2_error_body(self.v2, self.message, request_id)
