"""The intake's fields as data: each one a requirements path, the kind of value it takes, and its label and
instruction in English and Persian. The interview (:mod:`quoter.render.intake.interview`) and the client's workbook
(:mod:`quoter.render.intake.form`) both read this table, so a field is worded once.

Paths are the requirements file's keys (docs/requirements.md); a form's defined name is the path with
underscores (``channels.voice.aht_seconds`` -> ``channels_voice_aht_seconds``). Hours, languages and pools are
tables of their own (the form's Hours and Languages sheets) and are not listed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "int", "number", "share", "bool", "choice", "date"]

INTRADAY_PROFILES = ("flat", "business", "bank", "retail", "support")
WEEKLY_PROFILES = ("flat", "iran-retail", "iran-business", "western-business")
SEASONALITY_PROFILES = ("flat", "iran-retail", "iran-services")
CHANNELS = ("voice", "chat", "email", "outbound")
DAYS = ("sat", "sun", "mon", "tue", "wed", "thu", "fri")


@dataclass(frozen=True)
class Field:
    """One input: ``path`` in the requirements, its ``kind``, labels and instructions (``en``, ``fa``), the
    drop-down's ``choices`` (a choice; a profile also takes typed weights) and the bounds a form checks."""

    path: str
    kind: Kind
    en: str
    fa: str
    help_en: str = ""
    help_fa: str = ""
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    strict_choice: bool = True

    @property
    def name(self) -> str:
        """The defined name of the field's cell in a form."""
        return self.path.replace(".", "_")

    @property
    def section(self) -> str:
        """The section the field belongs to: ``client``, ``service``, ``channels.voice``, ``staffing`` ..."""
        parts = self.path.split(".")
        return ".".join(parts[:2]) if parts[0] == "channels" else parts[0] if len(parts) > 1 else "other"

    def label(self, lang: str) -> str:
        return self.fa if lang == "fa" else self.en

    def help(self, lang: str) -> str:
        return self.help_fa if lang == "fa" else self.help_en


def _f(path: str, kind: Kind, en: str, fa: str, help_en: str = "", help_fa: str = "", **kw: object) -> Field:
    return Field(path, kind, en, fa, help_en, help_fa, **kw)  # type: ignore[arg-type]


def _profile(channel: str) -> list[Field]:
    p = f"channels.{channel}.profile"
    return [
        _f(f"{p}.intraday", "choice", "Shape of the day", "الگوی ساعات روز",
           "flat, business, bank, retail, support, or 24 hourly weights separated by commas",
           "یکی از الگوها، یا ۲۴ وزن ساعتی که با ویرگول جدا شده‌اند", choices=INTRADAY_PROFILES,
           strict_choice=False),
        _f(f"{p}.weekly", "choice", "Shape of the week", "الگوی روزهای هفته",
           "flat, iran-retail, iran-business, western-business, or 7 weights, Saturday first",
           "یکی از الگوها، یا ۷ وزن روزانه از شنبه", choices=WEEKLY_PROFILES, strict_choice=False),
    ]  # fmt: skip


CLIENT = [
    _f("client.name", "text", "Company name (English)", "نام شرکت (لاتین)",
       "Required: as the English contract names you", "الزامی: همان‌گونه که در قرارداد انگلیسی می‌آید"),
    _f("client.name_fa", "text", "Company name (Persian)", "نام شرکت (فارسی)",
       "As the Persian contract names you", "همان‌گونه که در قرارداد فارسی می‌آید"),
    _f("client.address", "text", "Address (English)", "نشانی (لاتین)"),
    _f("client.address_fa", "text", "Address (Persian)", "نشانی (فارسی)"),
    _f("client.national_id", "text", "National ID", "شناسه ملی",
       "11 digits for an Iranian company", "۱۱ رقم برای شرکت ایرانی"),
    _f("client.registration_no", "text", "Registration number", "شماره ثبت"),
    _f("client.economic_code", "text", "Economic code", "کد اقتصادی",
       "A foreign company: its tax identification number", "شرکت خارجی: شماره مالیاتی خود را بنویسد"),
    _f("client.postal_code", "text", "Postal code", "کد پستی", "10 digits", "۱۰ رقم"),
    _f("client.signatory", "text", "Who signs (English)", "امضاکننده (لاتین)"),
    _f("client.signatory_fa", "text", "Who signs (Persian)", "امضاکننده (فارسی)"),
    _f("client.signatory_title", "text", "Signatory's position (English)", "سمت امضاکننده (لاتین)",
       "e.g. Managing Director", "مثلاً Managing Director"),
    _f("client.signatory_title_fa", "text", "Signatory's position (Persian)", "سمت امضاکننده (فارسی)",
       "e.g. مدیرعامل", "مثلاً مدیرعامل"),
    _f("client.country", "text", "Country (ISO code)", "کشور (کد ISO)",
       "Two letters; default IR", "دو حرف لاتین؛ پیش‌فرض IR"),
    _f("client.contact", "text", "Contact person", "رابط پروژه", "Name, phone or e-mail",
       "نام، تلفن یا رایانامه"),
    _f("client.vat_reclaim", "bool", "Can you reclaim VAT?", "آیا مالیات بر ارزش افزوده را پس می‌گیرید؟",
       "No for a VAT-exempt seller such as a bank; default yes",
       "برای فروشنده معاف از مالیات (مانند بانک) «خیر»؛ پیش‌فرض «بله»"),
]  # fmt: skip

