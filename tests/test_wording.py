"""The wording table: complete in both languages, consistent fields, the right script, every model named."""

from __future__ import annotations

import re

import pytest

from quoter.render import wording as w

PERSIAN = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]")
BILINGUAL = [k for k in w.EN if not k.startswith(w.EN_ONLY_PREFIXES)]


def test_every_key_has_both_languages():
    assert set(w.FA) == set(BILINGUAL)
    assert all(w.EN[k] and w.FA[k] for k in BILINGUAL)


@pytest.mark.parametrize("key", BILINGUAL)
def test_persian_has_the_english_fields(key):
    en, fa = w.fields_of(w.EN[key]), w.fields_of(w.FA[key])
    if key in w.FA_FEWER_FIELDS:  # the Persian text, as it was, leaves a figure out
        assert fa < en
    else:
        assert fa == en


def test_scripts():
    assert not [k for k, v in w.EN.items() if PERSIAN.search(v)]
    assert not [k for k, v in w.FA.items() if not PERSIAN.search(v.replace("{", " ").replace("}", " "))]


def test_every_tariff_model_has_names():
    from quoter.pricing.tariffs import model_keys

    assert set(model_keys()) <= set(w.MODEL_KEYS)
    for key in model_keys():
        for lang in w.LANGS:
            assert w.model_name(key, lang) and w.model_short(key, lang)


def test_every_channel_group_role_and_scenario():
    for lang in w.LANGS:
        for c in w.CHANNEL_KEYS:
            assert w.channel_name(c, lang) and w.channel_volume(c, lang) and w.unit_name(c, lang)
        assert w.unit_name("minute", lang)
        assert all(w.group_label(g, lang) for g in w.GROUP_KEYS)
        assert all(w.line_label(f"support.{r}", lang) == w.role_label(r, lang) for r in w.ROLE_KEYS)
        assert all(w.scenario_label(s, lang) for s in w.SCENARIO_KEYS)


def test_tier_families():
    assert w.line_label("wages.en", "en") == "Agent wages, en tier"
    assert w.line_label("wages.fa", "fa") == "حقوق پایه کارشناسان، رده فارسی"  # the tier by its language's name
    assert w.line_label("accruals.en", "fa") == "ذخیره عیدی و سنوات، رده انگلیسی"
    assert w.line_label("accruals.ar", "en") == "Year-end bonus and severance accruals, ar tier"
    assert w.line_label("accruals.ar", "fa") == "ذخیره عیدی و سنوات، رده عربی"


def test_rotations_margin_and_term():
    assert w.line_label("premium.shift", "en", rotations="morning/night") == "Rotating-shift premium (morning/night)"
    assert w.line_label("premium.shift", "fa", rotations="morning/night") == "فوق\u200cالعاده نوبت\u200cکاری"
    assert w.line_label("margin", "en", percent="18") == "Margin (18% of the price)"
    assert w.line_label("discount.term", "en", months=24) == "Term discount (24 months)"
    with pytest.raises(KeyError, match="percent"):
        w.line_label("margin", "en")


def test_recommendation_sentences():
    fill = {"client": "Pars", "monthly": "1,000 IRR", "spread": "", "runner": "", "ex_vat": ""}
    why = w.recommendation_why(["stable_volume", "vat"], "en", at_risk="10%")
    assert why.startswith("the volume is well known") and why.endswith("the whole bill counts")
    en = w.text("recommendation.sentence", "en", model=w.model_short("fixed", "en"), why=why, **fill)
    assert en.startswith("The fixed monthly tariff suits Pars: the volume is well known")
    assert "{" not in w.recommendation_why(["quality"], "fa", at_risk="۱۰٪")
    assert w.recommendation_why(["runner_up_loses"], "en") == ""  # a reason about the runner-up, said apart
    spread = w.text("recommendation.spread", "en", low="9", high="11")
    assert spread == ", moving to 9 at 15% less volume and 11 at 15% more"


def test_missing_key_or_language_names_both():
    with pytest.raises(KeyError, match=r"'model\.nope'.*'fa'"):
        w.text("model.nope", "fa")
    with pytest.raises(KeyError, match="'de'"):
        w.model_name("per_call", "de")
    with pytest.raises(KeyError, match="'fa'"):
        w.text("cli.cost.line", "fa")


def test_workbook_labels_keep_their_keys():
    assert w.labels("workbook.", "en")["cost"] == "Cost"
    assert set(w.labels("workbook.", "en")) == set(w.labels("workbook.", "fa"))


def test_every_line_key_the_engine_adds_has_a_label():
    import ast
    from pathlib import Path

    import quoter.pricing

    keys = []
    for name in ("cost.py", "setup.py"):
        tree = ast.parse((Path(quoter.pricing.__file__).parent / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "add" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant):
                    keys.append(arg.value)
                elif isinstance(arg, ast.JoinedStr):  # f"wages.{tier}": the family must be known
                    keys.append(arg.values[0].value.rstrip("."))
    assert len(keys) >= 30
    for key in keys:
        for lang in w.LANGS:
            assert (
                w.has(f"line.{key}.*", lang)
                or any(k.startswith(f"line.{key}") for k in w.TABLES[lang])
                or (key == "support")
            ), (key, lang)


def test_persian_assumptions_name_the_currency_and_the_clock_in_persian():
    import json

    from quoter.render import text

    from .conftest import ROOT

    quote = json.loads((ROOT / "tests/fixtures/quote_sample.json").read_text(encoding="utf-8"))
    fa = " ".join(text.assumptions(quote, "fa"))
    assert "IRR" not in fa and "Asia/Tehran" not in fa
    assert "مبالغ به ریال ایران" in fa and "به وقت تهران" in fa
    en = " ".join(text.assumptions(quote, "en"))
    assert "amounts in IRR" in en and "Asia/Tehran" in en  # English keeps the codes
