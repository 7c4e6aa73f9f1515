"""1. Client overhead per call: ``ManusOpenAI`` vs a plain ``openai.OpenAI`` set up as seed 000 shows.

Both clients talk to the same ``httpx.MockTransport``, which answers with identical canned Manus JSON
(a ``running`` response for ``POST /v1/responses``, a ``completed`` one with a two-message conversation
for ``GET /v1/responses/{id}``), so the only difference measured is the client-side work: building the
request, the adapter's hooks, parsing. One call = ``create`` + ``retrieve``. Rounds interleave the two
clients (alternating which goes first) and the ratio is taken between per-round medians. The Manus client
runs ``responses_backend="v1"``: only then do both send the same requests (the v2 backend's reads are
``task.detail`` + ``task.listMessages``, which a plain OpenAI client has no counterpart for).
"""

from __future__ import annotations

import json
import time

import httpx
import openai

from manus_openai import ManusOpenAI, RateLimits

from ._common import Report, check, median, ms

TASK_ID = "a5ej4FnVPLP8Vjvb6FoeAu"
SKY = [{"role": "user", "content": [{"type": "input_text", "text": "What's the color of the sky?"}]}]
EXTRA = {"task_mode": "agent", "agent_profile": "quality"}
METADATA = {"task_title": "Color of the sky", "task_url": f"https://manus.im/app/{TASK_ID}", "credit_usage": "12"}


def _message(mid: str, role: str, text: str) -> dict[str, object]:
    return {
        "id": mid,
        "status": "completed",
        "role": role,
        "type": "message",
        "content": [{"type": "output_text", "text": text}],
    }


CREATED = json.dumps(
    {
        "id": TASK_ID,
        "object": "response",
        "status": "running",
        "model": "manus-agent-quality",
        "createdAt": "1760348691",
        "metadata": METADATA,
        "output": [_message("jxdOzAoH8RxKi45YJvww2a", "user", "What's the color of the sky?")],
    }
).encode()
RETRIEVED = json.dumps(
    {
        "id": TASK_ID,
        "object": "response",
        "status": "completed",
        "model": "manus-agent-quality",
        "createdAt": "1760348691",
        "metadata": METADATA,
        "output": [
            _message("jxdOzAoH8RxKi45YJvww2a", "user", "What's the color of the sky?"),
            _message("lJLNeZP1bnHE0YsAPq3Vzd", "assistant", "The sky is blue on a clear day. " * 8),
        ],
    }
).encode()


def _handler(request: httpx.Request) -> httpx.Response:
    body = CREATED if request.method == "POST" else RETRIEVED
    return httpx.Response(200, content=body, headers={"content-type": "application/json"})


def _transport() -> httpx.MockTransport:
    return httpx.MockTransport(_handler)


def run(quick: bool) -> Report:
    report = Report("overhead", "1. client overhead")
    transport = _transport()  # one transport object, shared by both clients
    base_url = "https://api.manus.ai/v1"
    plain = openai.OpenAI(
        base_url=base_url,
        api_key="**",  # seed 000: any placeholder
        default_headers={"API_KEY": "bench-key"},
        http_client=httpx.Client(transport=transport),
    )
    # The governor's code path is measured (limits high enough that it never has to wait).
    unlimited = RateLimits(account="overhead-bench", per_minute={"task.create": 10**9, "task.detail": 10**9})
    manus = ManusOpenAI(
        api_key="bench-key",
        base_url=base_url,
        http_client=httpx.Client(transport=transport),
        rate_limits=unlimited,
        responses_backend="v1",  # the same two /v1/responses requests as the plain client (v2 sends others)
    )

    def plain_call() -> None:
        created = plain.responses.create(input=SKY, extra_body=EXTRA)  # type: ignore[arg-type]  # seed 000's call
        plain.responses.retrieve(response_id=created.id)

    def manus_call() -> None:
        # The OpenAI view's background create + retrieve: the same two requests as the plain client's.
        created = manus.responses.create(input=SKY, task_mode="agent", agent_profile="quality", background=True)  # type: ignore[arg-type]  # the seed's input list
        manus.responses.retrieve(created.id)

    # Warm up both (first calls import lazily-loaded SDK modules and build pydantic validators).
    for _ in range(30):
        plain_call()
        manus_call()

    rounds, per_round = (15, 20) if quick else (41, 40)
    plain_times: list[float] = []
    manus_times: list[float] = []
    for r in range(rounds):
        order = ((plain_call, plain_times), (manus_call, manus_times))
        for func, sink in order if r % 2 == 0 else order[::-1]:
            samples = []
            for _ in range(per_round):
                start = time.perf_counter()
                func()
                samples.append(time.perf_counter() - start)
            sink.append(median(samples))
    plain_med = median(plain_times)
    manus_med = median(manus_times)
    ratio = manus_med / plain_med
    report.add("plain openai.OpenAI, create+retrieve", ms(plain_med) + " / call")
    report.add("ManusOpenAI, create+retrieve", ms(manus_med) + " / call")
    report.add("ratio ManusOpenAI / plain", f"{ratio:.3f}", "<= 1.03", check(ratio <= 1.03))
    report.note(
        f"{rounds} interleaved rounds x {per_round} calls, median of per-round medians; "
        "same httpx.MockTransport and identical canned bodies for both clients."
    )
    if ratio > 1.03:
        report.note(_profile_hint(manus_call, plain_call))
    plain.close()
    manus.close()
    return report


def _profile_hint(manus_call: object, plain_call: object) -> str:
    """The functions where the Manus client spends the most extra time (cProfile, tottime)."""
    import cProfile
    import pstats

    def top(func: object) -> dict[str, float]:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(200):
            func()  # type: ignore[operator]  # a zero-argument callable
        profiler.disable()
        stats = pstats.Stats(profiler)
        out: dict[str, float] = {}
        for (filename, line, name), row in stats.stats.items():  # type: ignore[attr-defined]  # pstats internals
            out[f"{filename.split('site-packages/')[-1].split('/main/')[-1]}:{line}({name})"] = row[2] / 200
        return out

    manus_profile = top(manus_call)
    plain_profile = top(plain_call)
    extra = {k: v - plain_profile.get(k, 0.0) for k, v in manus_profile.items()}
    worst = sorted(extra.items(), key=lambda kv: -kv[1])[:6]
    return "extra own time per call, by function (cProfile tottime): " + "; ".join(
        f"{name} +{ms(delta)}" for name, delta in worst
    )
