"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the mail tests, and what it needs:
a self-signed certificate, a small PDF briefing, a config pointing at the server."""
from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Iterator

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from briefing.config import Config

HOST = "127.0.0.1"
TITLE = "江门高质量发展简报"
SENDER = "政策研究室 <analyst@example.org>"
USER, PASSWORD = "analyst@example.org", "s3cret-Pa55"


def free_port() -> int:
    """A port nothing listens on (the OS picks it; nobody else should take it this fast)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@dataclass
class Received:
    """One message as the server got it."""

    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    tls: bool
    user: str | None

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)


class Recorder:
    """aiosmtpd handler: keeps each message, refuses or defers the addresses it is told to."""

    def __init__(self, refuse: dict[str, str] | None = None,
                 defer_once: set[str] | None = None) -> None:
        self.received: list[Received] = []
        self.refuse = refuse or {}
        self.deferred = set(defer_once or ())
        self.logins_tried = 0
        self.greetings = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.greetings += 1
        session.host_name = hostname  # what aiosmtpd does itself when there is no hook
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        if address in self.deferred:
            self.deferred.discard(address)
            return "451 4.3.0 mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        user = session.auth_data.decode() if isinstance(session.auth_data, bytes) else None
        # session.ssl tells of STARTTLS; the transport of TLS from the first byte.
        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                      envelope.original_content, tls, user))
        return "250 Message accepted for delivery"

    def authenticator(self, user: str, password: str):
        def check(server, session, envelope, mechanism, auth_data):
            self.logins_tried += 1
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
                  and auth_data.password == password.encode())
            return AuthResult(success=ok, handled=False,
                              auth_data=auth_data.login if ok else None)
        return check


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (and localhost): cert.pem, key.pem."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "briefing test SMTP")])
    now = dt.datetime.now(dt.timezone.utc)
    ski = x509.SubjectKeyIdentifier.from_public_key(key.public_key())
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address(HOST)), x509.DNSName("localhost")]),
                critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, True, False, False,
                                         False), critical=True)
            .add_extension(ski, critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ski),
                           critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def server_tls(cert: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*cert)
    return context


@contextmanager
def smtp_server(handler: Recorder, *, starttls: tuple[Path, Path] | None = None,
                implicit_tls: tuple[Path, Path] | None = None, auth: bool = False,
                auth_require_tls: bool = True, password: str = PASSWORD,
                mechanisms_left_out: tuple[str, ...] = ()) -> Iterator[int]:
    """Run aiosmtpd on 127.0.0.1 for the block; yields its port."""
    options: dict = {"hostname": HOST, "port": free_port(), "server_hostname": "localhost",
                     "ready_timeout": 5}
    if starttls:
        options.update(tls_context=server_tls(starttls), require_starttls=True)
    if implicit_tls:
        options["ssl_context"] = server_tls(implicit_tls)
    if auth:
        options.update(authenticator=handler.authenticator(USER, password), auth_required=True,
                       auth_require_tls=auth_require_tls,
                       auth_exclude_mechanism=list(mechanisms_left_out))
    controller = Controller(handler, **options)
    controller.start()
    try:
        yield controller.port
    finally:
        controller.stop()


def make_pdf(path: Path, issue: int = 3, date: str = "2023年3月13日") -> bytes:
    """A one-page PDF whose masthead reads like ours (reportlab's built-in CJK font)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 16)
    for y, line in ((760, TITLE), (740, f"第{issue}期"), (720, f"市委政策研究室 {date}")):
        page.drawString(72, y, line)
    page.save()
    return path.read_bytes()


def mail_config(tmp_path: Path, port: int | None, **smtp: object) -> Config:
    """A config sending to the test server without TLS unless told otherwise."""
    settings = {"host": HOST, "port": port, "security": "none", "from": SENDER}
    settings.update(smtp)
    return Config(briefing={"title": TITLE},
                  smtp={k: v for k, v in settings.items() if v is not None},
                  lists={"leaders": ["王局长 <wang@example.org>", "li@example.org"]},
                  store={"path": str(tmp_path / "briefing.db")})
