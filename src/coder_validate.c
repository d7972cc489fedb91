/* Validation suites for the coder: TABARI's Validate.text records and
 * PETRARCH's unit-test XML, coded and compared with their expected events. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "buf.h"
#include "coder_int.h"
#include "segment.h"

/* One record being checked. */
struct vrec {
	char id[64];
	int32_t date;
	struct dyad_buf text;
	struct dyad_buf expect;   /* "SRC/TGT/CODE" items, each followed by '\n' */
	struct dyad_buf dates;    /* "SRC/TGT/CODE YYYYMMDD\n": TABARI's dated items */
	int check;                /* expected set given ({---} counts) */
	int skip;
};

struct vrun {
	struct dyad_dict d;
	struct dyad_coder *c;
	struct dyad_events ev;
	dyad_validate_fail_fn *fn;
	void *ctx;
	struct dyad_validate_result *r;
	struct dyad_coder_settings set;  /* TABARI defaults, then the suite's options */
	char story[64];           /* "FRWD-001" of "FRWD-001-002": records of one story */
	/* an OPTION record set TIME SHIFT = TRUE: items' dates are compared.
	 * TABARI's suite writes a date on every item but means them only in
	 * its TIME section (CONV-07 carries a NEXT_MONTH shift while TIME
	 * SHIFT is off) */
	int dated;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and deduplicate "a\nb\n" items into a space-joined string in out. */
static int canon(const char *items, struct dyad_buf *out)
{
	char *copy = dyad_strdup(items);
	if (!copy)
		return -1;
	size_t n = 0, cap = 0;
	char **v = NULL;
	for (char *p = strtok(copy, "\n"); p; p = strtok(NULL, "\n")) {
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			char **nv = realloc(v, cap * sizeof *nv);
			if (!nv) {
				free(v);
				free(copy);
				return -1;
			}
			v = nv;
		}
		v[n++] = p;
	}
	if (n)
		qsort(v, n, sizeof *v, cmp_str);
	dyad_buf_truncate(out, 0);
	int rc = dyad_buf_adds(out, "");
	for (size_t i = 0; i < n && !rc; i++) {
		if (i && !strcmp(v[i], v[i - 1]))
			continue;
		if (out->len)
			rc = dyad_buf_addc(out, ' ');
		if (!rc)
			rc = dyad_buf_adds(out, v[i]);
	}
	if (!rc && !n)
		rc = dyad_buf_adds(out, "(none)");
	free(v);
	free(copy);
	return rc ? -1 : 0;
}

/* The dated items of rec (TABARI "{ A / B / 064 } 950103": the date the
 * event must carry, TIME SHIFT) against the events coded. Returns 1 when
 * every one has its date, -1 when out of memory, else 0 with
 * "A/B/064@19950103" of the first wrong item in want and the events coded,
 * with their dates, in got. */
static int dates_ok(const struct vrun *vr, const struct vrec *rec, struct dyad_buf *want,
		    struct dyad_buf *got)
{
	for (const char *p = rec->dates.data; p && *p;) {
		const char *nl = strchr(p, '\n'), *sp = strchr(p, ' ');
		if (!nl || !sp || sp > nl)
			break;
		int32_t date = atoi(sp + 1);
		size_t len = (size_t)(sp - p);
		int seen = 0;
		for (size_t i = 0; i < vr->ev.n && !seen; i++) {
			const struct dyad_event *e = &vr->ev.ev[i];
			char item[96];
			snprintf(item, sizeof item, "%s/%s/%s", e->source[0] ? e->source : "---",
				 e->target[0] ? e->target : "---", e->code);
			seen = strlen(item) == len && !memcmp(item, p, len) && e->date == date;
		}
		if (!seen) {
			if (dyad_buf_printf(want, "%.*s@%d", (int)len, p, (int)date))
				return -1;
			for (size_t i = 0; i < vr->ev.n; i++) {
				const struct dyad_event *e = &vr->ev.ev[i];
				if (dyad_buf_printf(got, "%s%s/%s/%s@%d", i ? " " : "", e->source,
						    e->target, e->code, (int)e->date))
					return -1;
			}
			return 0;
		}
		p = nl + 1;
	}
	return 1;
}

