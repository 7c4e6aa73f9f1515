"""Run the Manus AI agent through the official OpenAI Python SDK.

Example::

    from manus_openai import ManusOpenAI

    client = ManusOpenAI()  # MANUS_API_KEY
    done = client.responses.create_and_wait(input="What's the colour of the sky?", task_mode="agent")
    print(done.output_text, [f.file_name for f in done.output_files])
"""

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    CreditLimitExceededError,
    ManusError,
    RateLimitWaitTimeout,
    StreamingNotSupportedError,
    UnsupportedEndpointError,
    UnsupportedOptionError,
    WaitTimeout,
)

if TYPE_CHECKING:
    from . import inputs
    from ._client import DEFAULT_BASE_URL, AsyncManusOpenAI, ManusOpenAI
    from ._governor import DOCUMENTED_LIMITS, RateLimits
    from ._options import AGENT_PROFILES, TASK_MODES
    from .helpers import async_wait_for_response, manus_client_options, manus_extra_body, wait_for_response
    from .types import AgentProfile, ManusResponse, OutputFile, TaskMode

# Loaded on first use, so `import manus_openai` costs little more than `import openai` (the SDK's own
# resources and response types load when a client is built, as they do for openai.OpenAI).
_LAZY = {
    "inputs": ".inputs",
    "DEFAULT_BASE_URL": "._client",
    "AsyncManusOpenAI": "._client",
    "ManusOpenAI": "._client",
    "DOCUMENTED_LIMITS": "._governor",
    "RateLimits": "._governor",
    "AGENT_PROFILES": "._options",
    "TASK_MODES": "._options",
    "AgentProfile": "._options",
    "TaskMode": "._options",
    "async_wait_for_response": ".helpers",
    "manus_client_options": ".helpers",
    "manus_extra_body": ".helpers",
    "wait_for_response": ".helpers",
    "ManusResponse": ".types.response",
    "OutputFile": ".types.output_file",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'manus_openai' has no attribute {name!r}")
    import importlib

    loaded = importlib.import_module(module, __name__)
    value = loaded if name == "inputs" else getattr(loaded, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "AGENT_PROFILES",
    "DEFAULT_BASE_URL",
    "DOCUMENTED_LIMITS",
    "TASK_MODES",
    "AgentProfile",
    "AsyncManusOpenAI",
    "CreditLimitExceededError",
    "ManusError",
    "ManusOpenAI",
    "ManusResponse",
    "OutputFile",
    "RateLimitWaitTimeout",
    "RateLimits",
    "StreamingNotSupportedError",
    "TaskMode",
    "UnsupportedEndpointError",
    "UnsupportedOptionError",
    "WaitTimeout",
    "__version__",
    "async_wait_for_response",
    "inputs",
    "manus_client_options",
    "manus_extra_body",
    "wait_for_response",
]
