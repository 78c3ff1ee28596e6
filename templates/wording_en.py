"""English wording of the four documents (see build_templates.py for the block helpers).

Every figure comes from the context (docs/documents.md lists its keys); nothing here is a number of a deal.
"""

from __future__ import annotations

from build_templates import bullet, center, formula, h1, h2, logo, p, pairs, table, tag, title

AND = "{% if not loop.last %}{% if loop.revindex == 2 %} and {% else %}, {% endif %}{% endif %}"
"""Inside a {% for %}: "a, b and c"."""

HEADER = [
    *logo(),
    center("**{{ company.name }}**"),
    center(
        "{{ company.address }}{% if company.phone %} · Tel. {{ company.phone }}{% endif %}"
        "{% if company.email %} · {{ company.email }}{% endif %}"
    ),
]


def _identity(x: str) -> str:
    """A party (``company`` or ``client``) with its identifiers; one that is not known is a blank to fill
    at signature. A foreign party is named by its country and registration number."""
    text = (
        "**{{ @.name }}**{% if @.foreign %}, registered in {{ @.country_name }} under number "
        "{{ @.fill.registration_no }}, tax identification number {{ @.fill.economic_code }}, whose address is "
        "{{ @.fill.address }}{% else %}, national ID (shenase-ye melli) {{ @.fill.national_id }}, registration "
        "number {{ @.fill.registration_no }}, economic code {{ @.fill.economic_code }}, whose address is "
        "{{ @.fill.address }}, postal code {{ @.fill.postal_code }}{% endif %}"
        "{% if @.phone %}, tel. {{ @.phone }}{% endif %}, represented by {{ @.fill.signatory }}, "
        "{{ @.fill.signatory_title }}"
    )
    return text.replace("@", x)


SIGNATURES = [
    table(
        ["For the Provider", "For the Client"],
        [
            ["{{ company.name }}", "{{ client.name }}"],
            ["Name: {{ company.fill.signatory }}", "Name: {{ client.fill.signatory }}"],
            ["Title: {{ company.fill.signatory_title }}", "Title: {{ client.fill.signatory_title }}"],
            ["Date of signature: ...............", "Date of signature: ..............."],
            ["Signature and company stamp:\n\n\n", "Signature and company stamp:\n\n\n"],
        ],
        widths=[8.5, 8.5],
    ),
]

VAT_EXCLUDED = "{% if chosen.vat_applies %}Prices exclude VAT ({{ chosen.vat_rate }}). {% endif %}"
"""The VAT sentence, only when the rate is not zero."""

PRICE_POLICY = [
    tag("{%p if term.policy == 'indexed' %}"),
    bullet(
        VAT_EXCLUDED + "Prices hold until the first Nowruz of the term"
        "{% if term.first_adjustment %}, 1 {{ term.first_adjustment }}{% endif %}, and then move on each "
        "1 Farvardin by a formula the contract sets out: {{ term.indexed.labour_share }} of the price follows "
        "the minimum wage decreed by the Supreme Labour Council{% if term.indexed.fx_share %}, {% else %} and "
        "{% endif %}{{ term.indexed.other_share }} follows the "
        "consumer price index{% if term.indexed.fx_share %} and {{ term.indexed.fx_share }} the US dollar "
        "rate{% endif %}.{% if term.first_expected_rise %} At the rises we assume today, the first adjustment "
        "would be about {{ term.first_expected_rise }}; the decreed and published figures decide.{% endif %}"
    ),
    tag("{%p elif term.policy == 'level' %}"),
    bullet(
        VAT_EXCLUDED + "Prices are fixed for the whole term of {{ term.months }} months: they already include "
        "the wage and cost rises we expect during the term, so there is no price adjustment."
    ),
    tag("{%p else %}"),
    bullet(VAT_EXCLUDED + "Prices hold for the first contract year unless wages set by law change."),
    tag("{%p endif %}"),
]
"""The proposal's sentence on how prices move over the term (the contract's Article 5)."""

PAYMENT_TERMS = [
    bullet(
        "The Provider invoices each month's services by day {{ terms.invoice_day }} of the following month; "
        "the Client pays each invoice within {{ terms.payment_days }} days of receiving it."
    ),
    bullet("The one-time setup fees, {{ setup.total.figures }}, are payable half on signature and half at go-live."),
    tag("{%p if term.payment.social_security_retention %}"),
    bullet(
        "The Client holds back {{ term.payment.social_security_retention }} of each payment until the "
        "Provider produces the Social Security Organisation's clearance (Social Security Act, article 38)."
    ),
    tag("{%p endif %}"),
    tag("{%p if term.payment.performance_retention %}"),
    bullet(
        "{{ term.payment.performance_retention }} of each payment is retained for good performance and "
        "released to the Provider {% if term.payment.performance_release_period %}"
        "{{ term.payment.performance_release_period }} after {% else %}after {% endif %}the end of the "
        "contract, once good performance is confirmed."
    ),
    tag("{%p endif %}"),
    tag("{%p if term.payment.guarantee_share %}"),
    bullet(
        "Before go-live the Provider gives the Client a performance guarantee of "
        "{{ term.payment.guarantee_share }} of the contract value{% if term.guarantee %}, "
        "{{ term.guarantee.figures }}{% endif %}."
    ),
    tag("{%p endif %}"),
    tag("{%p if term.payment.withholding %}"),
    bullet(
        "Where the law requires it, the Client withholds {{ term.payment.withholding }} of each payment as tax "
        "and pays it to the tax administration (Direct Taxes Act, article 104)."
    ),
    tag("{%p endif %}"),
    tag("{%p if chosen.vat_applies %}"),
    bullet("VAT at {{ chosen.vat_rate }} is shown separately on each invoice and paid with it."),
    tag("{%p else %}"),
    bullet("VAT does not apply to these services."),
    tag("{%p endif %}"),
    tag("{%p if term.value %}"),
    bullet(
        "The estimated value of the contract over its term, setup fees included"
        "{% if chosen.vat_applies %} and VAT excluded{% endif %}, is {{ term.value.figures }}."
    ),
    tag("{%p endif %}"),
]
"""The proposal's payment terms (the contract's Article 6): days, retentions, guarantee and tax."""

IN_HOUSE = [
    tag("{%p if in_house %}"),
    h2("Compared with running the service yourself"),
    p(
        "Running the same service in-house would cost you about {{ in_house.monthly_total.figures }} a month "
        "and {{ in_house.setup_total.figures }} to set up: {{ in_house.term_total.figures }} over the "
        "{{ term.months }} months of the term, at the wages and prices we expect. That includes costs a first "
        "estimate often leaves out:"
    ),
    table(
        ["In-house cost often left out", "Monthly"],
        [["{{ h.label }}", "{{ h.amount }}"]],
        widths=[11.0, 6.0],
        loop="h in in_house.hidden",
    ),
    p(
        "Outsourced, the same term comes to {{ in_house.outsourced_term_total.figures }}: "
        "{{ in_house.outsourced_bill.figures }} for the {{ chosen.name }} tariff with the setup fees, "
        "{{ in_house.vendor_management.figures }} ({{ in_house.vendor_management_share }} of the bill) for "
        "your own vendor management{% if in_house.vat_included %} and {{ in_house.outsourced_vat.figures }} "
        "of VAT, which you cannot reclaim{% elif chosen.vat_applies %}, excluding VAT, which you reclaim{% endif %}."
    ),
    p(
        "{% if in_house.cheaper == 'outsourced' %}**Outsourcing is cheaper by {{ in_house.difference.figures }}** "
        "over the term{% if in_house.vat_included %}, VAT included{% endif %}: {{ in_house.difference_share }} "
        "less than running it in-house.{% else %}**Running it in-house is cheaper by "
        "{{ in_house.difference.figures }}** over the term{% if in_house.vat_included %}, VAT included{% endif %}: "
        "{{ in_house.difference_share }} less than outsourcing. What outsourcing offers you instead is "
        "flexibility, continuity and a trained team you do not have to build.{% endif %}"
    ),
    tag("{%p endif %}"),
]
"""The proposal's comparison with running the service in-house (both sides over the term)."""

