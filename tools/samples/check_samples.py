#!/usr/bin/env python3
"""Check the sample corpus against tests/data/samples_expected.jsonl.

Parses every WARC back (record framing, Content-Length in bytes, CRLF
headers, the "\\r\\n\\r\\n" trailer, one gzip member per record), then checks
that every "with" and "without" string occurs in its raw source (white space
collapsed; HTML sources also after entity decoding), and the counts per
input kind. Exit status 1 on any failure. Python 3 standard library only.
"""
import gzip
import html
import json
import os
import re
import sys
import unicodedata
import zlib

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
bad = []

def fail(msg):
    bad.append(msg)

def gzip_members(data):
    out = []
    while data:
        d = zlib.decompressobj(31)
        out.append(d.decompress(data))
        if not d.eof:
            fail("truncated gzip member")
            break
        data = d.unused_data
    return out

def parse_warc(blob, name):
    """Yield (headers, block) of each record in blob; check framing."""
    recs, pos = [], 0
    while pos < len(blob):
        end = blob.find(b"\r\n\r\n", pos)
        head = blob[pos:end].decode("utf-8")
        lines = head.split("\r\n")
        if lines[0] != "WARC/1.0":
            fail(f"{name}: bad version line at {pos}")
            return recs
        if "\n" in head.replace("\r\n", ""):
            fail(f"{name}: bare LF in header at {pos}")
        h = dict(l.split(": ", 1) for l in lines[1:])
        n = int(h["Content-Length"])
        block = blob[end + 4:end + 4 + n]
        if len(block) != n or blob[end + 4 + n:end + 8 + n] != b"\r\n\r\n":
            fail(f"{name}: Content-Length or trailer wrong for {h.get('WARC-Target-URI')}")
        recs.append((h, block))
        pos = end + 8 + n
    return recs

def warc_articles(path):
    blob = open(os.path.join(ROOT, path), "rb").read()
    if path.endswith(".gz"):
        recs = []
        for m in gzip_members(blob):
            r = parse_warc(m, path)
            if len(r) != 1:
                fail(f"{path}: a gzip member holds {len(r)} records")
            recs += r
        if gzip.decompress(blob)[:8] != b"WARC/1.0":
            fail(f"{path}: not a WARC")
    else:
        recs = parse_warc(blob, path)
    pages = []
    for h, block in recs:
        if h["WARC-Type"] != "response":
            continue
        hend = block.find(b"\r\n\r\n")
        status = block[:hend].split(b"\r\n")[0].split()[1]
        body = block[hend + 4:]
        m = re.search(rb"Content-Length: (\d+)", block[:hend])
        if int(m.group(1)) != len(body):
            fail(f"{path}: HTTP Content-Length wrong")
        if status == b"200":
            pages.append(body.decode("utf-8"))
    return pages

def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s))

def source(path, cache={}):
    base, _, frag = path.partition("#")
    if base not in cache:
        raw = open(os.path.join(ROOT, base), "rb").read()
        if ".warc" in base:
            cache[base] = warc_articles(base)
        else:
            if base.endswith(".gz"):
                raw = gzip.decompress(raw)
            enc = "cp1252" if b'charset="windows-1252"' in raw[:300] else "utf-8"
            txt = raw.decode(enc)
            if ".jsonl" in base:
                cache[base] = [json.loads(l) for l in txt.splitlines() if l.strip()]
            else:
                cache[base] = txt
    v = cache[base]
    if frag:
        v = v[int(frag) - 1]
        if isinstance(v, dict):
            v = v.get("html") or v.get("text")
    return v

def main():
    exp = [json.loads(l) for l in open(os.path.join(ROOT, "tests/data/samples_expected.jsonl"), encoding="utf-8")]
    kinds = {}
    for e in exp:
        p = e["path"]
        k = p.split("/")[1]
        kinds[k] = kinds.get(k, 0) + 1
        src = source(p)
        forms = [norm(src)]
        if "<html" in src[:200].lower() or "<!doctype" in src[:50].lower():
            forms.append(norm(html.unescape(src)))
        if not 3 <= len(e["with"]) <= 6:
            fail(f"{p}: {len(e['with'])} with strings")
        if not 3 <= len(e["without"]) <= 8:
            fail(f"{p}: {len(e['without'])} without strings")
        for s in e["with"] + e["without"]:
            if not any(s in f for f in forms):
                fail(f"{p}: not in source: {s!r}")
        if e["title"] and not any(e["title"] in f for f in forms):
            fail(f"{p}: title not in source")
    n = {k: kinds.get(k, 0) for k in ("text", "html", "jsonl", "warc")}
    for k, c in n.items():
        if c < 12:
            fail(f"only {c} {k} articles")
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(ROOT, "samples")) for f in fs)
    if size > 1_500_000:
        fail(f"samples/ is {size} bytes")
    for b in bad:
        print("FAIL", b)
    print(f"{len(exp)} expectations, per kind {n}, samples/ {size} bytes, {len(bad)} failures")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
