#!/usr/bin/env python3
"""Render the dyad sample corpus from tools/samples/articles.in.

Writes samples/text, samples/html, samples/jsonl, tools/samples/warc-pages (+ its
MANIFEST.tsv) and tests/data/samples_expected.jsonl, deterministically.
Run from the repository root, then tools/samples/make_warc.py.
Python 3 standard library only. All prose was written for the project:
fictional reporting about real public actors, for testing.
"""
import datetime as dt
import gzip
import html as H
import json
import os
import re
import sys
import textwrap

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
S = os.path.join(ROOT, "samples")

# ---------------------------------------------------------------- articles

def load_articles():
    arts, cur, body = {}, None, False
    for line in open(os.path.join(ROOT, "tools", "samples", "articles.in"), encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#") and cur is None:
            continue
        if line.startswith("=== "):
            cur = {"id": line[4:].strip(), "paras": [], "buf": []}
            arts[cur["id"]] = cur
            body = False
        elif cur is None:
            continue
        elif not body and line == "---":
            body = True
        elif not body:
            k, v = line.split(": ", 1)
            cur[k] = v
        elif line.strip():
            cur["buf"].append(line.strip())
        elif cur["buf"]:
            cur["paras"].append(" ".join(cur["buf"]))
            cur["buf"] = []
    for a in arts.values():
        if a["buf"]:
            a["paras"].append(" ".join(a["buf"]))
        del a["buf"]
    return arts

ART = load_articles()

def D(s):
    return dt.date.fromisoformat(s) if s else None

def long_date(d):      # March 24, 2010
    return f"{d:%B} {d.day}, {d.year}"

def day_first(d):      # 24 March 2010
    return f"{d.day} {d:%B} {d.year}"

def short_mon(d):      # Oct 21
    return f"{d:%b} {d.day}"

BANNER = dt.date(2026, 11, 25)          # the "today" of every site banner
BANNER_TXT = f"{BANNER:%A}, {long_date(BANNER)}"

OUT = {
    "KL": dict(name="The Karachi Ledger", host="karachiledger.pk", sec="pakistan"),
    "PW": dict(name="Potomac Wire", host="www.potomacwire.com", sec="world/asia"),
    "KO": dict(name="Kabul Observer", host="kabulobserver.af", sec="news"),
    "FS": dict(name="Frontier Sentinel", host="frontiersentinel.pk", sec="latest"),
    "CC": dict(name="Capital Courier", host="www.capitalcourier.in", sec="world"),
    "MD": dict(name="Meridian Daily", host="www.meridiandaily.co.uk", sec="world/south-asia"),
    "SAD": dict(name="South Asia Desk", host="feeds.southasiadesk.net", sec="wire"),
}

def slug(t):
    return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")[:60]

def teasers(aid, n=3):
    """Headlines of other corpus stories, used as related-link clutter."""
    ids = sorted(k for k in ART if k != aid and "title" in ART[k])
    h = sum(map(ord, aid))
    return [ART[ids[(h + 7 * i) % len(ids)]]["title"] for i in range(n)]

def dateline_prefix(o, a, syn, d, opt=None):
    dl = a.get("dateline")
    if not dl:
        return ""
    if syn:
        return f"{dl}, {short_mon(D((opt or {}).get('agency_date', a['date'])))} (SAD) "
    return {"KL": f"{dl}: ", "PW": f"{dl} (Potomac Wire) - ", "KO": f"{dl} — ",
            "FS": f"{dl}: ", "CC": f"{dl}: ", "MD": f"{dl} — ",
            "SAD": f"{dl}, {long_date(d) if d else ''} (SAD) "}[o]

def credit(o):
    return (f"This story has not been edited by {OUT[o]['name']} staff and is "
            "published from a syndicated feed.")

# ---------------------------------------------------------------- text pages

def render_text(o, a, opt):
    """Return (text, clutter strings, expected title, outlet seen)."""
    d = D(opt.get("date", a.get("date")))
    syn = opt.get("syn", False)
    paras = list(opt.get("paras", a["paras"]))
    paras[0] = dateline_prefix(o, a, syn, d, opt) + paras[0]
    by = a.get("byline") if not syn else None
    t = a.get("title")
    tz = teasers(a["id"])
    L, C = [], []           # lines, clutter
    def c(*xs):
        for x in xs:
            L.append(x)
            C.append(x)
    name = OUT[o]["name"]
    if o == "KL":
        c(f"Today is {BANNER_TXT}", name, "Home | Pakistan | World | Business | Sport | Opinion",
          "Subscribe | Log in", "")
        L += [t, ""]
        if by:
            L.append(f"By {by}")
        L.append(f"Published: {long_date(d)} 09:30 PKT")
        c("4 min read", "Share Facebook Twitter WhatsApp Email", "")
        for i, p in enumerate(paras):
            L += [p, ""]
            if i == 1 and len(paras) > 3:
                c('[caption id="attachment_12" align="alignnone" width="600"]Soldiers at the border. Photo: File[/caption]', "")
            if i == 2 and len(paras) > 4:
                c(f"Also read: {tz[0]}", "")
        if syn:
            c(credit(o), "")
        if opt.get("feedid"):
            c(opt["feedid"], "")
        c("You have read 3 of 5 free articles this month.",
          "Subscribe for unlimited access: Digital Rs 299/month | Rs 2,999/year | Print + Digital Rs 4,500/year",
          "Already a subscriber? Log in", "",
          "Also read", f"- {tz[1]}", f"- {tz[2]}", "",
          f"Comments (2)", f"Bilal K · {long_date(d + dt.timedelta(days=2))} at 4:12 pm",
          "Same story every year, nothing changes.",
          f"Naveed · {long_date(d + dt.timedelta(days=3))} at 9:01 am",
          "Who will hold them accountable?", "",
          f"© 2026 {name}. All rights reserved. Reproduction without permission is prohibited.",
          "Back to top")
    elif o == "PW":
        c(name, "World | U.S. | Business | Markets | Politics | Tech", "Sign In  Subscribe", "")
        L += [t, ""]
        if by:
            L.append(f"By {by}")
        L.append(f"{long_date(d)} 4:12 PM UTC")
        c("4 min read", "", "Share Facebook Twitter WhatsApp Email", "")
        for i, p in enumerate(paras):
            L += [p, ""]
            if i == 2:
                c("ADVERTISEMENT · Scroll to continue with content", "")
        c(f"(Reporting by {by or 'staff'} in Washington; Additional reporting by Jonah Price; Editing by Kate Morrow)", "",
          "Our Standards: The Potomac Wire Trust Principles.", "",
          "Read Next", tz[0], tz[1], "",
          "Get the Potomac Wire Daily Briefing newsletter. Sign up", "",
          "Previous article", tz[2], "Next article", tz[0], "",
          f"All quotes delayed a minimum of 15 minutes. © 2026 {name}. All rights reserved.")
    elif o == "KO":
        c("We use cookies to improve your experience. By continuing to browse you agree to our Cookie Policy. Accept | Manage preferences", "")
        c(f"{name} | Home | Afghanistan | Region | World | Opinion", "")
        L += [t, ""]
        if by:
            L.append(f"{by}")
        L.append(f"Published on {day_first(d)}")
        c("Share Facebook Twitter WhatsApp Email", "")
        for i, p in enumerate(paras):
            L += [p, ""]
            if i == 0:
                c("Photo: AFP", "")
        c("Latest from Kabul Observer", f"• {tz[0]}", f"• {tz[1]}", f"• {tz[2]}", "",
          "Download the Kabul Observer app on Google Play and the App Store", "",
          f"Copyright © 2026 {name}. The views expressed in comments are those of readers.",
          "Back to top")
    elif o == "FS":
        c("FRONTIER SENTINEL", "Home | Khyber Pakhtunkhwa | Pakistan | Sports | E-Paper", "")
        if not opt.get("no_head"):
            L += [t, ""]
            if by:
                L.append(f"{by}")
            L.append(f"Posted on {day_first(d)}")
            c("3 min read", "")
        else:
            L.clear(); C.clear()
        for i, p in enumerate(paras):
            L += [p, ""]
            if i == 1:
                c("Don't miss", f"> {tz[0]}", "")
        if opt.get("no_head"):
            L.append(f"Posted on {day_first(d)} by {by}")
            L.append("")
        c("Share this: Facebook | Twitter | WhatsApp | Email", "",
          "Leave a Reply", "Your email address will not be published. Required fields are marked *", "",
          "Related Posts", tz[1], tz[2], "",
          f"Disclaimer: {name} is not responsible for the content of external sites.",
          f"© {name} 2026")
    elif o == "CC":
        c(f"{BANNER_TXT} | New Delhi 24°C", f"{name}", "India | World | Business | Opinion | Sport | Videos", "")
        L += [t, ""]
        if by:
            L.append(f"{by}, {name}")
        if syn:
            L.append("South Asia Desk")
        L.append(f"Updated: {d.day} {d:%b} {d.year}, 11:42 PM IST")
        c("Share Facebook Twitter WhatsApp Email", "")
        for i, p in enumerate(paras):
            L += [p, ""]
            if i == 1:
                c(f"ALSO READ | {tz[0]}", "")
        if opt.get("feedid"):
            c(opt["feedid"], "")
        if syn:
            c(f"(Only the headline and picture of this report may have been reworked by the {name} staff; the rest of the content is auto-generated from a syndicated feed.)", "")
            c(credit(o), "")
        c("Subscribe to Capital Courier Premium: ₹49/month | ₹499/year | 2 years ₹899. Cancel anytime.", "",
          "Don't miss", f"{tz[1]}", f"{tz[2]}", "",
          "Get the latest news on WhatsApp & Telegram. Download the Capital Courier app.", "",
          f"© 2026 Capital Courier Media Ltd. All rights reserved.")
    elif o == "MD":
        c("Skip to main content", "This site uses cookies. Find out more. OK, I agree", "",
          f"{name} | News | World | South Asia | Climate | Sport", "")
        L += [t, ""]
        if by:
            L.append(f"{by}")
        if d:
            L.append(f"{d:%a} {d.day} {d:%b} {d.year} 09.15 BST")
        c("Share on Facebook · Share on Twitter · Share via Email", "")
        for i, p in enumerate(paras):
            L += [p, ""]
            if i == 1:
                c("Related: " + tz[0], "")
        c("… we have a small favour to ask. Millions turn to Meridian Daily for reporting they can trust. Support us from £2 a month.",
          "Support Meridian Daily  →", "",
          "Most viewed", f"1. {tz[1]}", f"2. {tz[2]}", "",
          f"© {name} and its affiliated companies. All rights reserved.")
    elif o == "SAD":
        c("SADWIRE 0412 | ROUTINE | POL-PAK-IRN | 118 words", "")
        L += [t, ""]
        L += [" ".join(paras), ""]
        c(opt["feedid"], "NNNN", "",
          "© South Asia Desk. For subscribers only. Redistribution prohibited.")
    txt = "\n".join(L).rstrip("\n") + "\n"
    if opt.get("wrap"):
        out = []
        for block in txt.split("\n"):
            out.append("\n".join(textwrap.wrap(block, 72)) if len(block) > 72 else block)
        txt = "\n".join(out)
    return txt, C, (None if opt.get("no_head") else t), name

# ---------------------------------------------------------------- html pages

def render_html(o, a, opt):
    """Return (html str, clutter strings, expected title, expected outlet)."""
    d = None if "expect_date" in opt and opt["expect_date"] is None else D(opt.get("date", a.get("date")))
    syn = opt.get("syn", False)
    paras = list(opt.get("paras", a["paras"]))
    dlp = dateline_prefix(o, a, syn, d, opt)
    by = a.get("byline") if not syn else None
    t = a["title"]
    O = OUT[o]
    name = O["name"]
    tz = teasers(a["id"])
    dm = opt.get("dates", set())
    url = opt.get("url") or f"https://{O['host']}/{O['sec']}/{slug(t)}-{sum(map(ord, a['id'])) * 37}"
    e = H.escape
    def t_(x):      # element text: pages write quotes literally
        return H.escape(x, quote=False)
    C = []
    def c(x):
        C.append(x)
        return x
    head = [f'<meta charset="{opt.get("charset", "utf-8")}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{e(t)} | {e(name)}</title>" if o != "PW" else f"<title>{e(t)} - {e(name)}</title>"]
    if o != "PW":
        head.append(f'<meta property="og:title" content="{e(t)}">')
    head += [f'<meta property="og:site_name" content="{e(name)}">',
             f'<meta property="og:type" content="article">',
             f'<link rel="canonical" href="{e(url)}">',
             f'<meta name="description" content="{e(paras[0][:150])}">']
    iso = f"{d.isoformat()}T09:30:00+05:00" if d else None
    if "meta" in dm:
        head.append(f'<meta property="article:published_time" content="{iso}">')
    if "modified" in dm:
        md = d + dt.timedelta(days=1)
        head.append(f'<meta property="article:modified_time" content="{md.isoformat()}T14:05:00+05:00">')
    if "jsonld" in dm:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": t,
              "datePublished": iso, "mainEntityOfPage": url,
              "publisher": {"@type": "Organization", "name": name}}
        if "modified" in dm:
            ld["dateModified"] = f"{(d + dt.timedelta(days=1)).isoformat()}T14:05:00+05:00"
        if by:
            ld["author"] = {"@type": "Person", "name": by}
        head.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>")
    head += [f'<link rel="stylesheet" href="/static/{o.lower()}/site.css?v=2026.3">',
             "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>"]
    B = []
    B.append(f'<div class="cookie-consent" role="dialog"><p>{c("We use cookies to personalise content and ads and to analyse our traffic.")} '
             '<a href="/privacy">Privacy policy</a></p><button>Accept all</button><button>Reject</button></div>')
    B.append(f'<header class="site-header"><div class="topbar"><span class="today">{c(BANNER_TXT)}</span> '
             f'<a href="/subscribe" class="btn">{c("Subscribe")}</a> <a href="/login">Log in</a></div>'
             f'<a class="logo" href="/">{e(name)}</a><nav><ul><li><a href="/">Home</a></li><li><a href="/pakistan">Pakistan</a></li>'
             '<li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
             f'<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>{c("Asia Pacific")}</li></ol></header>')
    A = ['<main id="content">', '<article class="story">', f"<h1 class=\"headline\">{e(t)}</h1>"]
    meta = []
    if by:
        meta.append(f'<span class="byline">By <a rel="author" href="/author/{slug(by)}">{e(by)}</a></span>')
    if syn:
        meta.append('<span class="source">South Asia Desk</span>')
    if "time" in dm:
        meta.append(f'<time datetime="{iso}" class="published">{e(long_date(d))}</time>')
    if "visible" in dm:
        meta.append(f'<span class="date">Published {e(long_date(d))}</span>')
    if "modified" in dm:
        meta.append(f'<span class="updated">Updated {e(long_date(d + dt.timedelta(days=1)))}</span>')
    meta.append(f'<span class="readtime">{c("4 min read")}</span>')
    A.append('<div class="story-meta">' + " ".join(meta) + "</div>")
    A.append('<div class="share-bar"><span>Share</span> <a href="#fb">Facebook</a> <a href="#tw">Twitter</a> '
             '<a href="#wa">WhatsApp</a> <a href="#em">Email</a></div>')
    C.append("WhatsApp")
    A.append(f'<figure class="lead"><img src="/img/{slug(t)[:30]}.jpg" alt="File photo">'
             f'<figcaption>{c("A file photo of officials at a meeting.")} <span class="credit">Photo: AFP</span></figcaption></figure>')
    body_tag = "div class=\"story-body\"" if o in ("KL", "CC", "FS") else "section class=\"article-body\""
    A.append(f"<{body_tag}>")
    for i, p in enumerate(paras):
        if i == 0 and dlp:
            A.append(f"<p><strong>{t_(dlp.strip())}</strong> {t_(p)}</p>")
        else:
            A.append(f"<p>{t_(p)}</p>")
        if i == 1:
            A.append(f'<aside class="also-read"><h4>{c("Also read")}</h4><ul><li><a href="/x/{slug(tz[0])}">{e(tz[0])}</a></li></ul></aside>')
        if i == 2 and len(paras) > 3:
            A.append(f'<div class="ad-slot"><span>{c("Advertisement")}</span></div>')
    if syn:
        A.append(f'<p class="syndication"><em>{c(credit(o))}</em></p>')
    A.append(f"</{body_tag.split()[0]}>")
    A.append(f'<div class="paywall" data-meter="3"><p>{c("You have reached your limit of free articles.")} '
             f'Subscribe now: {c("Digital $4.99/month")} | $49/year.</p></div>')
    A.append("</article>")
    A.append(f'<section class="related"><h3>{c("Related stories")}</h3><ul>'
             + "".join(f'<li><a href="/x/{slug(x)}">{e(x)}</a></li>' for x in tz[1:]) + "</ul></section>")
    A.append(f'<div class="newsletter"><h3>{c("Sign up for our morning newsletter")}</h3>'
             '<form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>')
    if d and dm:
        cd = d + dt.timedelta(days=2)
        A.append(f'<section class="comments"><h3>Comments (1)</h3><div class="comment"><b>Asad R.</b> '
                 f'<span class="when">{e(long_date(cd))}</span><p>{c("Good analysis, but who is listening?")}</p></div></section>')
    else:
        A.append(f'<section class="comments"><h3>Comments (0)</h3><p>{c("Be the first to comment.")}</p></section>')
    A.append("</main>")
    F = (f'<footer><p>{c(f"© 2026 {name}. All rights reserved.")}</p>'
         '<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/terms">Terms of use</a></li></ul>'
         f'<a href="#top">{c("Back to top")}</a></footer>'
         "<script src=\"/static/app.js\" defer></script>")
    page = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + "\n".join(head) + "\n</head>\n<body>\n"
            + "\n".join(B) + "\n" + "\n".join(A) + "\n" + F + "\n</body>\n</html>\n")
    return page, C, t, name, url

