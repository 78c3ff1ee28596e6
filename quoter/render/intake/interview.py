"""The first sales call as data: the questions a salesperson asks, in order, each answer parsed and checked by
the requirements model itself (the same rules and messages as a YAML file), and the answers as requirements.

The command (``quoter init``) asks; this module never prints. ``Interview.ask(question, text)`` returns the
model's message for a wrong answer (the command shows it and asks again) or None, having kept the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from quoter.render.intake.cells import latin
from quoter.render.intake.fields import INTRADAY_PROFILES, SEASONALITY_PROFILES, WEEKLY_PROFILES

Parse = Callable[[str, dict[str, str]], dict[str, Any]]


@dataclass(frozen=True)
class Question:
    """One question: ``key``, its wording (``en``, ``fa``), the default answer (None: an answer is needed),
    ``choices`` as (value, English line, Persian line), and ``parse`` from the answer text (and the answers so
    far) to requirements values by path; ``when`` says whether it is asked at all."""

    key: str
    en: str
    fa: str
    parse: Parse
    default: str | None = None
    choices: tuple[tuple[str, str, str], ...] = ()
    multiple: bool = False
    when: Callable[[dict[str, str]], bool] = lambda answers: True

    def text(self, lang: str) -> str:
        return self.fa if lang == "fa" else self.en


def _one(path: str, convert: Callable[[str], Any] = str) -> Parse:
    def parse(text: str, answers: dict[str, str]) -> dict[str, Any]:
        text = text.strip() if convert is str and path.startswith("client.") else latin(text)
        return {path: convert(text)} if text else {}

    return parse


def _num(text: str) -> Any:
    """A number if the text is one (``60,000`` ``۶۰۰۰۰`` ``85%``); else the text, for the model to refuse."""
    from quoter.render.intake.cells import number

    value = number(text)
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _volume(channel: str, unit: str) -> Parse:
    def parse(text: str, answers: dict[str, str]) -> dict[str, Any]:
        per = "week" if answers.get("basis", "month").startswith("w") else "month"
        return {f"channels.{channel}.{unit}_per_{per}": _num(latin(text))}

    return parse


def _target(text: str, answers: dict[str, str]) -> dict[str, Any]:
    """``80/20``: 80 % answered within 20 seconds."""
    level, sep, seconds = latin(text).replace("%", "").partition("/")
    if not sep:
        raise ValueError("write the target as percent/seconds, e.g. 80/20")
    sl = _num(level)
    return {"channels.voice.target.service_level": sl / 100 if isinstance(sl, int | float) and sl > 1 else sl,
            "channels.voice.target.answer_seconds": _num(seconds)}  # fmt: skip


def _hours(text: str, answers: dict[str, str]) -> dict[str, Any]:
    """``24/7``, or ``sat-wed 08:00-20:00; thu 08:00-14:00; fri closed``."""
    text = latin(text)
    if text.lower() in ("24/7", "24x7"):
        return {"service.hours": "24/7"}
    out: dict[str, Any] = {}
    for part in (p.strip() for p in text.replace("،", ";").split(";") if p.strip()):
        days, _, ranges = part.partition(" ")
        if not ranges.strip():
            raise ValueError(f"'{part}' needs days and hours, like 'sat-wed 08:00-20:00'")
        listed = [r.strip() for r in ranges.split(",") if r.strip()]
        out[days.strip()] = listed[0] if len(listed) == 1 else listed
    return {"service.hours": out}


def _shares(path: str) -> Parse:
    """``fa 0.85, en 0.10, ar 0.05`` (or ``fa=85%``); one language alone needs no share."""

    def parse(text: str, answers: dict[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for part in (p.strip() for p in latin(text).replace(";", ",").split(",") if p.strip()):
            code, _, share = part.replace("=", " ").replace(":", " ").partition(" ")
            out[code.strip()] = _num(share.strip()) if share.strip() else 1.0
        return {path: out}

    return parse


def _pools(text: str, answers: dict[str, str]) -> dict[str, Any]:
    """``en+ar`` (several pools separated by commas), or nothing."""
    text = latin(text)
    if text.lower() in ("", "none", "no", "-"):
        return {}
    return {"pools": [[c.strip() for c in pool.split("+") if c.strip()] for pool in text.split(",") if pool.strip()]}


def _start(text: str, answers: dict[str, str]) -> dict[str, Any]:
    """A month (``1405-10`` Jalali, ``2027-01``) starts on its first day; a full date is kept."""
    text = latin(text).replace("/", "-")
    if not text:
        return {}
    return {"service.start_date": text + "-01" if text.count("-") == 1 else text}


def _channels(text: str, answers: dict[str, str]) -> dict[str, Any]:
    return {}


def _has(channel: str) -> Callable[[dict[str, str]], bool]:
    return lambda answers: channel in answers.get("channels", "")


PROFILE_LINES = {
    "flat": ("the same all day", "یکنواخت در طول روز"),
    "business": ("office hours, a dip at lunch", "ساعات اداری، افت در ظهر"),
    "bank": ("a morning peak, quiet afternoons", "اوج صبح، عصرهای آرام"),
    "retail": ("busy evenings, a late peak", "عصرهای شلوغ، اوج دیروقت"),
    "support": ("a broad day peak, some night traffic", "اوج گسترده روز، اندکی تماس شبانه"),
    "iran-retail": ("Saturday busiest, Friday quietest", "شنبه شلوغ‌ترین، جمعه آرام‌ترین"),
    "iran-business": ("Saturday to Wednesday, little on Thursday and Friday", "شنبه تا چهارشنبه، پنجشنبه و جمعه اندک"),
    "western-business": ("Monday to Friday", "دوشنبه تا جمعه (هفته اروپایی)"),
    "iran-services": ("banks, insurers, telecoms over the Jalali year", "بانک، بیمه و مخابرات در سال شمسی"),
}  # fmt: skip
SEASON_LINES = {"flat": ("the same every month", "هر ماه یکسان"),
                "iran-retail": ("Nowruz dip, autumn sales, Esfand peak", "افت نوروز، حراج پاییز، اوج اسفند"),
                "iran-services": PROFILE_LINES["iran-services"]}  # fmt: skip


def _choices(names: tuple[str, ...], lines: dict[str, tuple[str, str]]) -> tuple[tuple[str, str, str], ...]:
    return tuple((n, *lines[n]) for n in names)


def _volume_question(ch: str, unit: str, en: str, fa: str) -> Question:
    return Question(f"{ch}.volume", f"{en} a {{basis}}?", f"تعداد {fa} در {{basis_fa}}؟", _volume(ch, unit),
                    when=_has(ch))  # fmt: skip


def _profile_questions(ch: str, en: str, fa: str) -> list[Question]:
    return [
        Question(f"{ch}.intraday", f"Shape of the day for {en}?", f"الگوی روزانه {fa}؟",
                 _one(f"channels.{ch}.profile.intraday"), "flat", _choices(INTRADAY_PROFILES, PROFILE_LINES),
                 when=_has(ch)),
        Question(f"{ch}.weekly", f"Shape of the week for {en}?", f"الگوی هفتگی {fa}؟",
                 _one(f"channels.{ch}.profile.weekly"), "flat", _choices(WEEKLY_PROFILES, PROFILE_LINES),
                 when=_has(ch)),
    ]  # fmt: skip


QUESTIONS: tuple[Question, ...] = (
    Question("client.name", "Client's company name (as the English contract names it)?",
             "نام شرکت مشتری (به لاتین، همان‌گونه که در قرارداد انگلیسی می‌آید)؟", _one("client.name")),
    Question("client.name_fa", "Its Persian name (empty: none)?", "نام فارسی شرکت (خالی: ندارد)؟",
             _one("client.name_fa"), ""),
    Question("client.country", "Client's country (ISO code)?", "کشور مشتری (کد ISO)؟", _one("client.country"), "IR"),
    Question("hours", "Opening hours: 24/7, or days and hours like 'sat-wed 08:00-20:00; thu 08:00-14:00'?",
             "ساعات کار: 24/7، یا روزها و ساعات مانند 'sat-wed 08:00-20:00; thu 08:00-14:00'؟", _hours, "24/7"),
    Question("channels", "Channels besides inbound calls (chat, email, outbound; empty: none)?",
             "کانال‌های دیگر جز تماس ورودی (chat، email، outbound؛ خالی: هیچ)؟", _channels, "",
             (("chat", "online chat", "گفتگوی برخط"), ("email", "e-mail", "رایانامه"),
              ("outbound", "outbound calls", "تماس خروجی")), multiple=True),
    Question("basis", "Volumes per month or per week?", "حجم‌ها ماهانه یا هفتگی؟", lambda t, a: {}, "month",
             (("month", "per month", "ماهانه"), ("week", "per week", "هفتگی"))),
    Question("voice.volume", "Inbound calls a {basis}?", "تعداد تماس ورودی در {basis_fa}؟", _volume("voice", "calls")),
    Question("voice.aht", "Average handle time of a call, seconds (talk + hold + after-call work)?",
             "میانگین زمان رسیدگی هر تماس به ثانیه (مکالمه + انتظار + کار پس از تماس)؟",
             _one("channels.voice.aht_seconds", _num), "240"),
    Question("voice.target", "Service level, percent/seconds?", "سطح خدمت، درصد/ثانیه؟", _target, "80/20"),
    Question("voice.patience", "Callers' mean patience in seconds (empty: not known, Erlang C)?",
             "میانگین صبر تماس‌گیرنده به ثانیه (خالی: نامعلوم، ارلنگ C)؟",
             _one("channels.voice.target.patience_seconds", _num), ""),
    Question("voice.intraday", "Shape of the day for calls?", "الگوی روزانه تماس‌ها؟",
             _one("channels.voice.profile.intraday"), "flat", _choices(INTRADAY_PROFILES, PROFILE_LINES)),
    Question("voice.weekly", "Shape of the week for calls?", "الگوی هفتگی تماس‌ها؟",
             _one("channels.voice.profile.weekly"), "flat", _choices(WEEKLY_PROFILES, PROFILE_LINES)),
    _volume_question("chat", "chats", "Chats", "گفتگو"),
    Question("chat.aht", "Length of a chat, seconds?", "مدت هر گفتگو به ثانیه؟",
             _one("channels.chat.aht_seconds", _num), "420", when=_has("chat")),
    Question("chat.concurrency", "Chats an agent handles at once?", "گفتگوی هم‌زمان هر کارشناس؟",
             _one("channels.chat.concurrency", _num), "2", when=_has("chat")),
    *_profile_questions("chat", "chats", "گفتگوها"),
    _volume_question("email", "emails", "E-mails", "رایانامه"),
    Question("email.handle", "Minutes to answer an e-mail?", "دقیقه برای پاسخ به هر رایانامه؟",
             _one("channels.email.handle_minutes", _num), "6", when=_has("email")),
    Question("email.response", "Every e-mail answered within how many hours?", "پاسخ هر رایانامه در چند ساعت؟",
             _one("channels.email.response_hours", _num), "24", when=_has("email")),
    *_profile_questions("email", "e-mails", "رایانامه‌ها"),
    _volume_question("outbound", "records", "Numbers to call", "شماره برای تماس خروجی"),
    Question("outbound.talk", "Talk time of an outbound call, seconds?", "زمان مکالمه هر تماس خروجی به ثانیه؟",
             _one("channels.outbound.talk_seconds", _num), "180", when=_has("outbound")),
    Question("outbound.attempts", "Dial attempts per number?", "دفعات شماره‌گیری هر شماره؟",
             _one("channels.outbound.attempts", _num), "2", when=_has("outbound")),
    Question("outbound.contact_rate", "Share of attempts that reach someone?", "سهم تلاش‌هایی که به گفتگو می‌رسد؟",
             _one("channels.outbound.contact_rate", _num), "0.45", when=_has("outbound")),
    *_profile_questions("outbound", "outbound calls", "تماس‌های خروجی"),
    Question("languages", "Languages and their shares, like 'fa 0.85, en 0.15'?",
             "زبان‌ها و سهم هر یک، مانند 'fa 0.85, en 0.15'؟", _shares("languages"), "fa 1"),
    Question("pools", "Languages answered by the same agents, like 'en+ar' (empty: none)?",
             "زبان‌هایی که کارشناسان مشترک دارند، مانند 'en+ar' (خالی: هیچ)؟", _pools, "",
             when=lambda a: "," in a.get("languages", "fa 1")),
    Question("term", "Contract term, months?", "مدت قرارداد به ماه؟", _one("service.term_months", _num), "12"),
    Question("start", "Start month, Jalali 1405-10 or Gregorian 2027-01 (empty: next month)?",
             "ماه آغاز، شمسی 1405-10 یا میلادی 2027-01 (خالی: ماه آینده)؟", _start, ""),
    Question("seasonality", "Volume over the year?", "نوسان حجم در طول سال؟", _one("seasonality"), "flat",
             _choices(SEASONALITY_PROFILES, SEASON_LINES)),
)  # fmt: skip


@dataclass
class Interview:
    """The answers so far (``answers``: text by question key) and the requirements data they make."""

    lang: str = "en"
    answers: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, Any]] = field(default_factory=dict)

    def next(self) -> Question | None:
        """The next question to ask, or None when the interview is over."""
        for q in QUESTIONS:
            if q.key not in self.answers and q.when(self.answers):
                return q
        return None

    def prompt(self, q: Question) -> str:
        basis = self.answers.get("basis", "month")
        week = basis.startswith("w")
        return q.text(self.lang).format(basis="week" if week else "month", basis_fa="هفته" if week else "ماه")

    def ask(self, q: Question, text: str) -> str | None:
        """Keep ``text`` as the answer to ``q`` (the default when empty), or return why it is wrong."""
        text = text.strip() or (q.default or "")
        if not text and q.default is None:
            return "an answer is needed"
        problem = _choice_problem(q, text)
        if problem:
            return problem
        try:
            values = q.parse(text, {**self.answers, q.key: text})
        except ValueError as exc:
            return str(exc)
        problems = _check({**self.values, q.key: values}, list(values) or [q.key])
        if problems:
            return "; ".join(problems)
        self.answers[q.key], self.values[q.key] = text, values
        return None

    def data(self) -> dict[str, Any]:
        """The requirements the answers make (nested, as a YAML file holds them)."""
        return _nest(self.values)


def _choice_problem(q: Question, text: str) -> str | None:
    if not q.choices or q.key.endswith(("intraday", "weekly")) and "," in text:
        return None
    picked = [t.strip() for t in latin(text).split(",") if t.strip()] if q.multiple else [latin(text)]
    valid = [c[0] for c in q.choices]
    bad = [p for p in picked if p not in valid]
    return f"'{bad[0]}' is not one of {', '.join(valid)}" if bad else None


def _nest(values: dict[str, dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for flat in values.values():
        for path, value in flat.items():
            node = out
            *parents, last = path.split(".")
            for p in parents:
                node = node.setdefault(p, {})
            node[last] = value
    return out


_PLACEHOLDERS = {
    "voice": (("calls_per_month", "calls_per_week"), "aht_seconds"),
    "chat": (("chats_per_month", "chats_per_week"), "aht_seconds"),
    "email": (("emails_per_month", "emails_per_week"), "handle_minutes"),
    "outbound": (("records_per_month", "records_per_week"), "talk_seconds"),
}


def _check(values: dict[str, dict[str, Any]], paths: list[str]) -> list[str]:
    """The requirements model's messages about ``paths`` (the rest of the file filled with placeholders)."""
    from pydantic import ValidationError

    from quoter.inputs.requirements import Requirements
    from quoter.inputs.yamlio import format_errors

    data = _nest(values)
    data.setdefault("client", {}).setdefault("name", "-")
    for key, spec in data.setdefault("channels", {}).items() or [("voice", {})]:
        volumes, handle = _PLACEHOLDERS.get(key, ((), ""))
        if volumes and not any(v in spec for v in volumes):
            spec[volumes[0]] = 1
        if handle and handle not in spec:
            spec[handle] = 1
    data["channels"].setdefault("voice", {"calls_per_month": 1, "aht_seconds": 1})
    try:
        Requirements.model_validate(data)
    except ValidationError as exc:
        out = []
        for text in format_errors(exc, Requirements, {}):
            where = text.partition(": ")[0]
            if any(where == p or where.startswith(p + ".") or p.startswith(where + ".") for p in paths):
                out.append(text)
        return out
    return []


NO_DEFAULT = {"client.name": "New client", "voice.volume": "10000"}
"""What ``--defaults`` answers where a question has no default: a placeholder name and volume to edit."""


def defaults(lang: str = "en") -> Interview:
    """An interview answered with every default (and :data:`NO_DEFAULT` where there is none)."""
    iv = Interview(lang)
    while (q := iv.next()) is not None:
        problem = iv.ask(q, q.default if q.default is not None else NO_DEFAULT[q.key])
        if problem:  # pragma: no cover - the defaults are valid answers
            raise AssertionError(f"{q.key}: {problem}")
    return iv