PROPOSAL = [
    *HEADER,
    title("Technical and Financial Proposal"),
    center("Contact-center services for **{{ client.name }}**"),
    pairs(
        [
            ["Proposal number", "{{ quote.number }}"],
            ["Date", "{{ quote.date }}"],
            ["Valid until", "{{ quote.valid_until }}"],
            ["Prepared for", "{{ client.name }}{% if client.contact %}, attention of {{ client.contact }}{% endif %}"],
            ["Prepared by", "{{ company.name }}"],
        ]
    ),
    h2("Covering letter"),
    p("**The Management, {{ client.name }}**"),
    p("Subject: Technical and financial proposal for contact-center services"),
    p("Dear Sir or Madam,"),
    p(
        "Further to your request, {{ company.name }} is pleased to submit in this document its technical and "
        "financial proposal for contact-center services on {{ service.channels }}. The staffing plan, tariffs, "
        "setup fees and payment terms rest on the volumes and targets set out in section 2, and the proposal "
        "is valid until {{ quote.valid_until }}. We would be glad to go through any part of it with your "
        "representatives at a meeting."
    ),
    p("Yours faithfully,"),
    p("**{{ company.signatory }}**, {{ company.signatory_title }}, {{ company.name }}"),
    h1("1. About us"),
    p(
        "{{ company.name }}{% if company.registration_no %}, registration number {{ company.registration_no }}"
        "{% endif %}, {{ company.address }}.{% if company.description %} {{ company.description }}{% endif %}"
    ),
    tag("{%p if company.years %}"),
    bullet("In business for {{ company.years }} years."),
    tag("{%p endif %}"),
    tag("{%p if company.seats %}"),
    bullet("Capacity: {{ company.seats }} agent workstations."),
    tag("{%p endif %}"),
    tag("{%p if company.certifications %}"),
    bullet("Certifications: {{ company.certifications }}."),
    tag("{%p endif %}"),
    h1("2. The client's requirements"),
    p(
        "{{ client.name }} wants its customers answered professionally on {{ service.channels }} "
        "in {{ service.languages }}; service hours: {{ service.hours }} ({{ service.timezone }}). "
        "The volumes and targets below "
        "are the basis of every figure in this proposal; if they differ from your expectations, tell us and "
        "we will re-price within one working day."
    ),
    table(
        ["Channel", "Volume", "Average handle time", "Service target"],
        [["{{ n.channel }}", "{{ n.volume }}", "{{ n.handle_time }}", "{{ n.target }}"]],
        widths=[3.2, 4.8, 4.0, 5.0],
        loop="n in needs",
    ),
    tag("{%p if not service.single_language or targets.max_abandon %}"),
    p(
        "{% if not service.single_language %}Language mix: {{ service.language_shares }}. {% endif %}"
        "{% if targets.max_abandon %}No more than {{ targets.max_abandon }} of callers should hang up while "
        "waiting.{% endif %}"
    ),
    tag("{%p endif %}"),
    h1("3. Service design"),
    p(
        "We will run a dedicated team for {{ client.name }} on {{ service.channels }}, for a term of "
        "{{ service.term_months }} months{% if service.start_date %} starting on {{ service.start_date }}{% endif %}. "
        "The service includes, at no separate charge:"
    ),
    bullet("Dedicated telephone lines provided by us, or your own numbers connected to our platform."),
    tag("{%p if included.crm %}"),
    bullet("Every contact and its outcome recorded in your own CRM, so the history stays with you."),
    tag("{%p endif %}"),
    tag("{%p if included.ivr %}"),
    bullet("IVR design and set-up, and call routing."),
    tag("{%p endif %}"),
    tag("{%p if included.recording %}"),
    bullet("Access for your staff to the call-recording panel, to listen to any call at any time."),
    tag("{%p endif %}"),
    bullet("UPS-backed power and redundant connectivity for uninterrupted service."),
    bullet("Agents tested on your products and scripts before they go live."),
    bullet("An experienced supervisor dedicated to your account, multi-layer quality assurance and periodic reports."),
    bullet(
        "Information security under a signed non-disclosure agreement; every agent signs a personal "
        "confidentiality undertaking."
    ),
    tag("{%p if add_ons %}"),
    p("The optional services of section 5 are not part of this list; they are priced separately."),
    tag("{%p endif %}"),
    h1("4. Staffing plan"),
    p(
        "To meet the targets at the volumes above we plan **{{ staffing.totals.fte }} full-time equivalent "
        "agents**, with up to {{ staffing.totals.peak_agents }} agents on duty in the busiest interval and "
        "{{ staffing.totals.lines }} telephone lines. The plan allows {{ staffing.shrinkage }} of paid time for "
        "absence and non-productive time (breaks, training, coaching and leave)."
    ),
    table(
        ["Channel", "Queue language", "FTE", "Peak agents", "Service level", "ASA (s)", "Abandon", "Occupancy"],
        [
            [
                "{{ q.channel }}",
                "{{ q.language }}",
                "{{ q.fte }}",
                "{{ q.peak_agents }}",
                "{{ q.service_level }}",
                "{{ q.asa }}",
                "{{ q.abandon }}",
                "{{ q.occupancy }}",
            ]
        ],
        widths=[1.9, 2.9, 1.5, 1.8, 2.0, 1.5, 2.2, 2.4],
        loop="q in staffing.queues",
    ),
    p(
        "Service level is the predicted share of contacts answered within the target time over all offered "
        "contacts; ASA is the average wait of answered contacts. The SLA defines how both are measured in "
        "operation."
    ),
    h1("5. Tariffs"),
    p(
        "All tariffs below are built from the same cost base, so at the forecast volume they cost about the "
        "same; they differ in who carries the risk when volume, handle time or quality move. Prices are in "
        "{{ quote.currency_name }}{% if chosen.vat_applies %} and exclude VAT{% endif %}."
    ),
    table(
        ["Tariff", "Price", "Monthly at forecast volume"],
        [
            ["{%tr if models.per_call %}"],
            [
                "{{ models.per_call.name }}",
                "{% for x in models.per_call.prices %}{{ x.price }} {{ x.unit }}" + AND + "{% endfor %}"
                "{% if models.per_call.minimum_monthly %}; minimum monthly commitment "
                "{{ models.per_call.minimum_monthly }}{% endif %}",
                "{{ models.per_call.monthly.figures }}",
            ],
            ["{%tr endif %}"],
            ["{%tr if models.per_minute %}"],
            [
                "{{ models.per_minute.name }}",
                "{% for x in models.per_minute.prices %}{{ x.price }} {{ x.unit }}"
                + AND
                + "{% endfor %}; billed {{ models.per_minute.increment }}{% if models.per_minute.minimum_monthly %}"
                "; minimum monthly commitment {{ models.per_minute.minimum_monthly }}{% endif %}",
                "{{ models.per_minute.monthly.figures }}",
            ],
            ["{%tr endif %}"],
            ["{%tr if models.per_seat %}"],
            [
                "{{ models.per_seat.name }}",
                "{{ models.per_seat.unit_price }} per dedicated agent per month, for {{ models.per_seat.seats }} "
                "agents",
                "{{ models.per_seat.monthly.figures }}",
            ],
            ["{%tr endif %}"],
            ["{%tr if models.per_hour %}"],
            [
                "{{ models.per_hour.name }}",
                "{{ models.per_hour.unit_price }} per logged-in agent-hour",
                "{{ models.per_hour.monthly.figures }}",
            ],
            ["{%tr endif %}"],
            ["{%tr if models.fixed %}"],
            [
                "{{ models.fixed.name }}",
                "{{ models.fixed.monthly_fee }} per month{% if models.fixed.band_min_calls %} for "
                "{{ models.fixed.band_min_calls }} to {{ models.fixed.band_max_calls }} calls a month, that is "
                "{% else %}, {% endif %}up to {{ models.fixed.band }} above or below the forecast volume"
                "{% if models.fixed.overage_rate %}; each call above the band adds "
                "{{ models.fixed.overage_rate }}{% endif %}{% if models.fixed.underage_rate %}, each call below "
                "it deducts {{ models.fixed.underage_rate }}{% endif %}",
                "{{ models.fixed.monthly.figures }}",
            ],
            ["{%tr endif %}"],
            ["{%tr if models.hybrid %}"],
            [
                "{{ models.hybrid.name }}",
                "A fixed {{ models.hybrid.base_monthly }} per month plus {% for x in models.hybrid.prices %}"
                "{{ x.price }} {{ x.unit }}" + AND + "{% endfor %}",
                "{{ models.hybrid.monthly.figures }}",
            ],
            ["{%tr endif %}"],
            ["{%tr if models.performance %}"],
            [
                "{{ models.performance.name }}",
                "{{ models.performance.base }} per month, {{ models.performance.at_risk_share }} "
                "at risk against the SLA targets",
                "{{ models.performance.monthly.figures }}",
            ],
            ["{%tr endif %}"],
            ["{%tr for m in other_models %}"],
            ["{{ m.name }}", "{{ m.unit_price }}", "{{ m.monthly.figures }}"],
            ["{%tr endfor %}"],
        ],
        widths=[4.0, 8.0, 5.0],
    ),
    tag("{%p if recommendation.text %}"),
    p("**Our recommendation: {{ recommendation.model_name }}.** {{ recommendation.text }}"),
    tag("{%p endif %}"),
    p(
        "**Proposed tariff: {{ chosen.name }}.** At the forecast volume the monthly amount is "
        "**{{ chosen.monthly.figures }}** ({{ chosen.monthly.words }}){% if chosen.vat_applies %}, plus VAT at "
        "{{ chosen.vat_rate }} ({{ chosen.vat.figures }}): **{{ chosen.monthly_with_vat.figures }}** per month "
        "including VAT{% endif %}."
    ),
    tag("{%p if add_ons %}"),
    h2("Optional services"),
    p(
        "The services below are not part of the base service; on request they are provided at these prices, "
        "on top of the tariff{% if chosen.vat_applies %} and excluding VAT{% endif %}:"
    ),
    table(
        ["Service", "Monthly", "One-time"],
        [["{{ a.name }}", "{{ a.monthly }}", "{{ a.one_time }}"]],
        widths=[9.0, 4.0, 4.0],
        loop="a in add_ons",
    ),
    tag("{%p endif %}"),
    h1("6. Setup fees and staged start"),
    p("One-time services preparing the service, invoiced once:"),
    table(
        ["Item", "Amount"],
        [["{{ s.label }}", "{{ s.amount }}"]],
        widths=[11.0, 6.0],
        loop="s in setup.lines",
    ),
    p(
        "**Total setup fees: {{ setup.total.figures }}** ({{ setup.total.words }})"
        "{% if chosen.vat_applies %}, excluding VAT{% endif %}."
    ),
    p("Agents join in stages, each trained and tested before taking live contacts:"),
    table(
        ["Stage", "From", "Agents", "Share of forecast volume"],
        [["{{ r.stage }}", "{{ r.when }}", "{{ r.agents }}", "{{ r.share }}"]],
        widths=[2.5, 4.5, 4.0, 6.0],
        loop="r in ramp_up",
    ),
    *IN_HOUSE,
    h1("7. Onboarding"),
    bullet("**Supervisor.** We assign an experienced supervisor to your account as soon as the contract is signed."),
    bullet(
        "**Training by you.** Your team trains the supervisor and the first agents on your products, "
        "policies and systems."
    ),
    bullet("**Scripts.** Together we write and approve the answering scripts and the escalation paths."),
    bullet("**Lines.** We assign the telephone lines, or connect your existing numbers, and test routing and the IVR."),
    bullet("**Staged start.** Agents go live in the stages above; volume moves to us as each stage is ready."),
    h1("8. Quality assurance and reporting"),
    bullet("Calls and chats are sampled and scored every week by QA staff against a scorecard agreed with you."),
    bullet("Calibration sessions with your team keep both sides scoring alike."),
    bullet("Daily operational figures, a monthly SLA report and a quarterly business review."),
    bullet("You may verify any figure from the recordings and the raw data of the telephony platform."),
    h1("9. Payment terms"),
    *PAYMENT_TERMS,
    h1("10. Assumptions"),
    bullet(
        "Volumes, handle times and the arrival pattern are as stated in section 2; the staffing plan "
        "follows them interval by interval."
    ),
    bullet("If the monthly volume moves by more than {{ terms.volume_band }} from the forecast, prices are reviewed."),
    *PRICE_POLICY,
    bullet("Your systems (CRM, knowledge base) are available to our agents during service hours."),
    h1("11. Validity"),
    p(
        "This proposal, number {{ quote.number }}, is valid until **{{ quote.valid_until }}**. We would be glad "
        "to walk you through it and to adjust it to your needs."
    ),
    h1("Signature and stamp"),
    table(
        ["For the Provider", "Accepted by the Client"],
        [
            [
                "{{ company.name }}\nName: {{ company.signatory }}\nTitle: {{ company.signatory_title }}\n"
                "Date: {{ quote.date }}\nSignature and company stamp:\n\n\n",
                "{{ client.name }}\nName: {{ client.signatory }}\nTitle: {{ client.signatory_title }}\n"
                "Date:\nSignature and company stamp:\n\n\n",
            ],
        ],
        widths=[8.5, 8.5],
    ),
]
"""The technical and financial proposal: covering letter, about us, requirements, service design, staffing,
tariffs, setup, payment terms, assumptions, signature and stamp."""

