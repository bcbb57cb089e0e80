"""Email delivery of briefings: recipients, the message, and who got it.

One message goes to everyone (To and Cc in the headers, Bcc only on the envelope);
each recipient gets a status of their own, and every delivery is recorded so that a
rerun after a failure reaches only those who still miss the files. SMTP itself
(settings, sessions, retries) lives in `briefing.mail_smtp`.
"""
from __future__ import annotations

import datetime as dt
import mimetypes
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Iterator, Sequence

from briefing.atomic import write_bytes_atomically
from briefing.config import Config
from briefing.errors import BriefingError, ConfigError, InputError
from briefing.mail_body import InlineImage, compose_body
from briefing.mail_log import MailLog, SentFile
from briefing.mail_smtp import SmtpSettings, deliver, parse_addresses, smtp_settings

__all__ = ["SmtpSettings", "smtp_settings", "expand_recipients", "build_message", "send_files",
           "SendReport", "Delivery"]

LIST_PREFIX = "@"
SENT, SKIPPED, FAILED, WRITTEN = "sent", "skipped", "failed", "dry-run"


def expand_recipients(addrs: Sequence[str], config: Config) -> list[str]:
    """`@leaders` becomes the members of `[lists] leaders`; each address is checked once."""
    found: dict[str, str] = {}
    for item in addrs:
        for text, where in _expand(item, config, ()):
            for address in parse_addresses(text, where):
                found.setdefault(address.addr_spec.lower(), str(address))
    return list(found.values())


def _expand(item: str, config: Config, trail: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    item = str(item).strip()
    if not item.startswith(LIST_PREFIX):
        yield item, f"[lists] {trail[-1]}" if trail else "recipient"
        return
    name = item[len(LIST_PREFIX):]
    if name in trail:
        raise ConfigError(f"[lists] {name} includes itself")
    if name not in config.lists:
        known = ", ".join(LIST_PREFIX + n for n in config.lists) or "none in the config"
        raise ConfigError(f"unknown recipient list {item} (lists: {known})")
    if not config.lists[name]:
        raise ConfigError(f"recipient list {item} is empty")
    for member in config.lists[name]:
        yield from _expand(member, config, (*trail, name))


def build_message(files: Sequence[Path], *, sender: str, to: Sequence[str], cc: Sequence[str],
                  subject: str, text_body: str, html_body: str,
                  images: Sequence[InlineImage] = ()) -> EmailMessage:
    """multipart/mixed: plain text and HTML as alternatives, then each file by its name.

    The default email policy writes a Chinese subject as RFC 2047 words and Chinese file
    names as RFC 2231 parameters (filename*=utf-8''…). Bodies go base64 so that no
    relay's line-length or 8-bit limit can damage them. Bcc never enters the headers.
    """
    msg = EmailMessage()
    msg["Subject"] = " ".join(subject.split())
    msg["From"] = sender
    msg["To"] = ", ".join(to) if to else "undisclosed-recipients:;"
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=parse_addresses(sender, "sender")[0].domain)
    msg.set_content(text_body, cte="base64")
    msg.add_alternative(html_body, subtype="html", cte="base64")
    html_part = msg.get_payload()[1]
    for image in images:
        maintype, subtype = image.mime.split("/", 1)
        html_part.add_related(image.data, maintype, subtype, cid=f"<{image.cid}>")
    for path in files:
        maintype, subtype = (mimetypes.guess_type(path.name)[0]
                             or "application/octet-stream").split("/", 1)
        msg.add_attachment(_read(path), maintype, subtype, filename=path.name,
                           params={"name": path.name})
    return msg


