#!/usr/bin/env python3
"""Build samples/warc/news.warc.gz and samples/warc/small.warc from
tools/samples/warc-pages/*.html and its MANIFEST.tsv, deterministically.

news.warc.gz: one gzip member per record (as Common Crawl does), mtime 0:
a warcinfo record, then per page a request, a response (HTTP/1.1 200) and,
for every other page, a metadata record; plus one 404 and one 301 response
that an ingester must skip. small.warc: uncompressed, warcinfo + request +
response for one page. Python 3 standard library only.
"""
import base64
import gzip
import hashlib
import os
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
W = os.path.join(HERE, "..", "..", "samples", "warc")
NS = uuid.UUID("6f1c2a3e-0d5b-4c7e-9a8f-1b2c3d4e5f60")

def rid(*parts):
    return f"<urn:uuid:{uuid.uuid5(NS, '|'.join(parts))}>"

def sha1(b):
    return "sha1:" + base64.b32encode(hashlib.sha1(b).digest()).decode()

def record(wtype, date, block, uri=None, ctype=None, extra=()):
    h = [("WARC-Type", wtype), ("WARC-Record-ID", rid(wtype, uri or "", date)),
         ("WARC-Date", date)]
    if uri:
        h.append(("WARC-Target-URI", uri))
    h += list(extra)
    if ctype:
        h.append(("Content-Type", ctype))
    h.append(("WARC-Block-Digest", sha1(block)))
    h.append(("Content-Length", str(len(block))))
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in h) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"

def http_date(iso):
    import datetime as dt
    d = dt.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
    return d.strftime("%a, %d %b %Y %H:%M:%S GMT")

def request(uri, date):
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3]
    blk = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\n"
           "User-Agent: dyad-sample-crawler/1.0 (+https://example.org/dyad)\r\n"
           "Accept: text/html,application/xhtml+xml\r\nAccept-Encoding: identity\r\n"
           "Connection: close\r\n\r\n").encode()
    return record("request", date, blk, uri, "application/http; msgtype=request",
                  [("WARC-Concurrent-To", rid("response", uri, date))])

def response(uri, date, status, body, ctype="text/html; charset=utf-8", extra_http=()):
    hh = [("Date", http_date(date)), ("Server", "nginx"), ("Content-Type", ctype),
          ("Content-Length", str(len(body)))] + list(extra_http)
    http = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hh) + "\r\n"
    blk = http.encode() + body
    return record("response", date, blk, uri, "application/http; msgtype=response",
                  [("WARC-IP-Address", "203.0.113.7"), ("WARC-Payload-Digest", sha1(body))])

def warcinfo(date, fname):
    blk = (f"software: dyad tools/samples/make_warc.py\r\nformat: WARC File Format 1.0\r\n"
           f"description: dyad sample corpus, written for the project (fictional reporting, for testing)\r\n"
           f"isPartOf: dyad-samples\r\nrobots: obey\r\n").encode()
    return record("warcinfo", date, blk, None, "application/warc-fields",
                  [("WARC-Filename", fname)])

def main():
    rows = []
    for line in open(os.path.join(HERE, "warc-pages", "MANIFEST.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        rows.append((f[0], f[1], f[2], f[3], f[4] if len(f) > 4 else ""))
    news = [warcinfo("2024-06-03T10:15:00Z", "news.warc.gz")]
    n = 0
    for fn, target, uri, date, lm in sorted(r for r in rows if r[1] == "news"):
        body = open(os.path.join(HERE, "warc-pages", fn), "rb").read()
        extra = [("Last-Modified", lm)] if lm else []
        news += [request(uri, date), response(uri, date, "200 OK", body, extra_http=extra)]
        if n % 2 == 0:
            meta = f"fetchTimeMs: {120 + n * 13}\r\noutlinks: {uri.split('/')[2]}\r\n".encode()
            news.append(record("metadata", date, meta, uri, "application/warc-fields",
                               [("WARC-Concerned-Records", rid("response", uri, date))]))
        n += 1
        if n == 3:   # a page that is gone: must be skipped
            u = "https://karachiledger.pk/pakistan/old-story-removed-12345"
            d = "2024-06-03T10:16:10Z"
            b = b"<!DOCTYPE html><html><head><title>Page not found | The Karachi Ledger</title></head><body><h1>404</h1><p>Sorry, the page you are looking for does not exist.</p></body></html>\n"
            news += [request(u, d), response(u, d, "404 Not Found", b)]
        if n == 7:   # a redirect: must be skipped
            u = "http://kabulobserver.af/news/p=4471"
            d = "2024-06-03T10:20:30Z"
            b = b'<html><body>Moved to <a href="https://kabulobserver.af/news/">here</a></body></html>\n'
            news += [request(u, d), response(u, d, "301 Moved Permanently", b,
                                              extra_http=[("Location", "https://kabulobserver.af/news/")])]
    with open(os.path.join(W, "news.warc.gz"), "wb") as out:
        for r in news:
            out.write(gzip.compress(r, 9, mtime=0))
    small = [warcinfo("2024-06-04T12:00:00Z", "small.warc")]
    for fn, target, uri, date, lm in sorted(r for r in rows if r[1] == "small"):
        body = open(os.path.join(HERE, "warc-pages", fn), "rb").read()
        small += [request(uri, date), response(uri, date, "200 OK", body)]
    with open(os.path.join(W, "small.warc"), "wb") as out:
        out.write(b"".join(small))

if __name__ == "__main__":
    main()