SLA = [
    *HEADER,
    title("Service Level Agreement"),
    center(
        "Annex 1 to the contact-center services contract between {{ company.name }} (the Provider) and "
        "{{ client.name }} (the Client), quote {{ quote.number }}, dated {{ quote.date }}"
    ),
    h1("1. Scope"),
    p(
        "This agreement sets the service levels the Provider commits to for the Client's {{ service.channels }} "
        "service in {{ service.languages }}, how they are measured and reported, and the service credits and "
        "bonus that follow from them. It is annex 1 to the contract and forms part of it."
    ),
    h1("2. Service hours"),
    p("Service hours: {{ service.hours }}. All times are {{ service.timezone }}."),
    h1("3. Measurement period"),
    p(
        "Every metric is measured over one {{ sla.period }}, the period of the monthly invoice, from its first "
        "to its last day, across all queues of the channel, and not per day or per interval."
    ),
    h1("4. Definitions"),
    p(
        "A call is offered when it enters the queue for an agent (after the IVR menu, if any). Contacts received "
        "during a period excluded under article 9 are left out of both sides of every ratio."
    ),
    table(
        ["Metric", "How it is measured", "Source", "Not counted"],
        [
            [
                "Service level",
                "Calls answered by an agent within {{ targets.answer_seconds }} seconds of being offered ÷ "
                "calls offered (answered plus abandoned)",
                "The Provider's telephony system (ACD)",
                "Calls abandoned within 5 seconds of being offered; calls outside service hours",
            ],
            ["{%tr if sla.defines.abandon_rate %}"],
            [
                "Abandon rate",
                "Calls the caller ended after more than 5 seconds in the queue, before an agent answered ÷ "
                "calls offered",
                "The Provider's telephony system (ACD)",
                "As for service level",
            ],
            ["{%tr endif %}"],
            ["{%tr if sla.defines.asa %}"],
            [
                "Average speed of answer",
                "Total time answered calls waited in the queue ÷ calls answered",
                "The Provider's telephony system (ACD)",
                "As for service level",
            ],
            ["{%tr endif %}"],
            ["{%tr if sla.defines.csat %}"],
            [
                "Customer satisfaction",
                "Survey responses scoring 4 or 5 on a scale of 1 to 5 ÷ survey responses; the survey is offered "
                "to callers at the end of each answered call",
                "The post-call survey of the Provider's IVR",
                "Surveys not completed; calls the agent transferred to the Client",
            ],
            ["{%tr endif %}"],
            ["{%tr if sla.defines.fcr %}"],
            [
                "First-contact resolution",
                "Answered calls after which the same customer did not contact the service again about the same "
                "matter within 7 days ÷ answered calls",
                "The CRM (contact reason recorded by the agent)",
                "Matters the Client's procedures require to be referred to the Client",
            ],
            ["{%tr endif %}"],
            ["{%tr if sla.defines.qa %}"],
            [
                "Quality score",
                "Average score of the contacts evaluated in the month on the quality form the parties agreed "
                "in writing, from 0 to 100 %; at least 2 % of contacts, picked at random",
                "The Provider's quality evaluations, open to the Client",
                "Evaluations changed at the monthly joint calibration (the changed score counts)",
            ],
            ["{%tr endif %}"],
            ["{%tr if sla.defines.first_response %}"],
            [
                "Chat first response",
                "Chats that received an agent's first reply within {{ targets.chat_first_response_seconds }} "
                "seconds of being started ÷ chats started",
                "The chat platform",
                "Chats the customer closed within 5 seconds",
            ],
            ["{%tr endif %}"],
            ["{%tr if sla.defines.email %}"],
            [
                "E-mail response",
                "E-mails answered within {{ targets.email_response_hours }} service hours of their receipt ÷ "
                "e-mails received; only time within service hours counts",
                "The ticketing system",
                "Spam, automatic replies and duplicates",
            ],
            ["{%tr endif %}"],
        ],
        widths=[3.0, 6.6, 3.6, 3.8],
    ),
    h1("5. Targets"),
    p(
        "The Provider shall meet the following targets in every measurement period. A credited target carries "
        "the service credit of article 7; a reported target is measured and reported every month but carries "
        "no credit."
    ),
    table(
        ["Metric", "Target", "Status"],
        [["{{ k.name }}", "{{ k.target }}", "credited (article 7)"]],
        widths=[4.2, 8.3, 4.5],
        loop="k in sla.kpis",
    ),
    tag("{%p if sla.reported %}"),
    table(
        None,
        [["{{ k.name }}", "{{ k.target }}", "reported"]],
        widths=[4.2, 8.3, 4.5],
        loop="k in sla.reported",
    ),
    tag("{%p endif %}"),
    h1("6. Reporting and verification"),
    p(
        "The Provider sends the monthly SLA report by day {{ terms.report_day }} of the following month, with "
        "every metric of article 4, its daily figures per queue and the credits or bonus due. The Client may "
        "verify any figure: it has access to the call-recording panel and, on request, to the raw data of the "
        "systems named in article 4; it may audit the measurement once a quarter with five working days' "
        "notice. A figure the Client disputes in writing within ten days of the report is settled by the "
        "parties' review of the raw data."
    ),
    h1("7. Service credits and bonus"),
    tag("{%p if sla.credits %}"),
    p(
        "7.1 Amount at risk. {{ sla.at_risk_share }} of each month's invoice amount (before VAT) for the "
        "tariff of the contract ({{ chosen.name }}) is at risk against the credited targets of article 5. At "
        "the forecast volume the monthly amount is {{ sla.monthly.figures }} and the amount at risk "
        "{{ sla.at_risk_amount.figures }} ({{ sla.at_risk_amount.words }})."
    ),
    p(
        "7.2 Credit. For each credited target missed in a month, the Provider credits the Client the target's "
        "allocation × {{ sla.at_risk_share }} × that month's invoice amount before VAT. At the forecast volume:"
    ),
    table(
        ["Metric", "Allocation", "Credit if missed, at the forecast volume"],
        [["{{ k.name }}", "{{ k.allocation }}", "{{ k.max_credit }}"]],
        widths=[6.0, 3.5, 7.5],
        loop="k in sla.kpis",
    ),
    p(
        "7.3 Cap. The credits of one month together are at most {{ sla.credit_cap }} of that month's invoice "
        "amount before VAT ({{ sla.credit_cap_amount.figures }} at the forecast volume)."
    ),
    p(
        "7.4 Settlement. The monthly SLA report states the month's credits; the Provider deducts them from the "
        "invoice of the following month. Credits of the last month of the contract are deducted from its final "
        "invoice or, if there is none, paid to the Client within {{ terms.payment_days }} days of the report."
    ),
    tag("{%p if sla.earn_back %}"),
    p(
        "7.5 Earn-back. A credit is waived, and not deducted, when the target that was missed is met in each "
        "of the following {{ sla.earn_back_months }} months."
    ),
    tag("{%p endif %}"),
    p(
        "7.6 Bonus. For a month in which every target of article 5, credited and reported, is met, the "
        "Provider may invoice a bonus of {{ sla.bonus_cap }} of that month's invoice amount before VAT "
        "({{ sla.bonus_amount.figures }} at the forecast volume) with the invoice of the following month."
    ),
    p(
        "7.7 Credits are the Client's only financial remedy for missed service levels. A credited target "
        "missed in three consecutive months is a material breach of the contract."
    ),
    tag("{%p else %}"),
    p(
        "The contract carries no service credits. When a target is missed in a month, the Provider presents a "
        "written remedy plan within five working days; a target missed in three consecutive months is a "
        "material breach of the contract."
    ),
    tag("{%p endif %}"),
    h1("8. The Client's duties"),
    bullet(
        "Send a volume forecast for each month at least 15 days before it starts, and announce campaigns, "
        "price changes or other events that move volume at least 10 working days ahead."
    ),
    bullet(
        "Provide training, product information, scripts and system access in good time, and approve "
        "script changes within three working days."
    ),
    bullet("Keep its own systems (CRM, knowledge base, order system) available during service hours."),
    h1("9. Exclusions"),
    p("Targets do not apply, and no credit is due, for periods affected by:"),
    bullet("force majeure, or a general outage of the public telephone or internet network;"),
    bullet(
        "days on which the volume of a channel exceeded the forecast for that day (the month's forecast spread "
        "over its days) by more than {{ terms.volume_band }}, or the Client's unannounced campaigns;"
    ),
    bullet("outages of the Client's systems, or changes the Client made without the agreed notice;"),
    bullet("the ramp-up period, during which the levels are measured and reported only."),
    h1("10. Escalation"),
    table(
        ["Level", "Provider", "Response time"],
        [
            ["1", "Account supervisor", "within 1 hour during service hours"],
            ["2", "Operations manager", "within 4 hours"],
            ["3", "{{ company.signatory_title }}", "within 1 working day"],
        ],
        widths=[2.0, 8.0, 7.0],
    ),
    h1("11. Review and change control"),
    p(
        "The parties review this agreement every {{ terms.review_months }} months, and whenever volumes or "
        "channels change materially. Any change to targets, definitions or credits is agreed in writing and "
        "signed by both parties."
    ),
    h1("12. Term"),
    p("This agreement runs for the term of the contract and ends with it."),
    *SIGNATURES,
]

