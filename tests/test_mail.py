"""Mail delivery against a real SMTP server on 127.0.0.1: what arrives, and what a user reads
when it does not."""
from __future__ import annotations

import base64
import email
import os
import stat
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from briefing import mail_smtp
from briefing.cli import main
from briefing.config import Config
from briefing.errors import ConfigError, MailError
from briefing.mail import expand_recipients, send_files, smtp_settings
from mail_fixtures import (HOST, PASSWORD, SENDER, TITLE, USER, Recorder, free_port,
                           mail_config, make_certificate, make_pdf, smtp_server)

PDF_NAME = "江门高质量发展简报第3期.pdf"
FAST = {"retries": 2, "backoff": 0.0, "timeout": 5}
ROOT = Path(__file__).resolve().parents[1]
LEADERS = ["王局长 <wang@example.org>", "li@example.org"]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """The user's own SMTP settings must not leak into the tests."""
    for var in [*mail_smtp.ENVIRONMENT.values(), mail_smtp.PASSWORD_VARIABLE]:
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def pdf(tmp_path) -> Path:
    path = tmp_path / PDF_NAME
    make_pdf(path)
    return path


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    return make_certificate(tmp_path_factory.mktemp("tls"))


def _attachment(message: email.message.EmailMessage):
    (part,) = list(message.iter_attachments())
    return part


def test_plain_smtp_delivers_the_pdf_with_chinese_names_and_hidden_bcc(tmp_path, pdf):
    server = Recorder()
    with smtp_server(server) as port:
        report = send_files([pdf], to=LEADERS, cc=["office@example.org"],
                            bcc=["archive@example.org"], config=mail_config(tmp_path, port),
                            **FAST)
    assert report.ok, report.summary()
    assert [d.status for d in report.deliveries] == ["sent"] * 4
    (got,) = server.received
    assert got.mail_from == "analyst@example.org"
    assert sorted(got.rcpt_tos) == ["archive@example.org", "li@example.org",
                                    "office@example.org", "wang@example.org"]
    message = got.message
    assert message["Subject"] == "江门高质量发展简报 第3期 2023-03-13"
    assert message["To"].addresses[0].display_name == "王局长"
    assert message["Bcc"] is None and b"archive@example.org" not in got.raw
    part = _attachment(message)
    assert part.get_content_type() == "application/pdf"
    assert part.get_filename() == PDF_NAME
    assert part.get_content() == pdf.read_bytes()
    raw = got.raw.decode("ascii")  # every header and part is 7-bit on the wire
    assert "Subject: =?utf-8?" in raw
    assert "filename*=utf-8''" in raw or "filename*0*=utf-8''" in raw
    assert PDF_NAME in message.get_body(("plain",)).get_content()
    assert "请查收" in message.get_body(("html",)).get_content()


def test_starttls_with_a_certificate_the_client_trusts_and_auth(tmp_path, pdf, certificate,
                                                                 monkeypatch):
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    server = Recorder()
    with smtp_server(server, starttls=certificate, auth=True) as port:
        config = mail_config(tmp_path, port, security="starttls", user=USER,
                             cafile=str(certificate[0]))
        report = send_files([pdf], to=["wang@example.org"], config=config, **FAST)
    assert report.ok, report.summary()
    (got,) = server.received
    assert got.tls and got.user == USER
    assert _attachment(got.message).get_content() == pdf.read_bytes()


def test_a_certificate_nobody_vouches_for_is_refused_without_retrying(tmp_path, pdf,
                                                                      certificate):
    server = Recorder()
    with smtp_server(server, starttls=certificate) as port:
        report = send_files([pdf], to=["wang@example.org"],
                            config=mail_config(tmp_path, port, security="starttls"), **FAST)
    assert not report.ok and not server.received and server.greetings == 1
    (line,) = report.failures
    assert line.startswith("certificate of 127.0.0.1 not trusted") and "cafile" in line


def test_implicit_tls_on_connect(tmp_path, pdf, certificate, monkeypatch):
    monkeypatch.setenv("BRIEFING_SMTP_CAFILE", str(certificate[0]))
    server = Recorder()
    with smtp_server(server, implicit_tls=certificate) as port:
        report = send_files([pdf], to=["wang@example.org"],
                            config=mail_config(tmp_path, port, security="ssl"), **FAST)
    assert report.ok, report.summary()
    assert server.received[0].tls


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_auth_without_tls_when_the_server_allows_it(tmp_path, pdf, monkeypatch):
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    server = Recorder()
    with smtp_server(server, auth=True, auth_require_tls=False) as port:
        report = send_files([pdf], to=["wang@example.org"],
                            config=mail_config(tmp_path, port, user=USER), **FAST)
    assert report.ok, report.summary()
    assert server.received[0].user == USER and not server.received[0].tls


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_wrong_password_is_one_line_tried_once_and_never_shown(tmp_path, pdf, monkeypatch):
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", "wrong-" + PASSWORD)
    server = Recorder()
    with smtp_server(server, auth=True, auth_require_tls=False) as port:
        report = send_files([pdf], to=LEADERS, config=mail_config(tmp_path, port, user=USER),
                            **FAST)
    assert not report.ok and not server.received
    assert server.logins_tried == 1 and server.greetings == 1
    assert [d.status for d in report.deliveries] == ["failed", "failed"]
    (line,) = report.failures
    assert line.startswith(f"authentication failed for user {USER} (535")
    assert PASSWORD not in report.summary() + line


