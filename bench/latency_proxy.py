#!/usr/bin/env python3
"""HTTP/1.1 forwarding proxy that adds a fixed latency to every response.

Listens on 127.0.0.1 (a free port unless one is given) and forwards every
request -- any method, path, headers and body (Content-Length or chunked) --
to a target base URL such as a moto_server, then holds the response back for
a fixed number of milliseconds before returning it, to simulate the round
trip to AWS. Stdlib only: one thread per client connection, each with its own
keep-alive connection upstream, so concurrent clients (posture keeps ~64
requests in flight) are delayed in parallel, not one after another.

The client's Host header is passed through unchanged (SigV4 signs it); the
upstream status, reason, headers and body are returned as received, minus
hop-by-hop headers and with a Content-Length of the (decoded-from-chunked)
body. A client can keep its connection open for many requests; requests in
origin form ("/path") and absolute form ("http://host/path") are accepted.

As a module:
    proxy = LatencyProxy("http://127.0.0.1:5000", delay_ms=100)
    url = proxy.start()   # "http://127.0.0.1:<port>"; serves from a daemon thread
    ...
    proxy.stop()
  (also a context manager; proxy.requests counts the requests forwarded.)

As a script:
    bench/latency_proxy.py --target http://127.0.0.1:5000 --delay-ms 100 [--port N]
"""
import argparse
import http.client
import signal
import socket
import socketserver
import sys
import threading
import time
import urllib.parse

# RFC 9110 7.6.1 connection-specific headers, plus the framing headers the
# proxy recomputes itself.
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
              "te", "trailer", "trailers", "transfer-encoding", "upgrade", "content-length", "expect"}
MAX_LINE = 65536
MAX_HEADERS = 200


class BadRequest(Exception):
    pass


def _read_line(rfile):
    line = rfile.readline(MAX_LINE + 1)
    if len(line) > MAX_LINE:
        raise BadRequest("line too long")
    return line


def _read_headers(rfile):
    """Reads header lines up to the blank line; returns [(name, value)] in order."""
    headers = []
    while True:
        line = _read_line(rfile)
        if not line:
            raise BadRequest("connection closed inside headers")
        if line in (b"\r\n", b"\n"):
            return headers
        if line[:1] in (b" ", b"\t") and headers:  # obsolete line folding
            name, value = headers[-1]
            headers[-1] = (name, value + " " + line.strip().decode("latin-1"))
            continue
        name, sep, value = line.decode("latin-1").partition(":")
        if not sep or not name or name != name.strip():
            raise BadRequest("malformed header line")
        headers.append((name, value.strip()))
        if len(headers) > MAX_HEADERS:
            raise BadRequest("too many headers")


def _read_exact(rfile, n):
    data = rfile.read(n)
    if len(data) != n:
        raise BadRequest("connection closed inside body")
    return data