NDA = [
    *HEADER,
    title("{% if terms.nda_mutual %}Mutual {% endif %}Non-Disclosure Agreement"),
    center("Quote {{ quote.number }} · {{ quote.date }}"),
    h1("1. Parties"),
    p(
        "This agreement is made between "
        + _identity("company")
        + " (the Provider), and "
        + _identity("client")
        + " (the Client)."
    ),
    tag("{%p if terms.nda_mutual %}"),
    p(
        "The agreement is mutual: each party may disclose confidential information (as the Disclosing Party) "
        "and receive it (as the Receiving Party), and each is bound by it as a Receiving Party."
    ),
    tag("{%p else %}"),
    p("The agreement is one-way: the Client is the Disclosing Party and the Provider the Receiving Party."),
    tag("{%p endif %}"),
    h1("2. Purpose"),
    p(
        "The parties will exchange information to evaluate, set up and run the contact-center services "
        "described in proposal {{ quote.number }} and in the contract that follows it (the Purpose)."
    ),
    h1("3. Confidential information"),
    p(
        "Confidential information is any information disclosed for the Purpose, in any form, including: "
        "customer and personal data, call recordings and chat transcripts, CRM contents, scripts, prices and "
        "tariffs, volumes and forecasts, business plans, technical documentation, passwords and system access, "
        "and the terms of this agreement and of the contract."
    ),
    h1("4. Obligations of the Receiving Party"),
    p("The Receiving Party shall:"),
    bullet("use confidential information only for the Purpose, and not for its own benefit or a third party's;"),
    bullet(
        "not disclose it to anyone except its employees and advisers who need it for the Purpose and are "
        "bound in writing by duties at least as strict as these; every agent on the account signs a "
        "personal confidentiality undertaking;"
    ),
    bullet(
        "protect it with at least the care it gives its own confidential information, and never less than "
        "reasonable care: access control, logged access to recordings, no copies on personal devices;"
    ),
    bullet(
        "report any loss or unauthorised disclosure to the Disclosing Party without delay, and in any case "
        "within 24 hours of learning of it, and help limit its consequences."
    ),
    h1("5. Exceptions"),
    p("These obligations do not apply to information that the Receiving Party can show:"),
    bullet("is or becomes public other than through a breach of this agreement;"),
    bullet("it already knew lawfully before receiving it;"),
    bullet("it developed independently, without using confidential information;"),
    bullet("it received lawfully from a third party free to disclose it."),
    h1("6. Disclosure required by law"),
    p(
        "If a court or competent authority requires disclosure, the Receiving Party shall, where the law "
        "allows, notify the Disclosing Party at once, disclose only what is required and ask that it be kept "
        "confidential."
    ),
    h1("7. Term"),
    p(
        "This agreement takes effect on signature. The obligations last for the whole engagement and for "
        "{{ terms.nda_years }} years after it ends; for personal data and call recordings they last without "
        "limit of time."
    ),
    h1("8. Return or destruction"),
    p(
        "At the end of the engagement, or at any time on written request, the Receiving Party shall within "
        "10 days return or securely destroy all confidential information and copies, including recordings "
        "and backups, and confirm this in writing, except what the law requires it to keep."
    ),
    h1("9. Liquidated damages"),
    p(
        "For each breach, the party in breach shall pay the other **{{ terms.nda_penalty.figures }}** "
        "({{ terms.nda_penalty.words }}) as liquidated damages, without prejudice to the other party's right "
        "to claim any greater loss it proves and to seek an injunction to stop the breach."
    ),
    h1("10. Governing law and disputes"),
    p(
        "This agreement is governed by the laws of the Islamic Republic of Iran. The parties shall first try "
        "to settle any dispute by negotiation; failing agreement within 15 days, the competent courts of "
        "{{ company.city }} shall decide."
    ),
    p("Made in two copies of equal validity, one for each party."),
    *SIGNATURES,
]