SERVICE = [
    _f("service.hours", "choice", "Opening hours", "ساعات کار",
       "24/7, or the days and hours on the Hours sheet", "شبانه‌روزی، یا روزها و ساعات در برگه ساعات کار",
       choices=("24/7", "by day")),
    _f("service.interval_minutes", "choice", "Planning interval (minutes)", "بازه برنامه‌ریزی (دقیقه)",
       "15, 30 or 60; default 30", "۱۵، ۳۰ یا ۶۰؛ پیش‌فرض ۳۰", choices=("15", "30", "60")),
    _f("service.timezone", "text", "Time zone of the hours", "منطقه زمانی ساعات کار",
       "IANA name; default Asia/Tehran", "نام IANA؛ پیش‌فرض Asia/Tehran"),
    _f("service.term_months", "int", "Contract term (months)", "مدت قرارداد (ماه)",
       "1 to 120; default 12", "۱ تا ۱۲۰؛ پیش‌فرض ۱۲", low=1, high=120),
    _f("service.start_date", "date", "First day of service", "نخستین روز خدمت",
       "Jalali (1405-10-01) or Gregorian (2026-12-22); default: the first of next month",
       "شمسی (۱۴۰۵-۱۰-۰۱) یا میلادی؛ پیش‌فرض: اول ماه آینده"),
]  # fmt: skip

SEASONALITY = [
    _f("seasonality", "choice", "Volume over the year", "نوسان حجم در طول سال",
       "flat, iran-retail, iran-services, or 12 monthly factors from Farvardin separated by commas",
       "یکنواخت (flat)، خرده‌فروشی (iran-retail)، خدمات (iran-services)، یا ۱۲ ضریب ماهانه از فروردین",
       choices=SEASONALITY_PROFILES, strict_choice=False),
]  # fmt: skip

VOICE = [
    _f("channels.voice.calls_per_month", "number", "Calls a month", "تعداد تماس در ماه",
       "Or calls a week below (one of the two)", "یا تعداد در هفته (فقط یکی از این دو)", low=0),
    _f("channels.voice.calls_per_week", "number", "Calls a week", "تعداد تماس در هفته", low=0),
    _f("channels.voice.aht_seconds", "number", "Average handle time (seconds)", "میانگین زمان رسیدگی (ثانیه)",
       "Talk + hold + after-call work", "مکالمه + انتظار + کار پس از تماس", low=0),
    _f("channels.voice.acw_seconds", "number", "After-call work (seconds)", "کار پس از تماس (ثانیه)",
       "Part of the handle time; default 0", "بخشی از زمان رسیدگی؛ پیش‌فرض ۰", low=0),
    _f("channels.voice.ivr_seconds", "number", "Time in the IVR (seconds)", "زمان در منوی تلفنی (ثانیه)",
       "Before the queue; default 0", "پیش از صف؛ پیش‌فرض ۰", low=0),
    _f("channels.voice.target.service_level", "share", "Service level (share answered)", "سطح خدمت (سهم پاسخ‌ها)",
       "e.g. 80% within the answer time; default 80%", "مثلاً ۸۰٪ در زمان پاسخ؛ پیش‌فرض ۸۰٪", low=0, high=1),
    _f("channels.voice.target.answer_seconds", "number", "... answered within (seconds)", "... پاسخ در (ثانیه)",
       "default 20", "پیش‌فرض ۲۰", low=0),
    _f("channels.voice.target.max_abandon", "share", "Most callers hanging up", "بیشترین سهم تماس‌های رهاشده",
       "Optional; needs the patience below", "اختیاری؛ صبر تماس‌گیرنده را هم بنویسید", low=0, high=1),
    _f("channels.voice.target.patience_seconds", "number", "Callers' patience (seconds)",
       "صبر تماس‌گیرنده (ثانیه)", "Optional: mean wait before hanging up",
       "اختیاری: میانگین انتظار پیش از قطع تماس", low=0),
    _f("channels.voice.target.max_asa_seconds", "number", "Longest average wait (seconds)",
       "بیشترین میانگین زمان انتظار (ثانیه)", "Optional", "اختیاری", low=0),
    *_profile("voice"),
]  # fmt: skip