def _read_chunked(rfile):
    parts = []
    while True:
        size_line = _read_line(rfile)
        if not size_line:
            raise BadRequest("connection closed inside chunked body")
        try:
            size = int(size_line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise BadRequest("bad chunk size") from None
        if size == 0:
            _read_headers(rfile)  # trailers, dropped
            return b"".join(parts)
        parts.append(_read_exact(rfile, size))
        if _read_line(rfile) not in (b"\r\n", b"\n"):
            raise BadRequest("missing CRLF after chunk")


def _tokens(headers, name):
    return {t.strip().lower() for n, v in headers if n.lower() == name for t in v.split(",") if t.strip()}


class _Handler(socketserver.StreamRequestHandler):
    """Serves one client connection: requests are read and answered in turn."""

    def setup(self):
        super().setup()
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.proxy._track(self.request, True)
        self.upstream = None

    def finish(self):
        try:
            super().finish()
        finally:
            if self.upstream is not None:
                self.upstream.close()
            self.server.proxy._track(self.request, False)

    def handle(self):
        try:
            while self.handle_one():
                pass
        except (OSError, ValueError):
            pass  # client went away (or the proxy is stopping)

    def send_simple(self, status, reason, text, close=True):
        body = text.encode() + b"\n"
        head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}\r\n"
                + ("Connection: close\r\n" if close else "") + "\r\n")
        self.wfile.write(head.encode("latin-1") + body)

    def handle_one(self):
        line = _read_line(self.rfile)
        while line in (b"\r\n", b"\n"):  # tolerate stray CRLF between requests
            line = _read_line(self.rfile)
        if not line:
            return False
        try:
            method, target, version = line.decode("latin-1").split()
            if not version.startswith("HTTP/1."):
                raise BadRequest("unsupported version " + version)
            headers = _read_headers(self.rfile)
            te = _tokens(headers, "transfer-encoding")
            lengths = {v.strip() for n, v in headers if n.lower() == "content-length"}
            if "100-continue" in _tokens(headers, "expect"):
                self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            if te:
                if "chunked" not in te:
                    raise BadRequest("unsupported transfer-encoding")
                body = _read_chunked(self.rfile)
            elif lengths:
                (length,) = lengths if len(lengths) == 1 else ("bad",)
                if not length.isdigit():
                    raise BadRequest("bad content-length")
                body = _read_exact(self.rfile, int(length))
            else:
                body = None
        except (BadRequest, ValueError) as e:
            self.send_simple(400, "Bad Request", f"latency_proxy: {e}")
            return False

        conn_tokens = _tokens(headers, "connection") | _tokens(headers, "proxy-connection")
        if version == "HTTP/1.0":
            keep_alive = "keep-alive" in conn_tokens
        else:
            keep_alive = "close" not in conn_tokens
        if target.startswith(("http://", "https://")):  # absolute form, as sent to a forward proxy
            parts = urllib.parse.urlsplit(target)
            target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
        proxy = self.server.proxy
        path = proxy.base_path + target if proxy.base_path else target
        forwarded = [(n, v) for n, v in headers if n.lower() not in HOP_BY_HOP and n.lower() not in conn_tokens]
        if body is not None:
            forwarded.append(("Content-Length", str(len(body))))

        try:
            resp, resp_body = self.forward(method, path, forwarded, body)
        except (OSError, http.client.HTTPException) as e:
            time.sleep(proxy.delay)
            self.send_simple(502, "Bad Gateway", f"latency_proxy: upstream {proxy.target}: {e!r}")
            return False
        with proxy.lock:
            proxy.requests += 1

        upstream_tokens = {t.strip().lower() for t in (resp.getheader("Connection") or "").split(",")}
        out = [f"HTTP/1.1 {resp.status} {resp.reason}\r\n"]
        for name, value in resp.getheaders():
            low = name.lower()
            if low in HOP_BY_HOP or low in upstream_tokens:
                continue
            out.append(f"{name}: {value}\r\n")
        no_body = method == "HEAD" or resp.status in (204, 304) or 100 <= resp.status < 200
        if method == "HEAD" or resp.status == 304:
            length = resp.getheader("Content-Length")  # describes the body a GET would return
            if length is not None:
                out.append(f"Content-Length: {length}\r\n")
        elif resp.status != 204:
            out.append(f"Content-Length: {len(resp_body)}\r\n")
        if not keep_alive:
            out.append("Connection: close\r\n")
        elif version == "HTTP/1.0":
            out.append("Connection: keep-alive\r\n")
        out.append("\r\n")
        data = "".join(out).encode("latin-1") + (b"" if no_body else resp_body)

        time.sleep(proxy.delay)
        self.wfile.write(data)
        return keep_alive

    def forward(self, method, path, headers, body):
        """Sends one request upstream on this client's connection; retries once
        on a fresh connection if a reused one turns out to be closed."""
        proxy = self.server.proxy
        for attempt in range(2):
            reused = self.upstream is not None and self.upstream.sock is not None
            if self.upstream is None:
                self.upstream = http.client.HTTPConnection(proxy.host, proxy.port, timeout=proxy.timeout)
            try:
                self.upstream.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
                for name, value in headers:
                    self.upstream.putheader(name, value)
                self.upstream.endheaders(body)
                resp = self.upstream.getresponse()
                resp_body = resp.read()
                if resp.will_close:
                    self.upstream.close()
                return resp, resp_body
            except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine):
                self.upstream.close()
                self.upstream = None
                if not reused or attempt:
                    raise
            except Exception:
                self.upstream.close()
                self.upstream = None
                raise
        raise AssertionError("unreachable")


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    block_on_close = False
    request_queue_size = 1024  # the default of 5 drops bursts of new connections

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], OSError):  # a client hanging up is routine
            super().handle_error(request, client_address)


class LatencyProxy:
    """A forwarding proxy to `target` that delays each response by `delay_ms`."""

    def __init__(self, target, delay_ms, host="127.0.0.1", port=0, timeout=120):
        parts = urllib.parse.urlsplit(target)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"target must be an http:// URL, not {target!r}")
        self.target = target
        self.host = parts.hostname
        self.port = parts.port or 80
        self.base_path = parts.path.rstrip("/")
        self.delay = delay_ms / 1000.0
        self.timeout = timeout
        self.requests = 0
        self.lock = threading.Lock()
        self._conns = set()
        self._server = _Server((host, port), _Handler, bind_and_activate=True)
        self._server.proxy = self
        self._thread = None
        addr = self._server.server_address
        self.url = f"http://{addr[0]}:{addr[1]}"

    def _track(self, sock, add):
        with self.lock:
            (self._conns.add if add else self._conns.discard)(sock)

    def start(self):
        """Serves from a daemon thread; returns the proxy's URL."""
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="latency-proxy", daemon=True)
        self._thread.start()
        return self.url

    def serve_forever(self):
        self._server.serve_forever(poll_interval=0.1)

    def stop(self):
        """Stops accepting, closes open client connections, releases the port."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()
        with self.lock:
            conns = list(self._conns)
        for sock in conns:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()


def start_proxy(target, delay_ms, host="127.0.0.1", port=0):
    """Starts a LatencyProxy in a background thread and returns it (see .url, .stop())."""
    proxy = LatencyProxy(target, delay_ms, host, port)
    proxy.start()
    return proxy


def main():
    parser = argparse.ArgumentParser(description="HTTP/1.1 forwarding proxy that delays every response.")
    parser.add_argument("--target", required=True, help="base URL to forward to, e.g. http://127.0.0.1:5000")
    parser.add_argument("--delay-ms", type=float, default=100, help="added to every response (default 100)")
    parser.add_argument("--host", default="127.0.0.1", help="listen address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="listen port (default: a free one)")
    args = parser.parse_args()
    proxy = LatencyProxy(args.target, args.delay_ms, args.host, args.port)
    print(f"{proxy.url} -> {args.target} (+{args.delay_ms:g} ms)", flush=True)
    # Stop cleanly on Ctrl-C and on kill, also when started in the background
    # (where the shell leaves SIGINT ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        proxy.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        proxy.stop()
        print(f"forwarded {proxy.requests} requests", file=sys.stderr)


if __name__ == "__main__":
    main()