def _read(path: Path) -> bytes:
    """An attachment's bytes; one that cannot be read is an InputError naming it."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from exc


@dataclass(frozen=True)
class Delivery:
    """What happened for one recipient: `detail` is the failure line or the earlier send."""

    recipient: str
    status: str
    detail: str = ""


@dataclass
class SendReport:
    subject: str
    deliveries: list[Delivery]

    @property
    def ok(self) -> bool:
        return all(d.status != FAILED for d in self.deliveries)

    @property
    def failures(self) -> list[str]:
        """One line per distinct failure: a refused connection is one line, not one per person."""
        return list(dict.fromkeys(d.detail for d in self.deliveries if d.status == FAILED))

    def summary(self) -> str:
        lines = [f"{d.status:<8} {d.recipient}" + (f"  ({d.detail})" if d.detail else "")
                 for d in self.deliveries]
        counts = {s: sum(d.status == s for d in self.deliveries)
                  for s in (SENT, WRITTEN, SKIPPED, FAILED)}
        lines.append(f"{self.subject}: "
                     + ", ".join(f"{n} {s}" for s, n in counts.items() if n))
        return "\n".join(lines)


def send_files(files: Sequence[Path], *, to: Sequence[str], cc: Sequence[str] = (),
               bcc: Sequence[str] = (), subject: str | None = None, config: Config,
               dry_run_dir: Path | None = None, resend: bool = False,
               text_body: str | None = None, html_body: str | None = None, retries: int = 3,
               backoff: float = 1.0, timeout: float = 30, db_path: Path | None = None,
               ) -> SendReport:
    """Mail `files` in one message to each recipient who does not have them yet.

    Never raises for a delivery problem: the report says who got it and why not;
    only unusable input (settings, addresses, files) raises before anything is sent.
    """
    paths = [Path(f) for f in files]
    if not paths:
        raise BriefingError("no files to send")
    for path in paths:
        if not path.is_file():
            raise InputError(str(path), "no such file")
    settings = smtp_settings(config)
    if dry_run_dir is None:
        settings.check_server()
    shown_to, shown_cc, everyone = _roles(to, cc, bcc, config)
    body = compose_body(paths, config.title, today=dt.date.today(),
                        cid_domain=parse_addresses(settings.mail_from, "sender")[0].domain)
    subject = subject or body.subject
    msg = build_message(paths, sender=settings.mail_from, to=shown_to, cc=shown_cc,
                        subject=subject, text_body=text_body or body.text,
                        html_body=html_body or body.html,
                        images=() if html_body else body.images)
    try:
        attached = [SentFile.of(p) for p in paths]
    except OSError as exc:
        raise InputError(exc.filename or "attachment", f"cannot read ({exc.strerror})") from exc
    deliveries: dict[str, Delivery] = {}
    with MailLog(db_path or config.db_path, create=dry_run_dir is None) as log:
        pending = []
        for address in everyone:
            when = None if resend else log.last_sent(address.addr_spec, attached)
            if when:
                deliveries[address.addr_spec] = Delivery(str(address), SKIPPED,
                                                         f"already sent {when}")
            else:
                pending.append(address)
        if pending and dry_run_dir is not None:
            eml = _write_eml(msg, Path(dry_run_dir), paths[0].stem)
            deliveries.update({a.addr_spec: Delivery(str(a), WRITTEN, str(eml)) for a in pending})
        elif pending:
            def remember(delivered: list[str]) -> None:
                log.record(delivered, attached, subject=subject,
                           message_id=str(msg["Message-ID"]))

            failed = deliver(settings, msg, [a.addr_spec for a in pending], retries=retries,
                             backoff=backoff, timeout=timeout, on_delivered=remember)
            deliveries.update({a.addr_spec: Delivery(str(a), FAILED, failed[a.addr_spec])
                               if a.addr_spec in failed else Delivery(str(a), SENT)
                               for a in pending})
    return SendReport(subject, [deliveries[a.addr_spec] for a in everyone])


def _roles(to: Sequence[str], cc: Sequence[str], bcc: Sequence[str],
           config: Config) -> tuple[list[str], list[str], list[Address]]:
    """To and Cc as header texts, and everyone once, the first role they appear in winning."""
    seen: dict[str, Address] = {}
    shown: list[list[str]] = [[], []]
    for role, texts in enumerate((to, cc, bcc)):
        for text in expand_recipients(texts, config):
            address = parse_addresses(text, "recipient")[0]
            if address.addr_spec.lower() not in seen:
                seen[address.addr_spec.lower()] = address
                if role < 2:
                    shown[role].append(str(address))
    if not seen:
        raise ConfigError("no recipients: give --to")
    return shown[0], shown[1], list(seen.values())


def _write_eml(msg: EmailMessage, folder: Path, stem: str) -> Path:
    path = folder / f"{stem}.eml"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, msg.as_bytes())
    except OSError as exc:
        raise BriefingError(f"{path}: cannot write ({exc.strerror or exc})") from exc
    return path


