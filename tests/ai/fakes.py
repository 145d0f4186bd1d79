"""Real HTTP servers on 127.0.0.1 that answer like Gemini and like an OpenAI-compatible
chat-completions server, from a script of replies, so the real SDKs talk to them."""

import base64
import io
import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A client that hung up (the point of the cancel tests) is not an error here."""


@dataclass
class Reply:
    status: int = 200
    body: dict | str = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer starts


@dataclass
class Events:
    """Server-sent events, `gap` seconds apart; `cut_after` drops the connection after that
    many events, in the middle of the chunked body; `done` ends with `data: [DONE]`."""

    events: list
    gap: float = 0.0
    cut_after: int | None = None
    done: bool = False


@dataclass
class Seen:
    method: str
    path: str
    headers: dict
    body: dict


class FakeServer:
    def __init__(self):
        self.replies: deque = deque()
        self.requests: list[Seen] = []
        self.closed_early = threading.Event()  # a client hung up while events were streaming
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                fake.requests.append(
                    Seen(
                        "POST",
                        self.path,
                        {k.lower(): v for k, v in self.headers.items()},
                        json.loads(raw or b"{}"),
                    )
                )
                reply = fake.replies.popleft() if fake.replies else Reply(599, "no reply scripted")
                try:
                    if isinstance(reply, Events):
                        fake._events(self, reply)
                    else:
                        time.sleep(reply.delay)
                        fake._plain(self, reply)
                except (BrokenPipeError, ConnectionResetError):
                    fake.closed_early.set()

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def reply(self, *replies) -> None:
        self.replies.extend(replies)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @staticmethod
    def _plain(handler, reply: Reply) -> None:
        data = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
        payload = data.encode()
        handler.send_response(reply.status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)

    @staticmethod
    def _events(handler, reply: Events) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()

        def chunk(text: str) -> None:
            data = text.encode()
            handler.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            handler.wfile.flush()

        for index, event in enumerate(reply.events):
            if reply.cut_after is not None and index == reply.cut_after:
                handler.wfile.write(b'40\r\ndata: {"cand')  # half a chunk, then gone
                handler.wfile.flush()
                handler.connection.shutdown(socket.SHUT_RDWR)
                return
            chunk(f"data: {json.dumps(event)}\r\n\r\n")
            time.sleep(reply.gap)
        if reply.done:
            chunk("data: [DONE]\r\n\r\n")
        handler.wfile.write(b"0\r\n\r\n")
        handler.wfile.flush()


def png(color=(200, 40, 90), size=(64, 48)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format="PNG")
    return buf.getvalue()


# --- Gemini's shapes -----------------------------------------------------------------------


def gemini_text(text: str, finish: str | None = "STOP", tokens=(40, 10)) -> dict:
    candidate = {"content": {"role": "model", "parts": [{"text": text}]}, "index": 0}
    if finish:
        candidate["finishReason"] = finish
    return {
        "candidates": [candidate],
        "usageMetadata": {
            "promptTokenCount": tokens[0],
            "candidatesTokenCount": tokens[1],
            "totalTokenCount": sum(tokens),
        },
        "modelVersion": "gemini-test",
    }


def gemini_blocked() -> dict:
    return {"promptFeedback": {"blockReason": "SAFETY"}, "usageMetadata": {"promptTokenCount": 9}}


def gemini_image(data: bytes) -> dict:
    part = {"inlineData": {"mimeType": "image/png", "data": base64.b64encode(data).decode()}}
    return {
        "candidates": [{"content": {"role": "model", "parts": [part]}, "finishReason": "STOP"}]
    }


def gemini_error(code: int, status: str, message: str = "failed") -> dict:
    return {"error": {"code": code, "message": message, "status": status}}


# --- OpenAI's shapes -----------------------------------------------------------------------


def chat(text: str, finish: str = "stop", tokens=(40, 10)) -> dict:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": finish,
            }
        ],
        "usage": {
            "prompt_tokens": tokens[0],
            "completion_tokens": tokens[1],
            "total_tokens": sum(tokens),
        },
    }


def chat_chunk(text: str | None = None, finish: str | None = None, usage=None) -> dict:
    choices = (
        []
        if usage
        else [
            {
                "index": 0,
                "delta": {"content": text} if text is not None else {},
                "finish_reason": finish,
            }
        ]
    )
    chunk = {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "test-model",
        "choices": choices,
    }
    if usage:
        chunk["usage"] = {
            "prompt_tokens": usage[0],
            "completion_tokens": usage[1],
            "total_tokens": sum(usage),
        }
    return chunk


def openai_error(message: str, kind: str = "server_error", code=None) -> dict:
    return {"error": {"message": message, "type": kind, "code": code, "param": None}}


def openai_image(data: bytes) -> dict:
    return {"created": 0, "data": [{"b64_json": base64.b64encode(data).decode()}]}