CHAT = [
    _f("channels.chat.chats_per_month", "number", "Chats a month", "تعداد گفتگو در ماه",
       "Leave the chat rows empty if you need no chat", "اگر گفتگوی برخط نمی‌خواهید این بخش را خالی بگذارید",
       low=0),
    _f("channels.chat.chats_per_week", "number", "Chats a week", "تعداد گفتگو در هفته", low=0),
    _f("channels.chat.aht_seconds", "number", "Length of a chat (seconds)", "مدت هر گفتگو (ثانیه)", low=0),
    _f("channels.chat.concurrency", "int", "Chats an agent handles at once", "گفتگوی هم‌زمان هر کارشناس",
       "1 to 6; default 2", "۱ تا ۶؛ پیش‌فرض ۲", low=1, high=6),
    _f("channels.chat.concurrency_slowdown", "share", "How much longer a chat takes per other chat held",
       "کندشدن هر گفتگو به ازای هر گفتگوی هم‌زمان دیگر",
       "15%: a chat takes 15% longer for each other chat its agent holds; default 0 (the length above is a chat "
       "handled alone)", "۱۵٪ یعنی هر گفتگو به ازای هر گفتگوی دیگرِ هم‌زمانِ کارشناس ۱۵٪ طولانی‌تر می‌شود؛ "
       "پیش‌فرض صفر (مدت بالا مدت گفتگویی است که کارشناس به‌تنهایی پاسخ می‌دهد)", low=0, high=1),
    _f("channels.chat.first_response_seconds", "number", "First response within (seconds)",
       "نخستین پاسخ در (ثانیه)", "default 60", "پیش‌فرض ۶۰", low=0),
    _f("channels.chat.service_level", "share", "... for this share of chats", "... برای این سهم از گفتگوها",
       "default 80%", "پیش‌فرض ۸۰٪", low=0, high=1),
    *_profile("chat"),
]  # fmt: skip

EMAIL = [
    _f("channels.email.emails_per_month", "number", "E-mails a month", "تعداد رایانامه در ماه",
       "Leave the e-mail rows empty if you need none", "اگر پاسخ به رایانامه نمی‌خواهید خالی بگذارید", low=0),
    _f("channels.email.emails_per_week", "number", "E-mails a week", "تعداد رایانامه در هفته", low=0),
    _f("channels.email.handle_minutes", "number", "Minutes to answer one", "دقیقه برای پاسخ به هر رایانامه",
       low=0),
    _f("channels.email.response_hours", "number", "Every e-mail answered within (hours)",
       "پاسخ به هر رایانامه در (ساعت)", "default 24", "پیش‌فرض ۲۴", low=0),
    _f("channels.email.response_clock", "choice", "The hours above count", "شمارش ساعت‌های مهلت پاسخ",
       "working: open hours only; clock: every hour on the clock, nights and days off included",
       "working: فقط ساعت‌های کاری؛ clock: همه ساعت‌های شبانه‌روز، شب‌ها و روزهای تعطیل هم",
       choices=("working", "clock")),
    *_profile("email"),
]  # fmt: skip

OUTBOUND = [
    _f("channels.outbound.records_per_month", "number", "Numbers to call a month", "تعداد شماره در ماه",
       "Or a week, or the whole campaign with its weeks", "یا در هفته، یا کل کارزار همراه با تعداد هفته‌ها",
       low=0),
    _f("channels.outbound.records_per_week", "number", "Numbers to call a week", "تعداد شماره در هفته", low=0),
    _f("channels.outbound.records_total", "number", "Numbers in the whole campaign", "تعداد کل شماره‌های کارزار",
       low=0),
    _f("channels.outbound.campaign_weeks", "number", "Campaign length (weeks)", "طول کارزار (هفته)", low=0),
    _f("channels.outbound.attempts", "number", "Dial attempts per number", "دفعات شماره‌گیری هر شماره",
       "default 1", "پیش‌فرض ۱", low=1),
    _f("channels.outbound.contact_rate", "share", "Attempts that reach someone", "سهم تلاش‌های موفق به گفتگو",
       "default 50%", "پیش‌فرض ۵۰٪", low=0, high=1),
    _f("channels.outbound.talk_seconds", "number", "Talk time (seconds)", "زمان مکالمه (ثانیه)", low=0),
    _f("channels.outbound.wrap_seconds", "number", "Wrap-up after a call (seconds)", "کار پس از تماس (ثانیه)",
       "default 0", "پیش‌فرض ۰", low=0),
    _f("channels.outbound.dial_seconds", "number", "Ringing per attempt (seconds)", "زمان زنگ هر تلاش (ثانیه)",
       "default 25", "پیش‌فرض ۲۵", low=0),
    _f("channels.outbound.completion_rate", "share", "Reached people who complete", "سهم گفتگوهای کامل‌شده",
       "Optional", "اختیاری", low=0, high=1),
    _f("channels.outbound.conversion_rate", "share", "Reached people giving a lead or sale",
       "سهم گفتگوهای منجر به فروش یا سرنخ", "Optional; at most the completion share",
       "اختیاری؛ حداکثر برابر سهم کامل‌شده", low=0, high=1),
    _f("channels.outbound.result", "choice", "What a result is", "نتیجه هر تماس چیست",
       "survey, lead or sale", "نظرسنجی (survey)، سرنخ (lead) یا فروش (sale)", choices=("survey", "lead", "sale")),
    *_profile("outbound"),
]  # fmt: skip

