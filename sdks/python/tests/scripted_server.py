"""A loopback HTTP server that answers from a script and records what it was asked."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional, Union
from urllib.parse import parse_qs, urlsplit


class Reply:
    """One scripted answer; ``DROP`` instead closes the connection without answering."""

    def __init__(
        self,
        status: int = 200,
        body: Union[bytes, Dict[str, Any], List[Any], None] = None,
        headers: Optional[Dict[str, str]] = None,
        content_type: str = "application/json",
    ) -> None:
        self.status = status
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        self.body = body or b""
        self.headers = dict(headers or {})
        self.headers.setdefault("Content-Type", content_type)


DROP = object()


def problem(status: int, code: str, param: Optional[str] = None, **headers: str) -> Reply:
    """An RFC 9457 problem answer like the API's."""
    document = {
        "type": "https://payfunctions.dev/problems/" + code,
        "title": "Scripted " + code,
        "status": status,
        "detail": "Scripted detail of " + code,
        "code": code,
        "param": param,
    }
    return Reply(status, document, {k.replace("_", "-"): v for k, v in headers.items()},
                 content_type="application/problem+json")


class Recorded:
    def __init__(self, method: str, target: str, headers: Dict[str, str], body: bytes) -> None:
        self.method = method
        parts = urlsplit(target)
        self.path = parts.path
        self.query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        self.headers = {k.lower(): v for k, v in headers.items()}
        self.body = body

    def json(self) -> Any:
        return json.loads(self.body)


class ScriptedServer:
    """Serves ``replies`` in order, one per request, on 127.0.0.1 (``port`` 0: any free one)."""

    def __init__(self, replies: List[Any], port: int = 0) -> None:
        self.replies = list(replies)
        self.requests: List[Recorded] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                server.requests.append(
                    Recorded(self.command, self.path, dict(self.headers.items()), body)
                )
                reply = server.replies.pop(0) if server.replies else Reply(599, b"script ended")
                if reply is DROP:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            do_GET = do_POST = do_DELETE = _handle

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self._httpd.server_address[1]
        self.base_url = "http://127.0.0.1:%d/api" % self.port
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def __enter__(self) -> "ScriptedServer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def free_port() -> int:
    """A port nothing listens on (for now): connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