def test_a_refused_connection_is_retried_with_growing_pauses(tmp_path, pdf, monkeypatch):
    pauses: list[float] = []
    monkeypatch.setattr(mail_smtp.time, "sleep", pauses.append)
    port = free_port()
    report = send_files([pdf], to=LEADERS, config=mail_config(tmp_path, port),
                        retries=3, backoff=0.5, timeout=2)
    assert not report.ok
    assert report.failures == [f"connection refused by {HOST}:{port}"]
    assert pauses == [0.5, 1.0, 2.0]


def test_a_silent_server_times_out(tmp_path, pdf):
    import socket

    with socket.socket() as silent:
        silent.bind((HOST, 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        report = send_files([pdf], to=["wang@example.org"], config=mail_config(tmp_path, port),
                            retries=0, backoff=0.0, timeout=0.3)
    assert report.failures == [f"timed out after 0.3 s talking to {HOST}:{port}"]


def test_a_refused_recipient_does_not_stop_the_others(tmp_path, pdf):
    server = Recorder(refuse={"nobody@example.org": "550 5.1.1 no such user"})
    with smtp_server(server) as port:
        report = send_files([pdf], to=["wang@example.org", "nobody@example.org"],
                            config=mail_config(tmp_path, port), **FAST)
    assert not report.ok
    assert [(d.recipient, d.status) for d in report.deliveries] == [
        ("wang@example.org", "sent"), ("nobody@example.org", "failed")]
    assert report.failures == ["recipient refused: nobody@example.org (550 5.1.1 no such user)"]
    (got,) = server.received
    assert got.rcpt_tos == ["wang@example.org"]
    assert _attachment(got.message).get_content() == pdf.read_bytes()


def test_a_recipient_deferred_with_4xx_gets_it_on_the_retry(tmp_path, pdf):
    server = Recorder(defer_once={"li@example.org"})
    with smtp_server(server) as port:
        report = send_files([pdf], to=LEADERS, config=mail_config(tmp_path, port), **FAST)
    assert report.ok, report.summary()
    assert [r.rcpt_tos for r in server.received] == [["wang@example.org"], ["li@example.org"]]


def test_a_rerun_skips_who_already_has_the_file_unless_resend(tmp_path, pdf):
    server = Recorder()
    with smtp_server(server) as port:
        config = mail_config(tmp_path, port)
        send_files([pdf], to=LEADERS, config=config, **FAST)
        again = send_files([pdf], to=["@leaders", "new@example.org"], config=config, **FAST)
        assert [d.status for d in again.deliveries] == ["skipped", "skipped", "sent"]
        assert again.ok and server.received[-1].rcpt_tos == ["new@example.org"]
        forced = send_files([pdf], to=["li@example.org"], config=config, resend=True, **FAST)
        assert forced.deliveries[0].status == "sent"
        make_pdf(pdf, issue=4, date="2023年3月20日")
        rebuilt = send_files([pdf], to=["li@example.org"], config=config, **FAST)
        assert rebuilt.deliveries[0].status == "sent"
    assert len(server.received) == 4
    assert server.received[-1].message["Subject"] == "江门高质量发展简报 第4期 2023-03-20"


def test_dry_run_writes_the_eml_and_needs_no_server(tmp_path, pdf):
    config = mail_config(tmp_path, None, host=None)
    report = send_files([pdf], to=LEADERS, bcc=["archive@example.org"], config=config,
                        dry_run_dir=tmp_path / "out")
    assert report.ok and {d.status for d in report.deliveries} == {"dry-run"}
    eml = tmp_path / "out" / f"{pdf.stem}.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert _attachment(message).get_content() == pdf.read_bytes()
    assert message["Bcc"] is None
    assert not (tmp_path / "briefing.db").exists()


PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"0" * 32).decode()
BRIEFING_HTML = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><p>第7期</p><p>市委政策研究室　2023年3月13日</p>
<h2>本期要点</h2>
<ol><li>鹤山市：地区生产总值增长8%，力争8.5%。</li>
<li>新会区：华锂新能源电池材料基地签约，总投资200亿元。</li></ol>
<h2>一、目标对比</h2><p>见下图。</p><img src="data:image/png;base64,{PNG}" alt="图">
<img src="chart.png"><img src="../secret.png"><img src="https://example.org/logo.png">
</body></html>"""


def test_our_briefing_html_is_the_body_and_its_key_points_the_text(tmp_path, pdf):
    pdf.with_suffix(".html").write_text(BRIEFING_HTML, encoding="utf-8")
    (tmp_path / "chart.png").write_bytes(b"\x89PNG chart")
    (tmp_path.parent / "secret.png").write_bytes(b"\x89PNG not ours")
    report = send_files([pdf], to=["wang@example.org"], config=mail_config(tmp_path, None),
                        dry_run_dir=tmp_path / "out")
    assert report.subject == "江门高质量发展简报 第7期 2023-03-13"
    message = email.message_from_bytes((tmp_path / "out" / f"{pdf.stem}.eml").read_bytes(),
                                       policy=policy.default)
    text = message.get_body(("plain",)).get_content()
    assert "本期要点\n1. 鹤山市：地区生产总值增长8%，力争8.5%。\n2. 新会区" in text
    html = message.get_body(("html",)).get_content()
    assert "目标对比" in html and "data:image" not in html
    images = [p for p in message.walk() if p.get_content_type() == "image/png"]
    assert [i.get_content() for i in images] == [base64.b64decode(PNG), b"\x89PNG chart"]
    assert all(f'cid:{i["Content-ID"].strip("<>")}' in html for i in images)
    assert 'src="../secret.png"' in html and "https://example.org/logo.png" in html
    assert _attachment(message).get_content() == pdf.read_bytes()


def test_environment_overrides_the_file_and_the_password_stays_hidden():
    config = Config(smtp={"host": "smtp.example.org", "port": 25, "from": SENDER})
    settings = smtp_settings(config, env={"BRIEFING_SMTP_HOST": "mail.example.cn",
                                          "BRIEFING_SMTP_SECURITY": "SSL",
                                          "BRIEFING_SMTP_USER": USER,
                                          "BRIEFING_SMTP_PASSWORD": PASSWORD})
    assert (settings.host, settings.port, settings.security) == ("mail.example.cn", 25, "ssl")
    assert settings.password == PASSWORD and PASSWORD not in repr(settings)
    assert smtp_settings(Config(smtp={"from": SENDER, "security": "ssl"}), env={}).port == 465


@pytest.mark.parametrize("smtp, env, message", [
    ({"from": SENDER, "security": "tls"}, {}, "security must be one of"),
    ({"from": SENDER, "port": "smtp"}, {}, "port must be a number"),
    ({"from": SENDER, "cafile": "/nonexistent/ca.pem"}, {}, "CA file not found"),
    ({"from": SENDER, "passwd": "x"}, {}, "unknown [smtp] setting passwd"),
    ({}, {}, "no sender"),
    ({"from": "analyst at example.org"}, {}, "not an email address"),
])
def test_unusable_settings_are_named(smtp, env, message):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        smtp_settings(Config(smtp=smtp), env=env)


def test_sending_needs_a_host_and_a_password_for_the_user(tmp_path, pdf):
    with pytest.raises(ConfigError, match="no SMTP server"):
        send_files([pdf], to=LEADERS, config=mail_config(tmp_path, None, host=None))
    with pytest.raises(ConfigError, match="BRIEFING_SMTP_PASSWORD"):
        send_files([pdf], to=LEADERS, config=mail_config(tmp_path, 25, user=USER))


def test_recipient_lists_expand_and_bad_addresses_are_named():
    config = Config(lists={"leaders": ["王局长 <wang@example.org>", "li@example.org"],
                           "all": ["@leaders", "office@example.org", "LI@example.org"]})
    assert expand_recipients(["@all"], config) == [
        "王局长 <wang@example.org>", "li@example.org", "office@example.org"]
    assert expand_recipients(["a@例子.中国"], config) == ["a@xn--fsqu00a.xn--fiqs8s"]
    with pytest.raises(ConfigError, match="unknown recipient list @bosses"):
        expand_recipients(["@bosses"], config)
    for bad in ["wang", "wang@", "wang@@example.org", "王局长 wang@example.org",
                "a@example.org\nBcc: x@example.org"]:
        with pytest.raises(ConfigError, match="not an email address"):
            expand_recipients([bad], config)


def test_cli_send_reports_each_recipient_and_fails_when_one_is_refused(tmp_path, pdf, capsys,
                                                                        monkeypatch):
    server = Recorder(refuse={"nobody@example.org": "550 5.1.1 no such user"})
    config_file = tmp_path / "briefing.toml"
    config_file.write_text(f'[briefing]\ntitle = "{TITLE}"\n[smtp]\nsecurity = "none"\n'
                           f'from = "{SENDER}"\n[lists]\nleaders = {LEADERS!r}\n'.replace("'", '"'),
                           encoding="utf-8")
    with smtp_server(server) as port:
        monkeypatch.setenv("BRIEFING_SMTP_HOST", HOST)
        monkeypatch.setenv("BRIEFING_SMTP_PORT", str(port))
        base = ["--config", str(config_file), "--db", str(tmp_path / "b.db"), "send", str(pdf)]
        assert main([*base, "--to", "@leaders", "--subject", "本周简报"]) == 0
        out, _ = capsys.readouterr()
        assert "sent     王局长 <wang@example.org>" in out
        assert main([*base, "--to", "nobody@example.org", "@leaders"]) == 4
        out, err = capsys.readouterr()
        assert "skipped  li@example.org" in out
        assert err.strip() == ("briefing: recipient refused: nobody@example.org "
                               "(550 5.1.1 no such user)")
    assert [m.message["Subject"] for m in server.received] == ["本周简报"]


NON_ASCII_PASSWORD = "密码-s3cret-Pässword"


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_non_ascii_password_logs_in_with_auth_plain_in_utf8(tmp_path, pdf, monkeypatch):
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", NON_ASCII_PASSWORD)
    server = Recorder()
    with smtp_server(server, auth=True, auth_require_tls=False,
                     password=NON_ASCII_PASSWORD) as port:
        report = send_files([pdf], to=["wang@example.org"],
                            config=mail_config(tmp_path, port, user=USER), **FAST)
    assert report.ok, report.summary()
    assert server.received[0].user == USER and server.logins_tried == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_non_ascii_password_the_server_cannot_take_is_one_line_never_shown(
        tmp_path, pdf, monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", NON_ASCII_PASSWORD)
    server = Recorder()
    with smtp_server(server, auth=True, auth_require_tls=False, password=NON_ASCII_PASSWORD,
                     mechanisms_left_out=("PLAIN",)) as port:
        config = tmp_path / "briefing.toml"
        config.write_text(f'[smtp]\nhost = "{HOST}"\nport = {port}\nsecurity = "none"\n'
                          f'user = "{USER}"\nfrom = "{SENDER}"\n', encoding="utf-8")
        code = main(["--config", str(config), "send", str(pdf), "--to", "wang@example.org"])
    out, err = capsys.readouterr()
    assert code == MailError.exit_code and not server.received, err
    # (aiosmtpd, running in this process, warns of AUTH without TLS on the same stderr)
    (line,) = [line for line in err.splitlines() if "aiosmtpd" not in line and "warn(" not in line]
    assert line.startswith(f"briefing: authentication failed for user {USER}: ")
    assert "Traceback" not in err
    for piece in (NON_ASCII_PASSWORD, "密码", "Pässword", "s3cret"):
        assert piece not in out + err


_WRITE_WITH_A_FULL_DISK = """
import resource, signal, sys
from email.message import EmailMessage
from pathlib import Path
from briefing.errors import BriefingError
from briefing.mail import _write_eml

msg = EmailMessage()
msg["Subject"] = "简报"
msg.set_content("正文" * 20000)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))
try:
    _write_eml(msg, Path(sys.argv[1]), "briefing")