STAFFING = [
    _f("staffing.shrinkage", "share", "Paid time off the phones", "سهم زمان غیرپاسخگویی",
       "Breaks, training, leave; default 30%", "استراحت، آموزش، مرخصی؛ پیش‌فرض ۳۰٪", low=0, high=1),
    _f("staffing.max_occupancy", "share", "Highest occupancy", "بیشترین اشغال کارشناس", "default 85%",
       "پیش‌فرض ۸۵٪", low=0, high=1),
    _f("staffing.hours_per_fte_week", "number", "Hours of a full-time agent a week", "ساعات کار هفتگی تمام‌وقت",
       "Iran: 44", "در ایران ۴۴", low=0),
    _f("staffing.min_agents", "int", "Agents on duty at least", "کمترین تعداد کارشناس حاضر", "default 1",
       "پیش‌فرض ۱", low=0),
    _f("staffing.line_blocking", "share", "Busy-line share for line sizing", "سهم خطوط اشغال",
       "default 1%", "پیش‌فرض ۱٪", low=0, high=1),
    _f("bilingual_share", "share", "Agents of a shared language group who speak all its languages",
       "سهم کارشناسانِ گروه زبانی مشترک که همه زبان‌های آن را می‌دانند",
       "For languages answered by the same agents; default 100%", "برای زبان‌هایی که کارشناسان مشترک دارند؛ "
       "پیش‌فرض ۱۰۰٪", low=0, high=1),
]  # fmt: skip

PAYMENT = [
    _f("payment.days", "int", "Days to pay an invoice", "مهلت پرداخت صورتحساب (روز)",
       "Optional: your terms, else ours", "اختیاری: شرایط شما؛ در غیر این صورت شرایط ما", low=0),
    _f("payment.social_security_retention", "share", "Social-security retention", "کسور بیمه تأمین اجتماعی",
       "Optional, at most 50%", "اختیاری، حداکثر ۵۰٪", low=0, high=0.5),
    _f("payment.performance_retention", "share", "Good-performance retention", "سپرده حسن انجام کار",
       "Optional, at most 50%", "اختیاری، حداکثر ۵۰٪", low=0, high=0.5),
    _f("payment.guarantee_share", "share", "Performance guarantee (of the contract)", "ضمانت‌نامه (سهم از قرارداد)",
       "Optional, at most 50%", "اختیاری، حداکثر ۵۰٪", low=0, high=0.5),
    _f("payment.withholding", "share", "Tax withheld on each payment", "کسر مالیات از هر پرداخت",
       "Optional, at most 50%", "اختیاری، حداکثر ۵۰٪", low=0, high=0.5),
]  # fmt: skip

NOTES = [_f("notes", "text", "Anything else we should know", "توضیحات دیگر")]

SECTIONS: dict[str, list[Field]] = {
    "client": CLIENT,
    "service": [*SERVICE, *SEASONALITY],
    "channels.voice": VOICE,
    "channels.chat": CHAT,
    "channels.email": EMAIL,
    "channels.outbound": OUTBOUND,
    "staffing": STAFFING,
    "payment": PAYMENT,
    "notes": NOTES,
}
SECTION_TITLES = {
    "client": ("The company", "مشخصات شرکت"),
    "service": ("The service", "خدمت"),
    "channels.voice": ("Phone calls (required)", "تماس تلفنی ورودی (الزامی)"),
    "channels.chat": ("Online chat (optional)", "گفتگوی برخط (اختیاری)"),
    "channels.email": ("E-mail (optional)", "رایانامه (اختیاری)"),
    "channels.outbound": ("Outbound calls (optional)", "تماس خروجی (اختیاری)"),
    "staffing": ("Staffing (leave empty for our defaults)", "نیروی انسانی (برای مقادیر پیش‌فرض خالی بگذارید)"),
    "payment": ("Payment terms (optional)", "شرایط پرداخت (اختیاری)"),
    "notes": ("Notes", "توضیحات"),
}
FIELDS: tuple[Field, ...] = tuple(f for fs in SECTIONS.values() for f in fs)
BY_PATH: dict[str, Field] = {f.path: f for f in FIELDS}
