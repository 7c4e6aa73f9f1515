"""The v1 error shape (manus-api.md §4.10): ``{"code": <grpc code>, "message": ..., "details": []}``."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "CODE_INTERNAL",
    "CODE_INVALID_ARGUMENT",
    "CODE_NOT_FOUND",
    "CODE_RESOURCE_EXHAUSTED",
    "CODE_UNAUTHENTICATED",
    "CODE_UNAVAILABLE",
    "CODE_UNIMPLEMENTED",
    "ApiError",
    "error_body",
]

CODE_INVALID_ARGUMENT = 3
CODE_NOT_FOUND = 5
CODE_RESOURCE_EXHAUSTED = 8
CODE_UNIMPLEMENTED = 12
CODE_INTERNAL = 13
CODE_UNAVAILABLE = 14
CODE_UNAUTHENTICATED = 16


def error_body(code: int, message: str) -> dict[str, object]:
    return {"code": code, "message": message, "details": []}


class ApiError(Exception):
    """Raised by the engine and the routes; rendered as a v1 error response."""

    def __init__(self, status: int, code: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})

    @classmethod
    def invalid(cls, field: str, problem: str) -> ApiError:
        """A 400 whose message starts with the offending field name."""
        return cls(400, CODE_INVALID_ARGUMENT, f"{field}: {problem}")

    @classmethod
    def not_found(cls, message: str) -> ApiError:
        return cls(404, CODE_NOT_FOUND, message)

    def body(self) -> dict[str, object]:
        return error_body(self.code, self.message)
