"""URLs -> documents, fetched with the standard library only.

Safety rules (a URL may come from a pasted list or a feed written by anyone):
- only http and https; file://, ftp://, data: ... are refused in one line;
- the host is resolved once and every address is checked: loopback, private, link-local,
  multicast, reserved and unspecified addresses are refused unless `allow_private` is given;
  the connection then goes to the checked address (no second lookup to rebind);
- redirects are followed by hand, at most MAX_REDIRECTS, each new location checked again;
- a timeout on connecting and on every read, and the body is streamed and cut off past
  MAX_BYTES.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError

TIMEOUT = 20.0  # seconds, for connecting and for each read
TOTAL_TIMEOUT = 60.0  # seconds for a whole response: a server dripping bytes cannot hold us forever
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = f"Litopys/{__version__} (+https://github.com/litopys; news timeline)"
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"


@dataclass
class Response:
    url: str  # the URL as asked
    final_url: str  # after redirects
    status: int
    content_type: str  # e.g. text/html, lower case, without parameters
    charset: str | None
    data: bytes


def _blocked_reason(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attr, what in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(ip, attr):
            return what
    if not ip.is_global:  # shared address space (100.64/10) and the like
        return "non-public"
    return None


def resolve(url: str, host: str, port: int, allow_private: bool) -> str:
    """The address to connect to: every address of the host must pass the checks."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise InputError(url, f"cannot resolve host {host} ({getattr(e, 'strerror', None) or e})") from None
    addrs = []
    for family, _type, _proto, _canon, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        addr = sockaddr[0].split("%")[0]
        addrs.append(addr)
    if not addrs:
        raise InputError(url, f"cannot resolve host {host} (no IPv4/IPv6 address)")
    if not allow_private:
        for addr in addrs:
            why = _blocked_reason(ipaddress.ip_address(addr))
            if why:
                what = f"{host} is a {why} address" if host.strip("[]") == addr else f"{host} resolves to {why} address {addr}"
                raise InputError(url, f"refused: {what} (use --allow-private to allow)")
    return addrs[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to an already-checked address while speaking HTTP to the named host."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def check_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path+query) of an http(s) URL; InputError for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as e:
        raise InputError(url, f"not a valid URL ({e})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(url, f"refused: only http and https URLs are fetched, not {scheme or 'a URL without scheme'}")
    host = parts.hostname
    if not host:
        raise InputError(url, "not a valid URL (no host)")
    if parts.username or parts.password:
        raise InputError(url, "refused: URLs with credentials are not fetched")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return scheme, host, port or (443 if scheme == "https" else 80), path


def fetch(url: str, allow_private: bool = False, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, total_timeout: float = TOTAL_TIMEOUT) -> Response:
    """GET a URL under the rules above; InputError (one line naming the URL) on any failure."""
    current = url
    deadline = time.monotonic() + total_timeout
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, path = check_url(current)
        address = resolve(url if current == url else f"{url} (redirected to {current})", host, port, allow_private)
        cls = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
        conn = cls(host, port, address, timeout)
        try:
            conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "identity"})
            resp = conn.getresponse()
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.getheader("Location")
                if not location:
                    raise InputError(url, f"HTTP {resp.status} redirect without a Location")
                current = urljoin(current, location)
                continue
            if resp.status >= 400:
                raise InputError(url, f"HTTP {resp.status} {resp.reason}".rstrip())
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(url, f"too large ({int(length) / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB)")
            chunks, size = [], 0
            while True:
                chunk = resp.read1(64 * 1024)
                if not chunk:
                    break
                if time.monotonic() > deadline:
                    raise InputError(url, f"timed out (no complete answer within {total_timeout:g} s)")
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(url, f"too large (more than {max_bytes / 2**20:.0f} MB; stopped reading)")
                chunks.append(chunk)
            msg = Message()
            msg["Content-Type"] = resp.getheader("Content-Type") or "application/octet-stream"
            return Response(
                url=url,
                final_url=current,
                status=resp.status,
                content_type=msg.get_content_type(),
                charset=msg.get_param("charset"),
                data=b"".join(chunks),
            )
        except InputError:
            raise
        except TimeoutError:
            raise InputError(url, f"timed out after {timeout:g} s") from None
        except ssl.SSLError as e:
            raise InputError(url, f"TLS error ({e.reason or e})") from None
        except ConnectionRefusedError:
            raise InputError(url, f"connection refused by {host}:{port}") from None
        except (OSError, http.client.HTTPException) as e:
            reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
            raise InputError(url, f"cannot fetch ({reason})") from None
        finally:
            conn.close()
    raise InputError(url, f"too many redirects (more than {MAX_REDIRECTS})")


_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml", "application/feed+json"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def url_documents(url: str, published=None, lang=None, allow_private: bool = False):
    """A page's main text and publication date, or a feed's entries."""
    from .readers import _looks_like_feed, bytes_documents

    r = fetch(url, allow_private=allow_private)
    if not r.data:
        raise InputError(url, f"empty response (HTTP {r.status})")
    if r.content_type in _FEED_TYPES or _looks_like_feed(r.data):
        suffix = ".rss"
    elif r.content_type in _HTML_TYPES:
        suffix = ".html"
    elif r.content_type.startswith("text/"):
        suffix = ".txt"
    else:
        raise InputError(url, f"not an article or a feed (content type {r.content_type})")
    return bytes_documents(url, r.data, suffix, published=published, lang=lang, allow_private=allow_private, charset=r.charset, url=r.final_url)
