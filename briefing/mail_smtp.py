"""SMTP itself: the settings, one delivery with retries, and a line for each failure.

Settings come from `[smtp]` in briefing.toml, overridden by the environment; the
password only ever from BRIEFING_SMTP_PASSWORD, so it never sits in a file, a shell
history or a log, and it is left out of every repr and message.
"""
from __future__ import annotations

import base64
import os
import smtplib
import socket
import ssl
import time
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.headerregistry import Address, HeaderRegistry
from email.message import EmailMessage
from pathlib import Path
from typing import Callable, Mapping

from briefing.config import Config
from briefing.errors import ConfigError

DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}
# Each [smtp] setting and the environment variable that overrides it.
ENVIRONMENT = {
    "host": "BRIEFING_SMTP_HOST",
    "port": "BRIEFING_SMTP_PORT",
    "user": "BRIEFING_SMTP_USER",
    "security": "BRIEFING_SMTP_SECURITY",
    "from": "BRIEFING_MAIL_FROM",
    "cafile": "BRIEFING_SMTP_CAFILE",
}
PASSWORD_VARIABLE = "BRIEFING_SMTP_PASSWORD"
AUTH_MECHANISMS = ("PLAIN", "LOGIN")  # in order of preference; both need TLS to be safe

_HEADERS = HeaderRegistry()


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send; the password is left out of `repr` so it cannot leak."""

    host: str
    port: int
    security: str
    mail_from: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    cafile: Path | None = None

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def envelope_from(self) -> str:
        return parse_addresses(self.mail_from, "sender")[0].addr_spec

    def check_server(self) -> None:
        """Fail before any connection when sending cannot work."""
        if not self.host:
            raise ConfigError(f"no SMTP server: set [smtp] host or {ENVIRONMENT['host']}")
        if self.user and not self.password:
            raise ConfigError(f"no password for {self.user}: set {PASSWORD_VARIABLE}")
        if self.password and not self.user:
            raise ConfigError(f"{PASSWORD_VARIABLE} is set but no user: set [smtp] user "
                              f"or {ENVIRONMENT['user']}")


def smtp_settings(config: Config, env: Mapping[str, str] = os.environ) -> SmtpSettings:
    """`[smtp]` of the config with the environment on top; the password from env only."""
    unknown = sorted(set(config.smtp) - set(ENVIRONMENT))
    if unknown:
        raise ConfigError(f"unknown [smtp] setting {', '.join(unknown)} "
                          f"(known: {', '.join(ENVIRONMENT)})")
    from_env = {key for key, var in ENVIRONMENT.items() if env.get(var)}
    raw = {key: env[var] if key in from_env else config.smtp.get(key)
           for key, var in ENVIRONMENT.items()}
    security = str(raw["security"] or ("ssl" if str(raw["port"]) == "465" else "starttls"))
    security = security.strip().lower()
    if security not in DEFAULT_PORTS:
        raise ConfigError(f"SMTP security must be one of {', '.join(DEFAULT_PORTS)}, "
                          f"not {security!r}")
    user = str(raw["user"]).strip() if raw["user"] else None
    sender = raw["from"] or (user if user and "@" in user else None)
    if not sender:
        raise ConfigError(f"no sender: set [smtp] from or {ENVIRONMENT['from']}")
    cafile = None
    if raw["cafile"]:
        cafile = Path(str(raw["cafile"])).expanduser()
        if "cafile" not in from_env and config.path is not None and not cafile.is_absolute():
            cafile = config.path.parent / cafile
        if not cafile.is_file():
            raise ConfigError(f"{cafile}: SMTP CA file not found")
    return SmtpSettings(host=str(raw["host"] or "").strip(),
                        port=_port(raw["port"], DEFAULT_PORTS[security]), security=security,
                        mail_from=str(parse_addresses(str(sender), "sender")[0]), user=user,
                        password=env.get(PASSWORD_VARIABLE) or None, cafile=cafile)


def _port(value: object, default: int) -> int:
    if value in (None, ""):
        return default
    try:
        port = int(str(value))
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise ConfigError(f"SMTP port must be a number from 1 to 65535, not {value!r}")
    return port


def parse_addresses(text: str, where: str) -> list[Address]:
    """Addresses in `text` (comma-separated, display names allowed), or ConfigError."""
    try:
        header = _HEADERS("To", text) if "\r" not in text and "\n" not in text else None
    except (HeaderParseError, IndexError, ValueError):
        header = None
    if (header is None or header.defects or not header.addresses
            or any(not a.username or not a.domain for a in header.addresses)):
        raise ConfigError(f"{where}: not an email address: {text!r}")
    try:
        return [Address(a.display_name, a.username, a.domain.encode("idna").decode("ascii"))
                for a in header.addresses]
    except UnicodeError as exc:
        raise ConfigError(f"{where}: not a usable mail domain: {text!r}") from exc


class _Fault(Exception):
    """A failure we diagnosed ourselves, with its line and whether a retry may help."""

    def __init__(self, line: str, transient: bool = False) -> None:
        super().__init__(line)
        self.line, self.transient = line, transient


def deliver(settings: SmtpSettings, msg: EmailMessage, recipients: list[str], *,
            retries: int, backoff: float, timeout: float,
            on_delivered: Callable[[list[str]], None]) -> dict[str, str]:
    """Send with retries for transient trouble; the failure line of each who missed out."""
    failed: dict[str, str] = {}
    pending = list(recipients)
    for attempt in range(retries + 1):
        last = attempt == retries
        try:
            refused = _transmit(settings, msg, pending, timeout)
        except smtplib.SMTPRecipientsRefused as exc:
            refused = exc.recipients
        except (OSError, _Fault) as exc:  # smtplib's and ssl's errors are OSErrors
            line, transient = _explain(exc, settings, timeout)
            if last or not transient:
                failed.update(dict.fromkeys(pending, line))
                return failed
            time.sleep(backoff * 2 ** attempt)
            continue
        delivered = [r for r in pending if r not in refused]
        if delivered:
            on_delivered(delivered)
        pending = []
        for recipient, (code, reply) in refused.items():
            if _transient(code) and not last:
                pending.append(recipient)
            else:
                failed[recipient] = f"recipient refused: {recipient} ({code} {_text(reply)})"
        if not pending:
            break
        time.sleep(backoff * 2 ** attempt)
    return failed


def _transmit(settings: SmtpSettings, msg: EmailMessage, recipients: list[str],
              timeout: float) -> dict[str, tuple[int, bytes]]:
    """One SMTP session; returns the recipients the server refused."""
    context = (ssl.create_default_context(cafile=settings.cafile)
               if settings.security != "none" else None)
    if settings.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout,
                                                context=context)
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    try:
        client.ehlo_or_helo_if_needed()
        if settings.security == "starttls":
            if not client.has_extn("starttls"):
                raise _Fault(f"{settings.server} does not offer STARTTLS; use security = "
                             f"\"none\" only on a network you trust")
            client.starttls(context=context)
            client.ehlo()
        if settings.user:
            if not client.has_extn("auth"):
                raise _Fault(f"{settings.server} does not offer AUTH for user {settings.user}"
                             + (" without TLS" if settings.security == "none" else ""))
            _login(client, settings)
        return client.send_message(msg, settings.envelope_from, recipients)
    finally:
        try:
            client.quit()
        except (OSError, smtplib.SMTPException):
            client.close()


def _login(client: smtplib.SMTP, settings: SmtpSettings) -> None:
    """One mechanism, one try: smtplib's `login` tries every mechanism offered, and each
    wrong password would count toward the account's lockout."""
    user, password = settings.user or "", settings.password or ""
    offered = client.esmtp_features.get("auth", "").upper().split()
    mechanism = next((m for m in AUTH_MECHANISMS if m in offered), None)
    try:
        if mechanism == "PLAIN":
            _auth_plain(client, user, password)
        elif mechanism is None:
            client.login(user, password)
        else:
            client.user, client.password = user, password
            client.auth(mechanism, getattr(client, f"auth_{mechanism.lower()}"))
    except UnicodeEncodeError:
        # smtplib's message would quote the characters around the offending one
        raise _Fault(f"authentication failed for user {user}: the server's login methods "
                     f"({', '.join(offered) or 'none offered'}) carry only ASCII names and passwords"
                     ) from None