# ---------------------------------------------------------------- expectations

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

def first_words(p, n=8):
    w = p.split()
    return " ".join(w[:n])

def quote_excerpt(p):
    m = re.search(r"[\"“‘]", p)
    if not m:
        return None
    s = p[m.start():m.start() + 60]
    if len(p) > m.start() + 60:
        s = s[:s.rfind(" ")]
    return s

def with_strings(paras, extra=()):
    W = [first_words(paras[0]), first_words(paras[-1])]
    short = min(paras, key=len)
    if len(short) < 90:
        W.append(short)
    for p in paras[1:-1]:
        q = quote_excerpt(p)
        if q and len(W) < 5:
            W.append(q)
    for p in paras[1:-1]:
        if len(W) >= 4:
            break
        W.append(first_words(p, 6))
    if len(paras) == 1:
        w = paras[0].split()
        W.append(" ".join(w[len(w) // 2:len(w) // 2 + 7]))
        W.append(" ".join(w[-6:]))
    W += list(extra)
    out = []
    for x in W:
        if x not in out and not any(x in y for y in W if y != x):
            out.append(x)
    for p in paras[1:-1]:
        x = first_words(p, 5)
        if len(out) < 3 and not any(x in y for y in out):
            out.append(x)
    return out[:6]

def pick_without(C, body, dateline):
    seen, out = set(), []
    for x in C:
        x = norm(x)
        if len(x) < 5 or x in seen or x in body or x in dateline:
            continue
        seen.add(x)
        out.append(x)
    # spread the choice over the page: start, middle and end clutter
    if len(out) > 8:
        idx = [round(i * (len(out) - 1) / 7) for i in range(8)]
        out = [out[i] for i in sorted(set(idx))]
    return out

EXP = []

def expect(path, a, opt, title, outlet, C, paras=None, extra_with=()):
    paras = paras or list(opt.get("paras", a["paras"]))
    body = "\n\n".join(norm(p) for p in paras)
    syn = opt.get("syn", False)
    pub = opt.get("expect_date", opt.get("date", a.get("date")))
    W = with_strings(paras, extra_with)
    X = pick_without(C, body, f"{a.get('dateline')} ({outlet}) - (SAD)")
    for w in W:
        assert w in body, (path, w)
    # The dateline as printed, without the agency tag: "ISLAMABAD",
    # "Washington, Oct 21" (agency copies carry their date).
    dl = a.get("dateline")
    if dl and syn:
        dl = f"{dl}, {short_mon(D(opt.get('agency_date', a['date'])))}"
    elif dl and outlet == OUT["SAD"]["name"] and a.get("date"):
        dl = f"{dl}, {long_date(D(opt.get('date', a.get('date'))))}"
    by = a.get("byline")
    if syn:  # agency copies: the agency stands in the byline slot of CC's text pages
        as_text = path.startswith("samples/text/") or opt.get("as_text", False)
        by = OUT["SAD"]["name"] if as_text and outlet == OUT["CC"]["name"] else None
    EXP.append({"path": path, "title": title, "published": pub,
                "dateline": dl, "byline": by,
                "outlet": outlet, "with": W, "without": X, "_body": body})

# ---------------------------------------------------------------- instances

G1 = ART["t03"]["paras"]
h03_paras = [G1[0], G1[1], G1[2], G1[4]]            # shortened copy
G2 = ART["t12"]["paras"]
G3 = ART["h12"]["paras"]

TEXT = [
    ("01_kl_strategic_dialogue_2010.txt", "t01", "KL", {}),
    ("02_pw_nato_routes_closed_2011.txt", "t02", "PW", {}),
    ("03_cc_state_dept_briefing_2015.txt", "t03", "CC", {"syn": True, "feedid": "-- SAD sd/pgh"}),
    ("04_ko_taliban_enter_kabul_2021.txt", "t04", "KO", {}),
    ("05_fs_lakki_marwat_attack_2023.txt", "t05", "FS", {"wrap": True}),
    ("06_md_karachi_rain_nodate.txt", "t06", "MD", {}),
    ("07_sad_iran_border_market_2023.txt", "t07", "SAD", {"feedid": "-- SAD ak/rt/pgh"}),
    ("08_kl_kabul_ttp_warning_2025.txt", "t08", "KL", {}),
    ("09_fs_cricket_no_headline_2024.txt", "t09", "FS", {"no_head": True}),
    ("10_cc_india_pakistan_dialogue_2015.txt", "t10", "CC", {}),
    ("11_pw_security_aid_suspended_2018.txt", "t11", "PW", {}),
    ("12_kl_trump_tweet_2018.txt", "t12", "KL", {"syn": True, "feedid": "-- SAD mk/pgh"}),
    ("13_fs_shangla_convoy_attack_2024.txt", "t13", "FS", {}),
    ("14_pw_khan_white_house_2019.txt.gz", "t14", "PW", {}),
    ("15_fs_nato_routes_reopen_2012.txt.gz", "t15", "FS", {}),
]

HTML = [
    ("01_pw_strategic_dialogue_aid_2010.html", "h01", "PW", {"dates": {"jsonld"}}),
    ("02_kl_mullen_haqqani_2011.html", "h02", "KL", {"dates": {"meta", "visible"}}),
    ("03_md_us_presses_pakistan_2015.html", "h03", "MD", {"syn": True, "dates": {"time"}, "paras": h03_paras, "agency_date": "2015-10-21"}),
    ("04_ko_report_to_congress_2016.html", "h04", "KO", {"dates": {"time"}}),
    ("05_cc_trump_strategy_2017.html", "h05", "CC", {"dates": set(),
        "url": "https://www.capitalcourier.in/world/2017/08/22/trump-warns-pakistan-new-afghanistan-strategy.html"}),
    ("06_fs_new_chapter_2019.html", "h06", "FS", {"dates": {"meta", "modified", "jsonld", "modified"}}),
    ("07_ko_torkham_reopens_nodate.html", "h07", "KO", {"dates": set()}),
    ("08_pw_austin_bajwa_call_2021.html", "h08", "PW", {"dates": {"meta", "time"}, "charset": "windows-1252"}),
    ("09_cc_websites_defaced_2024.html", "h09", "CC", {"dates": {"jsonld", "visible"}}),
    ("10_md_unsc_peshawar_2023.html", "h10", "MD", {"dates": {"jsonld", "time"}}),
    ("11_kl_cpec_deals_2015.html", "h11", "KL", {"dates": {"meta"}}),
    ("12_cc_pakistan_warns_kabul_2025.html", "h12", "CC", {"syn": True, "dates": {"meta", "visible"}}),
    ("13_pw_moscow_format_2021.html", "h13", "PW", {"dates": {"jsonld", "time"}}),
    ("14_ko_hand_over_ttp_2024.html.gz", "h14", "KO", {"dates": {"time"}}),
    ("15_fs_senate_panel_2024.html.gz", "h15", "FS", {"dates": {"meta", "jsonld"}}),
]

# (article, outlet, kind, published-as-given or None, options)
JSONL = [
    ("j01", "MD", "html", "2011-12-05", {"dates": {"time"}}),
    ("j02", "KL", "text", "Apr 12, 2012", {}),
    ("j03", "KO", "html", "2015-10-23T04:10:00Z", {"dates": {"meta"}}),
    ("j04", "CC", "text", "2018-01-02", {"syn": True, "feedid": "-- SAD mk/pgh"}),
    ("j05", "PW", "html", "May 3, 2016", {"dates": set()}),
    ("j06", "FS", "text", "2019-01-18T14:05:00+05:00", {}),
    ("j07", "CC", "html", None, {"dates": {"meta", "jsonld"}}),
    ("j08", "FS", "text", "7 September 2023", {}),
    ("j09", "KL", "html", "2024-01-29", {"dates": {"meta"}}),
    ("j10", "MD", "text", "Mon, 27 May 2024 10:00:00 GMT", {}),
    ("j11", "FS", "html", "2025-03-19T08:00:00Z", {"dates": {"jsonld"}}),
    ("j12", "KO", "text", "March 20, 2025", {}),
    ("j13", "KO", "html", None, {"dates": set()}),
]
JSONL_GZ = [
    ("jz1", "PW", "text", "2021-06-21", {}),
    ("jz2", "FS", "html", "2024-12-10", {"dates": {"meta"}}),
    ("jz3", "MD", "text", None, {}),
]

# WARC pages: name, article, outlet, options, target file, capture time
WARC = [
    ("w01", "KL", {"dates": {"meta"}}, "news", "2024-06-03T10:15:01Z"),
    ("w02", "PW", {"dates": {"jsonld"}}, "news", "2024-06-03T10:15:09Z"),
    ("w03", "KL", {"agency_date": "2015-10-21", "syn": True, "dates": {"meta", "visible"}}, "news", "2024-06-03T10:16:44Z"),
    ("w04", "KL", {"dates": {"time"}}, "news", "2024-06-03T10:17:02Z"),
    ("w05", "FS", {"dates": {"time", "meta"}}, "news", "2024-06-03T10:18:30Z"),
    ("w06", "MD", {"dates": {"jsonld"}}, "news", "2024-06-03T10:19:12Z"),
    ("w07", "KL", {"dates": {"meta"}}, "news", "2024-06-03T10:20:00Z"),
    ("w08", "FS", {"dates": {"visible"}}, "news", "2024-06-03T10:21:47Z"),
    ("w09", "KO", {"agency_date": "2025-10-13", "syn": True, "dates": {"time"}}, "news", "2025-11-02T08:00:05Z"),
    ("w10", "MD", {"dates": {"jsonld", "time"}}, "news", "2025-11-02T08:01:15Z"),
    ("w11", "FS", {"dates": {"meta"}}, "news", "2025-11-02T08:02:40Z"),
    ("w12", "KL", {"dates": set(), "expect_date": None}, "news", "2025-11-02T08:03:03Z"),
    ("w13", "PW", {"dates": {"jsonld", "time"}}, "news", "2025-11-02T08:04:59Z"),
    ("s01", "FS", {"dates": {"meta"}}, "small", "2024-06-04T12:00:00Z"),
]

def write(path, data):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if path.endswith(".gz"):
        data = gzip.compress(data, 9, mtime=0)
    with open(full, "wb") as f:
        f.write(data)

def main():
    for fn, aid, o, opt in TEXT:
        a = ART[aid]
        txt, C, title, outlet = render_text(o, a, opt)
        path = f"samples/text/{fn}"
        write(path, txt.encode("utf-8"))
        expect(path, a, opt, title, outlet, C)
    for fn, aid, o, opt in HTML:
        a = ART[aid]
        page, C, title, outlet, _ = render_html(o, a, opt)
        path = f"samples/html/{fn}"
        enc = "cp1252" if opt.get("charset") == "windows-1252" else "utf-8"
        write(path, page.encode(enc))
        extra = ("test string <script>alert(1)</script> in a public",) if aid == "h09" else ()
        if opt.get("url") and not opt["dates"]:
            pass  # published comes from the URL path only
        expect(path, a, opt, title, outlet, C, extra_with=extra)
    for fname, items in (("feed.jsonl", JSONL), ("extra.jsonl.gz", JSONL_GZ)):
        lines = []
        for n, (aid, o, kind, pub, opt) in enumerate(items, 1):
            a = ART[aid]
            if kind == "html":
                page, C, title, outlet, url = render_html(o, a, opt)
                rec = {"url": url, "html": page}
            else:
                page, C, title, outlet = render_text(o, a, opt)
                url = f"https://{OUT[o]['host']}/{OUT[o]['sec']}/{slug(a['title'])}"
                rec = {"url": url, "text": page}
            if pub:
                rec["published"] = pub
            if n % 4 != 3:
                rec["outlet"] = OUT[o]["name"]
            if n % 3 != 2:
                rec["title"] = a["title"]
            title = a["title"]
            lines.append(json.dumps(rec, ensure_ascii=False))
            # published in the line wins; otherwise what the page says
            o2 = dict(opt)
            if pub is None and kind == "html" and not opt.get("dates"):
                o2["expect_date"] = None
            elif pub is None and kind == "text" and not a.get("date"):
                o2["expect_date"] = None
            o2["as_text"] = kind == "text"
            expect(f"samples/jsonl/{fname}#{n}", a, o2, title, OUT[o]["name"], C)
        write(f"samples/jsonl/{fname}", ("\n".join(lines) + "\n").encode("utf-8"))
    man = []
    news_n = 0
    for aid, o, opt, target, when in WARC:
        a = ART[aid]
        if aid == "w09":
            opt = dict(opt, paras=G3[:3])
        page, C, title, outlet, url = render_html(o, a, opt)
        fn = f"{aid}_{o.lower()}_{slug(a['title'])[:40].strip('-')}.html"
        write(f"tools/samples/warc-pages/{fn}", page.encode("utf-8"))
        lm = "Wed, 15 Oct 2025 11:20:00 GMT" if aid == "w13" else ""
        man.append("\t".join([fn, target, url, when, lm]))
        if target == "news":
            news_n += 1
            path = f"samples/warc/news.warc.gz#{news_n}"
        else:
            path = "samples/warc/small.warc#1"
        expect(path, a, opt, title, outlet, C)
    write("tools/samples/warc-pages/MANIFEST.tsv",
          ("# file\ttarget\tWARC-Target-URI\tWARC-Date\tLast-Modified\n" + "\n".join(man) + "\n").encode())
    with open(os.path.join(ROOT, "tests/data/samples_expected.jsonl"), "w", encoding="utf-8") as f:
        for r in EXP:
            r = {k: v for k, v in r.items() if not k.startswith("_")}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(EXP)} expectations", file=sys.stderr)

if __name__ == "__main__":
    main()