except BriefingError as err:
    print(err)
"""


def test_a_dry_run_that_cannot_finish_writing_keeps_the_old_eml_whole(tmp_path):
    """The file system fills up halfway through the .eml: the last one is left as it was."""
    old = tmp_path / "briefing.eml"
    old.write_bytes(b"Subject: last week\n\nthe earlier dry run\n")
    run = subprocess.run([sys.executable, "-c", _WRITE_WITH_A_FULL_DISK, str(tmp_path)],
                         capture_output=True, text=True, env={**os.environ,
                                                              "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"{old}: cannot write")
    assert old.read_bytes() == b"Subject: last week\n\nthe earlier dry run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.eml"]   # no temporary left


def test_a_dry_run_eml_has_an_ordinary_files_mode(tmp_path, pdf):
    previous = os.umask(0o022)
    try:
        send_files([pdf], to=LEADERS, config=mail_config(tmp_path, None, host=None),
                   dry_run_dir=tmp_path / "out")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out" / f"{pdf.stem}.eml").stat().st_mode) == 0o644


def test_an_attachment_that_cannot_be_read_is_one_line_naming_it(tmp_path, pdf, monkeypatch,
                                                                 capsys):
    read_bytes = Path.read_bytes

    def unreadable(path: Path) -> bytes:
        if path.name == pdf.name:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    config = tmp_path / "briefing.toml"
    config.write_text(f'[smtp]\nfrom = "{SENDER}"\n', encoding="utf-8")
    code = main(["--config", str(config), "send", str(pdf), "--to", "wang@example.org",
                 "--dry-run", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [f"briefing: {pdf}: cannot read (Permission denied)"]
    assert not (tmp_path / "out").exists()
