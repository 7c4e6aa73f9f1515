"""The rate governor: requests wait for their endpoint's budget instead of being refused with 429.

On by default at Manus's documented limits (manus-api.md §6.1.3), in-process; shared through Redis with
``RateLimits(redis_url=...)`` (the ``redis`` extra). ``_limits`` holds the numbers and the setting,
``_schedule`` the in-process moving window, ``_shared`` the Redis budget and its fallback, ``_governor``
the FIFO waiting and the hooks the clients call.

>>> from manus_openai import RateLimits
>>> RateLimits().limit("task.create")
10
"""

from ._governor import Governor, governor_for, request_body, response_endpoint
from ._limits import DOCUMENTED_LIMITS, RateLimits, RateLimitsSetting, endpoint_for

__all__ = [
    "DOCUMENTED_LIMITS",
    "Governor",
    "RateLimits",
    "RateLimitsSetting",
    "endpoint_for",
    "governor_for",
    "request_body",
    "response_endpoint",
]