TARIFF_CLAUSES = [
    tag("{%p if chosen.key == 'per_call' %}"),
    p(
        "4.1. Tariff: per handled contact. The Client pays {% for x in models.per_call.prices %}"
        "**{{ x.price }}** ({{ x.words }}) {{ x.unit }}" + AND + "{% endfor %}, "
        "a contact being handled when an agent answers it. Calls abandoned in the "
        "queue and calls ended in the IVR are not billed."
        "{% if models.per_call.minimum_monthly %} The monthly amount is at least "
        "{{ models.per_call.minimum_monthly }} ({{ models.per_call.minimum_monthly_words }}).{% endif %}"
    ),
    tag("{%p elif chosen.key == 'per_minute' %}"),
    p(
        "4.1. Tariff: per handled minute. The Client pays {% for x in models.per_minute.prices %}"
        "**{{ x.price }}** ({{ x.words }}) {{ x.unit }}" + AND + "{% endfor %}. Handling "
        "time is talk and hold time{% if models.per_minute.bill_acw %} plus after-call work{% endif %}, billed "
        "{{ models.per_minute.increment }}."
        "{% if models.per_minute.minimum_monthly %} The monthly amount is at least "
        "{{ models.per_minute.minimum_monthly }} ({{ models.per_minute.minimum_monthly_words }}).{% endif %}"
    ),
    tag("{%p elif chosen.key == 'per_seat' %}"),
    p(
        "4.1. Tariff: per dedicated agent. The Client pays **{{ models.per_seat.unit_price }}** "
        "({{ models.per_seat.unit_price_words }}) per dedicated agent seat per month, for "
        "{{ models.per_seat.seats }} seats; a change in the number of seats is agreed in writing one month ahead."
    ),
    tag("{%p elif chosen.key == 'per_hour' %}"),
    p(
        "4.1. Tariff: per productive agent-hour. The Client pays **{{ models.per_hour.unit_price }}** "
        "({{ models.per_hour.unit_price_words }}) for each hour an agent is logged in and available to handle "
        "the Client's contacts, as shown by the platform; the forecast is {{ models.per_hour.hours_per_month }} "
        "hours a month."
    ),
    tag("{%p elif chosen.key == 'fixed' %}"),
    p(
        "4.1. Tariff: fixed monthly fee. The Client pays a fixed fee of **{{ models.fixed.monthly_fee }}** "
        "({{ models.fixed.monthly_fee_words }}) per month for a volume within ±{{ models.fixed.band }} of the "
        "forecast{% if models.fixed.band_min_calls %} ({{ models.fixed.band_min_calls }} to "
        "{{ models.fixed.band_max_calls }} calls a month){% endif %}. Each call above the band is billed at "
        "{{ models.fixed.overage_rate }}; for each call below the band the Client is credited "
        "{{ models.fixed.underage_rate }}."
    ),
    tag("{%p elif chosen.key == 'hybrid' %}"),
    p(
        "4.1. Tariff: hybrid. The Client pays a monthly base of **{{ models.hybrid.base_monthly }}** "
        "({{ models.hybrid.base_monthly_words }}) for the dedicated team, plus {% for x in models.hybrid.prices %}"
        "**{{ x.price }}** ({{ x.words }}) {{ x.unit }}" + AND + "{% endfor %}."
    ),
    tag("{%p elif chosen.key == 'performance' %}"),
    p(
        "4.1. Tariff: performance-based. The Client pays a monthly base of **{{ models.performance.base }}** "
        "({{ models.performance.base_words }}), of which {{ models.performance.at_risk_share }} is at risk: the "
        "service credits and the bonus are set in the SLA (Annex 1)."
    ),
    tag("{%p endif %}"),
]