static int check_record(struct vrun *vr, struct vrec *rec, struct dyad_err *err)
{
	if (rec->skip || !rec->check) {
		vr->r->skipped++;
		return DYAD_OK;
	}
	const char *text = rec->text.data ? rec->text.data : "";
	size_t n = rec->text.len;
	struct dyad_sentence *ss = NULL;
	size_t ns = 0;
	int rc = dyad_sentences(text, n, &ss, &ns, NULL);
	if (rc)
		return dyad_error(err, rc, "cannot split record %s", rec->id);
	/* TABARI FORWARD ids (STORY-SSS): the records of one story share context */
	char story[64] = "";
	const char *dash = strrchr(rec->id, '-');
	if (dash && dash != strchr(rec->id, '-') && strspn(dash + 1, "0123456789") == strlen(dash + 1))
		snprintf(story, sizeof story, "%.*s", (int)(dash - rec->id), rec->id);
	if (!story[0] || strcmp(story, vr->story))
		dyad_coder_article(vr->c, rec->date);
	memcpy(vr->story, story, sizeof story);
	dyad_coder_settings_apply(vr->c, &vr->set);
	vr->ev.n = 0;
	for (size_t i = 0; i < ns && !rc; i++)
		rc = dyad_coder_sentence(vr->c, text + ss[i].off, ss[i].len, (uint32_t)i, &vr->ev, err);
	free(ss);
	if (rc)
		return rc;
	struct dyad_buf got = DYAD_BUF_INIT, a = DYAD_BUF_INIT, b = DYAD_BUF_INIT;
	rc = dyad_buf_adds(&got, "");
	for (size_t i = 0; i < vr->ev.n && !rc; i++) {
		const struct dyad_event *e = &vr->ev.ev[i];
		rc = dyad_buf_printf(&got, "%s/%s/%s\n", e->source[0] ? e->source : "---",
				     e->target[0] ? e->target : "---", e->code);
	}
	if (!rc && (canon(got.data, &a) || canon(rec->expect.data ? rec->expect.data : "", &b)))
		rc = DYAD_ENOMEM;
	if (!rc) {
		int same = !strcmp(a.data, b.data), dated = 1;
		if (same) {
			dyad_buf_truncate(&a, 0);
			dyad_buf_truncate(&b, 0);
			if ((dated = dates_ok(vr, rec, &b, &a)) < 0)
				rc = DYAD_ENOMEM;
		}
		if (!rc && same && dated) {
			vr->r->passed++;
		} else if (!rc) {
			vr->r->failed++;
			if (vr->fn)
				vr->fn(vr->ctx, rec->id, text, b.data, a.data);
		}
	}
	dyad_buf_release(&got);
	dyad_buf_release(&a);
	dyad_buf_release(&b);
	return rc ? dyad_error(err, DYAD_ENOMEM, "out of memory") : DYAD_OK;
}

