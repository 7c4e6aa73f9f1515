"""Run the Manus AI agent through the official OpenAI Python SDK.

Example::

    from manus_openai import ManusOpenAI

    client = ManusOpenAI()  # MANUS_API_KEY
    done = client.responses.create_and_wait(input="What's the colour of the sky?", task_mode="agent")
    print(done.output_text, [f.file_name for f in done.output_files])
"""

from . import inputs
from ._client import DEFAULT_BASE_URL, AsyncManusOpenAI, ManusOpenAI
from ._options import AGENT_PROFILES, TASK_MODES
from ._version import __version__
from .errors import (
    CreditLimitExceededError,
    ManusError,
    StreamingNotSupportedError,
    UnsupportedEndpointError,
    WaitTimeout,
)
from .helpers import async_wait_for_response, manus_client_options, manus_extra_body, wait_for_response
from .types import AgentProfile, ManusResponse, OutputFile, TaskMode

__all__ = [
    "AGENT_PROFILES",
    "DEFAULT_BASE_URL",
    "TASK_MODES",
    "AgentProfile",
    "AsyncManusOpenAI",
    "CreditLimitExceededError",
    "ManusError",
    "ManusOpenAI",
    "ManusResponse",
    "OutputFile",
    "StreamingNotSupportedError",
    "TaskMode",
    "UnsupportedEndpointError",
    "WaitTimeout",
    "__version__",
    "async_wait_for_response",
    "inputs",
    "manus_client_options",
    "manus_extra_body",
    "wait_for_response",
]