PRICE_ADJUSTMENT = [
    tag("{%p if term.policy == 'indexed' %}"),
    h1("Article 5. Price adjustment"),
    p(
        "5.1. The prices in Article 4 (P0) apply from the start of the contract. On 1 Farvardin of each year "
        "that falls within the term{% if term.first_adjustment %}, the first time on 1 "
        "{{ term.first_adjustment }},{% endif %} every price of the tariff, including any minimum amount, is "
        "adjusted by the formula:"
    ),
    formula("P = P0 × (L × W/W0 + O × CPI/CPI0{% if term.indexed.fx_share %} + F × FX/FX0{% endif %})"),
    p("where:"),
    bullet("P is the adjusted price and P0 the price in Article 4;"),
    bullet(
        "L = {{ term.indexed.labour_share }}, the labour share of the price; W is the daily minimum wage "
        "decreed by the Supreme Labour Council for the year of the adjustment, and W0 the daily minimum wage "
        "decreed for {{ term.quote_year }}, the year of the proposal"
        "{% if quote.currency != 'IRR' %}, each converted into {{ quote.currency_name }} at the rate of "
        "the Central Bank of the Islamic Republic of Iran on the last working day of the month before the "
        "adjustment and of the month before the proposal respectively{% endif %};"
    ),
    bullet(
        "O = {{ term.indexed.other_share }}, the share of the other costs; CPI is "
        "{% if quote.currency == 'USD' %}the US Consumer Price Index for All Urban Consumers (CPI-U) published "
        "by the Bureau of Labor Statistics{% elif quote.currency == 'EUR' %}the euro area Harmonised Index of "
        "Consumer Prices (HICP) published by Eurostat{% else %}the consumer price index published by the "
        "Statistical Centre of Iran{% endif %} for the month before the adjustment"
        "{% if term.first_adjustment_index_month %}, that is {{ term.first_adjustment_index_month }} for the "
        "first one{% endif %}, and CPI0 the same index for {{ term.base_month }}, the month before the proposal"
        "{% if term.indexed.fx_share %};{% else %}.{% endif %}"
    ),
    tag("{%p if term.indexed.fx_share %}"),
    bullet(
        "F = {{ term.indexed.fx_share }}, the share of the items bought in foreign currency; FX is the "
        "Central Bank of the Islamic Republic of Iran's rate for the US dollar at the Iran Centre of Exchange "
        "on the last working day of the month before the adjustment, and FX0 the same rate on the last "
        "working day of the month before the proposal."
    ),
    tag("{%p endif %}"),
    p(
        "5.2. The shares L{% if term.indexed.fx_share %}, O and F{% else %} and O{% endif %} add up to 100% and "
        "do not change "
        "during the term. With the first invoice at the adjusted prices the Provider sends the calculation "
        "and the published figures it used. If a figure has not been published by then, the last published "
        "one applies provisionally and the difference is settled on the first invoice after its publication."
    ),
    p(
        "5.3. Apart from this article, prices change only under Article 10 (changes in volume) or by a written "
        "amendment signed by both parties; the amounts invoiced also follow the VAT rate (clause 6.3)."
    ),
    tag("{%p elif term.policy == 'level' %}"),
    h1("Article 5. Fixed prices"),
    p(
        "The prices in Article 4 are fixed for the whole term of {{ term.months }} months. They already "
        "include the rises in wages (including the minimum wage decreed each 1 Farvardin) and in the other "
        "costs that the Provider expects during the term; no adjustment is made for changes in wages, prices "
        "or exchange rates. Prices change only under Article 10 (changes in volume) or by a written amendment "
        "signed by both parties; the amounts invoiced also follow the VAT rate (clause 6.3)."
    ),
    tag("{%p else %}"),
    h1("Article 5. Price review"),
    p(
        "The prices in Article 4 apply for the first contract year. If the minimum wage decreed by the "
        "Supreme Labour Council changes during the term, the parties shall agree the new prices in writing "
        "before it takes effect."
    ),
    tag("{%p endif %}"),
]
"""The contract's Article 5: the price-adjustment formula (indexed), fixed prices (level), or a review."""