static void rec_reset(struct vrec *rec)
{
	rec->id[0] = '\0';
	rec->date = 0;
	dyad_buf_truncate(&rec->text, 0);
	dyad_buf_truncate(&rec->expect, 0);
	dyad_buf_truncate(&rec->dates, 0);
	rec->check = rec->skip = 0;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int32_t yymmdd(const char *s)
{
	int v = atoi(s);
	int y = v / 10000;
	y += y < 31 ? 2000 : 1900;
	return dyad_dict_ymd(y, v / 100 % 100, v % 100);
}

/* "{ ARN / GON / 064 }" (after '{'): adds to the record's expectations. */
static int tabari_expect(struct vrun *vr, struct vrec *rec, char *p)
{
	char *close = strchr(p, '}');
	if (!close)
		close = strstr(p, "*/"); /* an OPTION line left open */
	if (!close)
		return 0;
	/* "} 950103": the date the event carries */
	int32_t date = 0;
	if (*close == '}') {
		const char *d = close + 1;
		while (*d == ' ' || *d == '\t')
			d++;
		if (strspn(d, "0123456789") == 6)
			date = yymmdd(d);
	}
	*close = '\0';
	char *body = trim(p);
	if (!strncmp(body, "OPTION", 6)) {
		dyad_coder_tabari_option(&vr->set, body);
		if (strstr(body, "TIME SHIFT"))
			vr->dated = !(vr->set.opts & DYAD_CODER_NO_TIME_SHIFT);
		return 0;
	}
	if (!strcmp(body, "+++"))
		return 0;
	rec->check = 1;
	if (!strcmp(body, "---"))
		return 0;
	char *f[3];
	int k = 0;
	for (char *q = strtok(body, "/"); q && k < 3; q = strtok(NULL, "/"))
		f[k++] = trim(q);
	if (k < 3)
		return 0;
	if (date && vr->dated && dyad_buf_printf(&rec->dates, "%s/%s/%s %d\n", f[0], f[1], f[2], (int)date))
		return -1;
	return dyad_buf_printf(&rec->expect, "%s/%s/%s\n", f[0], f[1], f[2]) ? -1 : 0;
}


static int run_tabari(struct vrun *vr, const char *path, struct dyad_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return dyad_error(err, DYAD_EIO, "cannot open %s", path);
	struct vrec rec = {.text = DYAD_BUF_INIT, .expect = DYAD_BUF_INIT, .dates = DYAD_BUF_INIT};
	char line[4096];
	int state = 0; /* 0 between records, 1 text, 2 comment */
	int rc = DYAD_OK, final = 0;
	while (!rc && !final && fgets(line, sizeof line, f)) {
		char *s = line;
		if (state == 0) {
			if (!isdigit((unsigned char)s[0]) || strspn(s, "0123456789") != 6 ||
			    !isspace((unsigned char)s[6]))
				continue;
			rec_reset(&rec);
			rec.date = yymmdd(s);
			char *id = trim(s + 6);
			size_t l = strcspn(id, " \t");
			snprintf(rec.id, sizeof rec.id, "%.*s", (int)l, id);
			if (!strcmp(rec.id, "FINAL-01"))
				final = 1;
			state = 1;
			continue;
		}
		if (state == 1) {
			char *open = strstr(s, "/*");
			if (open)
				*open = '\0';
			char *t = trim(s);
			if (*t && ((rec.text.len && dyad_buf_addc(&rec.text, ' ')) ||
				   dyad_buf_adds(&rec.text, t)))
				rc = DYAD_ENOMEM;
			if (!open)
				continue;
			state = 2;
			s = open + 2;
		}
		/* comment: "\n{ ... }" lines carry the expectations */
		char *end = strstr(s, "*/");
		for (char *p = s; (p = strstr(p, "\\n")) && (!end || p < end); p += 2) {
			char *q = p + 2;
			while (*q == ' ' || *q == '\t')
				q++;
			if (!strncmp(q, "No events", 9))
				q = strchr(q, '{') ? strchr(q, '{') : q;
			if (*q == '{' && tabari_expect(vr, &rec, q + 1))
				rc = DYAD_ENOMEM;
		}
		if (end) {
			if (!rc && !final)
				rc = check_record(vr, &rec, err);
			state = 0;
		}
	}
	fclose(f);
	dyad_buf_release(&rec.text);
	dyad_buf_release(&rec.expect);
	dyad_buf_release(&rec.dates);
	return rc;
}

static char *xattr(xmlTextReaderPtr x, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(x, (const xmlChar *)name);
}

/* PETRARCH XML: <Environment> names the dictionaries, then <Sentence>s. */
static int run_petrarch(struct vrun *vr, const char *path, const char *dict, struct dyad_err *err)
{
	xmlTextReaderPtr x = xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	if (!x)
		return dyad_error(err, DYAD_EIO, "cannot read %s", path);
	struct vrec rec = {.text = DYAD_BUF_INIT, .expect = DYAD_BUF_INIT, .dates = DYAD_BUF_INIT};
	int rc = DYAD_OK, in = 0, r;
	while (!rc && (r = xmlTextReaderRead(x)) == 1) {
		const char *name = (const char *)xmlTextReaderConstName(x);
		int type = xmlTextReaderNodeType(x);
		if (type == XML_READER_TYPE_ELEMENT && !vr->c && !dict &&
		    (!strcmp(name, "Verbfile") || !strcmp(name, "Actorfile") ||
		     !strcmp(name, "Agentfile") || !strcmp(name, "Discardfile"))) {
			char *v = (char *)xmlTextReaderReadString(x);
			char *p = v ? dyad_dict_relpath(path, trim(v), strlen(trim(v))) : NULL;
			if (p && dyad_dict_load(&vr->d, p, err) != DYAD_OK)
				rc = err->rc ? err->rc : DYAD_EIO;
			free(p);
			xmlFree(v);
		} else if (type == XML_READER_TYPE_ELEMENT && !strcmp(name, "Config")) {
			char *o = xattr(x, "option"), *v = xattr(x, "value");
			if (o && v)
				dyad_coder_petr_option(&vr->set, o, v);
			xmlFree(o);
			xmlFree(v);
		} else if (type == XML_READER_TYPE_ELEMENT && !strcmp(name, "Sentence")) {
			if (!vr->c && (rc = dyad_coder_new(&vr->d, &vr->c, err)))
				break;
			rec_reset(&rec);
			char *id = xattr(x, "id"), *date = xattr(x, "date"), *valid = xattr(x, "valid");
			snprintf(rec.id, sizeof rec.id, "%s", id ? id : "?");
			rec.date = date ? atoi(date) : 0;
			rec.skip = valid && strcmp(valid, "true") && strcmp(valid, "True");
			xmlFree(id);
			xmlFree(date);
			xmlFree(valid);
			in = 1;
		} else if (in && type == XML_READER_TYPE_ELEMENT && !strcmp(name, "Skip")) {
			rec.skip = 1;
		} else if (in && type == XML_READER_TYPE_ELEMENT && !strcmp(name, "EventCoding")) {
			char *s = xattr(x, "sourcecode"), *t = xattr(x, "targetcode"),
			     *e = xattr(x, "eventcode"), *none = xattr(x, "noevents");
			rec.check = 1;
			if (s && t && e && dyad_buf_printf(&rec.expect, "%s/%s/%s\n", s, t, e))
				rc = DYAD_ENOMEM;
			xmlFree(s);
			xmlFree(t);
			xmlFree(e);
			xmlFree(none);
		} else if (in && type == XML_READER_TYPE_ELEMENT && !strcmp(name, "Text")) {
			char *v = (char *)xmlTextReaderReadString(x);
			if (v) {
				for (char *p = v; *p; p++)
					if (*p == '\n' || *p == '\r' || *p == '\t')
						*p = ' ';
				if (dyad_buf_adds(&rec.text, trim(v)))
					rc = DYAD_ENOMEM;
			}
			xmlFree(v);
		} else if (in && type == XML_READER_TYPE_END_ELEMENT && !strcmp(name, "Sentence")) {
			rc = check_record(vr, &rec, err);
			in = 0;
		}
	}
	if (!rc && r < 0)
		rc = dyad_error(err, DYAD_EPARSE, "%s: malformed XML", path);
	xmlFreeTextReader(x);
	dyad_buf_release(&rec.text);
	dyad_buf_release(&rec.expect);
	dyad_buf_release(&rec.dates);
	return rc;
}

/* The project's "<textfile> NAME" line, whatever dictionaries are used. */
static int project_textfile(const char *project, char *out, size_t cap)
{
	FILE *f = fopen(project, "rb");
	char line[2048];
	int rc = -1;
	while (f && rc && fgets(line, sizeof line, f)) {
		char *s = trim(line);
		if (strncmp(s, "<textfile>", 10))
			continue;
		s = trim(s + 10);
		if (*s && strlen(s) < cap) {
			memcpy(out, s, strlen(s) + 1);
			rc = 0;
		}
	}
	if (f)
		fclose(f);
	return rc;
}

int dyad_validate_run(const char *file, const char *dict, dyad_validate_fail_fn *fn, void *ctx,
		      struct dyad_validate_result *r, struct dyad_err *err)
{
	memset(r, 0, sizeof *r);
	struct vrun vr = {.fn = fn, .ctx = ctx, .r = r};
	dyad_coder_settings_init(&vr.set, 8); /* TABARI's MINIMUM WORDS */
	dyad_dict_init(&vr.d);
	size_t n = strlen(file);
	int xml = n > 4 && !strcmp(file + n - 4, ".xml");
	int rc = DYAD_OK;
	if (dict)
		rc = dyad_dict_load(&vr.d, dict, err);
	else if (!xml)
		rc = dyad_dict_load_file(&vr.d, file, DYAD_DF_TABARI_PROJECT, err);
	if (!rc)
		dyad_coder_dict_settings(&vr.d, &vr.set); /* the .options file's, or the config's */
	if (!rc && !xml)
		rc = dyad_coder_new(&vr.d, &vr.c, err);
	if (!rc && xml) {
		rc = run_petrarch(&vr, file, dict, err);
	} else if (!rc) {
		char tf[1024];
		if (project_textfile(file, tf, sizeof tf)) {
			rc = dyad_error(err, DYAD_EINVAL, "%s names no <textfile>", file);
		} else {
			char *p = dyad_dict_relpath(file, tf, strlen(tf));
			rc = p ? run_tabari(&vr, p, err) : dyad_error(err, DYAD_ENOMEM, "out of memory");
			free(p);
		}
	}
	dyad_coder_free(vr.c);
	dyad_events_release(&vr.ev);
	dyad_dict_release(&vr.d);
	return rc;
}