def _auth_plain(client: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH PLAIN in UTF-8 as RFC 4616 says (smtplib's takes ASCII only)."""
    token = base64.b64encode(f"\0{user}\0{password}".encode("utf-8")).decode("ascii")
    code, reply = client.docmd("AUTH", f"PLAIN {token}")
    if code == 334:   # a server that takes no initial response asks for it
        code, reply = client.docmd(token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _explain(exc: BaseException, s: SmtpSettings, timeout: float) -> tuple[str, bool]:
    """One line a user can act on, and whether trying again later may help."""
    waited = f"timed out after {timeout:g} s talking to {s.server}"
    if isinstance(exc, _Fault):
        return exc.line, exc.transient
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"authentication failed for user {s.user} ({_reply(exc)})", False
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"sender refused: {_text(exc.sender)} ({_reply(exc)})", _transient(exc.smtp_code)
    if isinstance(exc, smtplib.SMTPDataError):  # typically 552: the attachment is too big
        return f"message refused by {s.server} ({_reply(exc)})", _transient(exc.smtp_code)
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{s.server} answered {_reply(exc)}", _transient(exc.smtp_code)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        if isinstance(exc.__context__, TimeoutError):
            return waited, True
        return f"connection closed by {s.server}", True
    if isinstance(exc, smtplib.SMTPException):
        return f"{s.server}: {exc}", False
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (f"certificate of {s.host} not trusted ({exc.verify_message}); name its CA in "
                f"[smtp] cafile or {ENVIRONMENT['cafile']}"), False
    if isinstance(exc, ssl.SSLError):
        return (f"TLS failed with {s.server} ({exc.reason or exc}); "
                f"is security = \"{s.security}\" right for port {s.port}?"), False
    if isinstance(exc, ConnectionRefusedError):
        return f"connection refused by {s.server}", True
    if isinstance(exc, TimeoutError):
        return waited, True
    if isinstance(exc, socket.gaierror):
        return f"cannot find SMTP host {s.host} ({exc.strerror})", False
    return f"cannot reach {s.server} ({getattr(exc, 'strerror', None) or exc})", True


def _transient(code: int) -> bool:
    """4xx replies say "try again later" (RFC 5321); 5xx say "this will not work"."""
    return 400 <= code < 500


def _reply(exc: smtplib.SMTPResponseException) -> str:
    return f"{exc.smtp_code} {_text(exc.smtp_error)}"


def _text(value: bytes | str) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return " ".join(text.split())