PAYMENT = [
    h1("Article 6. Invoicing, payment and taxes"),
    p(
        "6.1. By day {{ terms.invoice_day }} of each month the Provider sends the Client its invoice for the "
        "previous month with the service report, and the Client pays it within {{ terms.payment_days }} days "
        "of receipt{% if term.payment.deductions %}, less the deductions this contract provides for{% endif %}."
    ),
    tag("{%p if quote.currency == 'IRR' %}"),
    p(
        "6.2. The Provider issues its invoices as electronic invoices in the taxpayer system (Samaneh-ye "
        "Moadian) of the Iranian National Tax Administration, under the Act on Sales Terminals and the "
        "Taxpayer System, and the Client accepts or rejects each invoice in that system within the time the "
        "Act allows; an invoice not rejected within that time is deemed accepted."
    ),
    tag("{%p else %}"),
    p(
        "6.2. Invoices are issued and paid in {{ quote.currency_name }}; bank charges for transfers in the "
        "Client's country are borne by the Client."
    ),
    tag("{%p endif %}"),
    tag("{%p if term.payment.vat %}"),
    p(
        "6.3. Value added tax at the rate in force ({{ chosen.vat_rate }} on the date of this contract) is "
        "added to each invoice and paid with it; a change of rate made by law applies from the date it takes "
        "effect."
    ),
    tag("{%p else %}"),
    p(
        "6.3. The invoices carry no value added tax at the rate in force on the date of this contract; if "
        "the law imposes it, it is added to the invoices from the date it takes effect."
    ),
    tag("{%p endif %}"),
    tag("{%p if term.payment.withholding %}"),
    p(
        "6.4. Tax withheld: where article 104 of the Direct Taxes Act requires it, the Client withholds "
        "{{ term.payment.withholding }} of each payment, pays it to the tax administration in the Provider's "
        "name within the legal time limit and gives the Provider the receipt."
    ),
    tag("{%p endif %}"),
    h1("Article 7. Late payment and damages for delay"),
    tag("{%p if quote.currency == 'IRR' %}"),
    p(
        "7.1. If the Client does not pay an undisputed invoice within the time in clause 6.1, it pays the "
        "Provider damages for late payment from the due date to the date of payment, in proportion to the "
        "change in the annual price index published by the Central Bank of the Islamic Republic of Iran "
        "(article 522 of the Civil Procedure Code)."
    ),
    tag("{%p else %}"),
    p(
        "7.1. If the Client does not pay an undisputed invoice within the time in clause 6.1, it pays the "
        "Provider damages for late payment of {{ terms.late_interest_monthly }} of the overdue amount for each "
        "month from the due date to the date of payment, pro rata for part of a month."
    ),
    tag("{%p endif %}"),
    p(
        "7.2. If an undisputed invoice is more than 15 days overdue, the Provider may, after a written notice "
        "of 10 days, suspend the service until payment; the suspension counts as part of the term and gives "
        "the Client no claim."
    ),
    h1("Article 8. Social-security retention and clearance"),
    tag("{%p if term.payment.social_security_retention %}"),
    p(
        "As article 38 of the Social Security Act requires, the Client holds back "
        "{{ term.payment.social_security_retention }} of each invoice. After the end of the contract the "
        "Provider obtains the Social Security Organisation's clearance certificate (mafasa-hesab) for this "
        "contract and delivers it to the Client, who releases the amounts held within 15 days of receiving it."
    ),
    tag("{%p else %}"),
    p(
        "The Provider pays its staff's social-security contributions as the Social Security Act requires and "
        "shows the Client proof of payment on request; nothing is held back from the invoices on this account."
    ),
    tag("{%p endif %}"),
    h1("Article 9. Performance guarantee"),
    tag("{%p if term.guarantee %}"),
    p(
        "9.1. Within 15 days of signature the Provider delivers to the Client an unconditional bank guarantee "
        "of good performance of {{ term.payment.guarantee_share }} of the total contract value excluding VAT "
        "(clause 4.4), **{{ term.guarantee.figures }}** ({{ term.guarantee.words }}), valid until "
        "{{ term.payment.performance_release_period }} after the end of the term and extended at the Client's "
        "request while obligations remain."
    ),
    p(
        "9.2. If the Provider breaches a material obligation and does not remedy it within the time in clause "
        "18.2, the Client may call the guarantee up to the loss it has suffered. The guarantee is released "
        "and returned to the Provider within 15 days after the end of the term, once all the Provider's "
        "obligations are fulfilled."
    ),
    tag("{%p else %}"),
    p("9.1. The Provider is not required to deliver a performance guarantee."),
    tag("{%p endif %}"),
    tag("{%p if term.payment.performance_retention %}"),
    p(
        "9.3. Good performance: the Client holds back {{ term.payment.performance_retention }} of each payment "
        "as security for good performance and releases the amounts held within "
        "{{ term.payment.performance_release_period }} of the end of the term, once the Provider's obligations "
        "are fulfilled."
    ),
    tag("{%p endif %}"),
]
"""Articles 6 to 9 of the contract: invoices and the taxpayer system, VAT and tax withheld, damages for late
payment, the social-security retention and clearance, the guarantee and the good-performance retention
(each as the proposal's payment terms set it)."""

CONTRACT = [
    *HEADER,
    title("Contact-Center Services Agreement"),
    center("No. {{ quote.number }} · further to the proposal of {{ quote.date }}"),
    p(
        "This contract is made under article 10 of the Iranian Civil Code and the other laws and regulations in "
        "force between the parties below, who are bound by all its terms."
    ),
    h1("Article 1. Parties"),
    p("1.1. " + _identity("company") + ", hereinafter **the Provider**; and"),
    p("1.2. " + _identity("client") + ", hereinafter **the Client**."),
    h1("Article 2. Subject"),
    p(
        "The Provider shall answer the Client's customers on {{ service.channels }} in {{ service.languages }} "
        "during the service hours ({{ service.hours }}, {{ service.timezone }}), "
        "with its own trained agents, supervisors, premises, "
        "systems and telephone lines, as described in proposal {{ quote.number }}. The service levels are set "
        "in the Service Level Agreement (Annex 1) and confidentiality in the Non-Disclosure Agreement (Annex 2); "
        "both annexes are integral parts of this contract."
    ),
    h1("Article 3. Term"),
    p(
        "This contract runs for {{ service.term_months }} months{% if term.start %} from {{ term.start }} "
        "({{ term.start_jalali }}){% elif service.start_date %} from {{ service.start_date }}{% else %} from "
        "the date it is signed{% endif %}. It may be renewed by a written agreement of both parties made at "
        "least 30 days before it ends."
    ),
    h1("Article 4. Price and contract value"),
    *TARIFF_CLAUSES,
    p(
        "4.2. At the forecast volume the monthly amount is estimated at **{{ chosen.monthly.figures }}** "
        "({{ chosen.monthly.words }}).{% if chosen.vat_applies %} Value added tax at {{ chosen.vat_rate }}, "
        "{{ chosen.vat.figures }} ({{ chosen.vat.words }}), is added to it, making "
        "**{{ chosen.monthly_with_vat.figures }}** ({{ chosen.monthly_with_vat.words }}) a month."
        "{% else %} No value added tax applies to these services.{% endif %} The amount "
        "actually invoiced follows the tariff and the volumes actually handled."
    ),
    p(
        "4.3. One-time setup fees of **{{ setup.total.figures }}** ({{ setup.total.words }})"
        "{% if chosen.vat_applies %} plus VAT{% endif %} are payable half on signature and half at go-live."
    ),
    tag("{%p if term.value %}"),
    p(
        "4.4. The total value of this contract over its term, including the setup fees, is estimated at "
        "**{{ term.value.figures }}** ({{ term.value.words }}){% if chosen.vat_applies %} excluding VAT and at "
        "**{{ term.value_with_vat.figures }}** ({{ term.value_with_vat.words }}) including VAT at "
        "{{ chosen.vat_rate }}{% endif %}, at the forecast volumes"
        "{% if term.policy == 'indexed' %} and, after each adjustment under Article 5, at the rises assumed in "
        "the proposal{% endif %}. The amount payable is that of the invoices under this contract; this "
        "estimate is the basis of any figure stated as a share of the contract value"
        "{% if term.guarantee %}, such as the performance guarantee{% endif %}."
    ),
    tag("{%p endif %}"),
    *PRICE_ADJUSTMENT,
    *PAYMENT,
    h1("Article 10. Changes in volume"),
    p(
        "The Client sends a monthly volume forecast as set in the SLA. If the monthly volume moves by more than "
        "{{ terms.volume_band }} from the forecast for two consecutive months, either party may ask for the "
        "staffing and the prices to be reviewed; until an agreement is reached, the current tariff applies."
    ),
    h1("Article 11. Obligations of the Provider"),
    bullet("to provide the service with skilled, trained agents and meet the service levels of the SLA;"),
    bullet("to assign an experienced supervisor, run quality assurance and report as agreed;"),
    bullet("to record results in the Client's CRM and give the Client access to call recordings;"),
    bullet(
        "to keep the service running with backup power and connectivity, and to inform the Client "
        "immediately of any outage;"
    ),
    bullet("to comply with labour and social insurance law towards its personnel."),
    h1("Article 12. Obligations of the Client"),
    bullet("to pay invoices on time;"),
    bullet("to send forecasts, train the supervisor and agents, and provide scripts and information in time;"),
    bullet("to give the agents access to the systems they need and keep those systems available;"),
    bullet("to appoint a contact person with authority to decide on operational matters."),
    h1("Article 13. Service levels, service credits and bonus"),
    p(
        "The service levels and how they are measured, the service credits (deducted from invoices), any "
        "bonus, the cap on each and how they are applied to the invoices are set in the Service Level "
        "Agreement (Annex 1), which governs these matters."
    ),
    h1("Article 14. Confidentiality and data"),
    p(
        "The parties are bound by the Non-Disclosure Agreement (Annex 2). Customer data and call recordings "
        "belong to the Client; the Provider processes them only to perform this contract and returns or "
        "destroys them when it ends."
    ),
    h1("Article 15. Personnel"),
    p(
        "The agents and staff are employees of the Provider, which alone is responsible for their wages, "
        "insurance and all obligations under labour law; no employment relationship arises between them and the "
        "Client. Neither party shall hire the other's staff working on this contract during its term and for 12 "
        "months after, without the other's written consent."
    ),
    h1("Article 16. Assignment and subcontracting"),
    p(
        "Neither party may assign or transfer this contract, or any right or obligation under it, in whole or "
        "in part, without the other party's written consent. The Provider shall not subcontract all or part "
        "of the services without the Client's written consent and, if the Client consents, remains "
        "responsible to the Client for all its obligations."
    ),
    h1("Article 17. Limitation of liability"),
    p(
        "Each party's total liability to the other for all claims arising from this contract is limited to "
        "the amounts paid or payable by the Client under this contract for the {{ terms.liability_months }} "
        "months before the event giving rise to the claim, and neither party is liable for the other's loss "
        "of profit or indirect loss. These limits do not apply to loss caused by wilful misconduct or fraud, "
        "to a breach of confidentiality (Annex 2) or to the Client's obligation to pay for the services."
    ),
    h1("Article 18. Termination"),
    p(
        "18.1. Either party may terminate this contract without cause with {{ terms.notice_days }} days' "
        "written notice."
    ),
    p(
        "18.2. If a party breaches a material obligation and does not remedy it within {{ terms.cure_days }} "
        "days of written notice, the other party may terminate the contract by written notice."
    ),
    p(
        "18.3. Early-termination charge: after signature the Provider hires and trains the team. If the Client "
        "terminates without cause, it pays, in addition to the services rendered"
        "{% if setup.lines %}, (a) any part of the setup fees of clause 4.3 not yet paid ("
        "{{ setup.total.figures }} in all), and (b){% else %},{% endif %} for each day by which its notice falls "
        "short of {{ terms.notice_days }} days, one thirtieth of the monthly amount in clause 4.2, that is "
        "**{{ terms.notice_fee.figures }}** ({{ terms.notice_fee.words }}) for the whole notice period. No other "
        "amount is due for a termination without cause."
    ),
    p(
        "18.4. On termination the Client pays for services rendered up to the termination date; the Provider "
        "assists the transfer of the service for up to 30 days at the contract rates and returns the Client's "
        "data."
    ),
    h1("Article 19. Force majeure"),
    p(
        "Neither party is liable for a failure caused by events beyond its reasonable control, such as natural "
        "disasters, war, general network outages or acts of authority, provided it notifies the other party "
        "within 5 days. If force majeure lasts more than 30 days, either party may terminate the contract."
    ),
    h1("Article 20. Amendments"),
    p(
        "This contract and its annexes may be amended or changed only by a written amendment signed by the "
        "authorised signatories of both parties; correspondence, messages and oral agreements do not change "
        "its terms."
    ),
    h1("Article 21. Disputes and arbitration"),
    p(
        "21.1. The parties shall try to settle any dispute arising from this contract by negotiation within "
        "15 days of its written notice."
    ),
    p(
        "21.2. Failing agreement, the parties may agree in writing to refer the dispute to arbitration by the "
        "Arbitration Center of Iran Chamber (ACIC); the arbitration then takes place in {{ company.city }} "
        "under the rules of that center, and the award is final and binding on the parties."
    ),
    p(
        "21.3. If the parties have not agreed on arbitration within 15 days after the negotiation period ends, "
        "the competent courts of {{ company.city }} have jurisdiction. While a dispute is pending, the parties "
        "continue to perform the obligations that are not in dispute."
    ),
    h1("Article 22. Governing law and language"),
    p(
        "This contract is governed by the laws of the Islamic Republic of Iran.{% if client.foreign %} It is "
        "made in Persian and English; if the two texts differ, the English text prevails.{% else %} The "
        "Persian text of this contract prevails; any translation of it, including this English version, is "
        "for convenience only and, if the texts differ, the Persian text governs.{% endif %}"
    ),
    h1("Article 23. Legal domicile and notices"),
    p(
        "The addresses in Article 1 are the parties' legal domiciles, and notices delivered there are deemed "
        "received. A party that changes its address shall notify the other in writing within 10 days; until "
        "then, notices sent to the old address are valid."
    ),
    h1("Article 24. Copies and signature"),
    p(
        "This contract is made in 24 articles and two annexes, in two copies of equal validity, and was signed "
        "by the parties on ............... in {{ company.city }}."
    ),
    *SIGNATURES,
]

DOCUMENTS = {
    "proposal": ("Technical and financial proposal", PROPOSAL),
    "sla": ("Service level agreement", SLA),
    "nda": ("Non-disclosure agreement", NDA),
    "contract": ("Contact-center services agreement", CONTRACT),
}
