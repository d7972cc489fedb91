/* Tests for src/dict.c, src/dict_tabari.c and src/dict_petrarch.c: every
 * construct and quirk on the fixtures of tests/data/dict (written for dyad),
 * and the real dictionaries of ../shared/data when present. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dict.h"
#include "test_helpers.h"

#define FIX "tests/data/dict/"

/* Split s (modified) at spaces into tokens. */
static size_t split(char *s, const char **tok)
{
	size_t n = 0;
	for (char *p = strtok(s, " "); p; p = strtok(NULL, " "))
		tok[n++] = p;
	return n;
}

/* Code of the longest actor at the start of sentence (upper case) on date, or "" (no
 * match) or "(none)" (matched, no code). */
static const char *actor(const struct dyad_dict *d, const char *sentence, int32_t date, size_t *len)
{
	static char buf[64];
	char s[256];
	const char *tok[32];
	snprintf(s, sizeof s, "%s", sentence);
	size_t n = split(s, tok);
	struct dyad_dict_match m;
	if (!dyad_dict_actor_match(d, tok, n, 0, date, &m))
		return "";
	if (len)
		*len = m.len;
	snprintf(buf, sizeof buf, "%s", m.code ? m.code : "(none)");
	return buf;
}

/* Diagnostics of d mentioning file name and line, with severity sev. */
static int has_diag(const struct dyad_dict *d, const char *file, uint32_t line, int sev,
		    const char *text)
{
	const struct dyad_dict_diag *g = d->diags.a;
	for (size_t i = 0; i < d->diags.n; i++)
		if (strstr(g[i].file, file) && g[i].line == line && g[i].sev == sev &&
		    (!text || strstr(g[i].msg, text)))
			return 1;
	return 0;
}

static const struct dyad_dict_block *block(const struct dyad_dict *d, const char *name)
{
	const struct dyad_dict_block *b = d->blocks.a;
	for (size_t i = 0; i < d->blocks.n; i++)
		if (!strcmp(b[i].name, name))
			return &b[i];
	return NULL;
}

static const struct dyad_dict_pattern *pattern(const struct dyad_dict *d,
					       const struct dyad_dict_block *b, size_t i)
{
	assert_true(i < b->npat);
	return (const struct dyad_dict_pattern *)d->patterns.a + b->pat0 + i;
}

/* The verb of the one-word sentence w, or NULL. */
static const struct dyad_dict_verb *verb(const struct dyad_dict *d, const char *sentence,
					 size_t pos, struct dyad_dict_match *m)
{
	char s[256];
	const char *tok[32];
	snprintf(s, sizeof s, "%s", sentence);
	size_t n = split(s, tok);
	const struct dyad_dict_verb *v = NULL;
	struct dyad_dict_match mm;
	if (!dyad_dict_verb_match(d, tok, n, pos, m ? m : &mm, &v))
		return NULL;
	return v;
}

static const char *verb_block(const struct dyad_dict *d, const char *sentence, size_t pos)
{
	const struct dyad_dict_verb *v = verb(d, sentence, pos, NULL);
	return v ? ((const struct dyad_dict_block *)d->blocks.a)[v->block].name : "";
}

static int load(struct dyad_dict *d, const char *path)
{
	struct dyad_err err;
	dyad_dict_init(d);
	int rc = dyad_dict_load(d, path, &err);
	if (rc != DYAD_OK)
		fprintf(stderr, "%s\n", dyad_errmsg(&err));
	return rc;
}

/* ---- TABARI --------------------------------------------------------------- */

static void test_tabari_project(void **state)
{
	(void)state;
	struct dyad_dict d;
	assert_int_equal(load(&d, FIX "tabari/test.project"), DYAD_OK);
	/* every file named was read, the missing one reported */
	assert_true(has_diag(&d, "missing.actors", 0, DYAD_DIAG_ERROR, "cannot open"));
	assert_true(d.actors.n > 0 && d.blocks.n > 0 && d.agents.n > 0);
	/* options: commands kept, unknown ones flagged, "~~~~~" ends the file */
	const struct dyad_dict_option *o = d.options.a;
	int complex = 0, label = 0, after = 0, coder = 0;
	for (size_t i = 0; i < d.options.n; i++) {
		complex += !strcmp(o[i].key, "COMPLEX") && !strcmp(o[i].value, "VERBS[5] CONJ[4]");
		label += !strcmp(o[i].key, "LABEL") && !strcmp(o[i].value, "010=YIELD");
		after += strstr(o[i].value, "AFTER THE END") != NULL;
		coder += !strcmp(o[i].key, "<coder>") && !strcmp(o[i].value, "DYAD");
	}
	assert_int_equal(complex, 1);
	assert_int_equal(label, 1);
	assert_int_equal(after, 0);
	assert_int_equal(coder, 1);
	assert_true(has_diag(&d, "test.options", 5, DYAD_DIAG_WARN, "FROBNICATE"));
	assert_true(has_diag(&d, "test.options", 6, DYAD_DIAG_ERROR, NULL));
	dyad_dict_release(&d);
}

static void test_tabari_verbs(void **state)
{
	(void)state;
	struct dyad_dict d;
	assert_int_equal(load(&d, FIX "tabari/test.verbs"), DYAD_OK);
	const struct dyad_dict_block *b = block(&d, "ABANDON");
	assert_non_null(b);
	assert_string_equal(b->code, "---");
	assert_int_equal(b->npat, 5);  /* 4 bad patterns skipped */
	/* "- * TALKS_ [161]": verb joined to nothing, TALKS exact */
	const struct dyad_dict_pattern *p = pattern(&d, b, 0);
	assert_int_equal(p->ph.n, 2);
	assert_int_equal(p->ph.tok[0].kind, DYAD_TK_VERB);
	assert_string_equal(p->ph.tok[1].str, "TALKS");
	assert_int_equal(p->ph.tok[1].flags & DYAD_TF_STEM, 0);
	assert_string_equal(p->code, "161");
	assert_null(p->code2);
	/* paired code, target marker, stem words */
	p = pattern(&d, b, 1);
	assert_string_equal(p->code, "100");
	assert_string_equal(p->code2, "101");
	assert_int_equal(p->ph.tok[1].kind, DYAD_TK_TARGET);
	assert_true(p->ph.tok[0].flags & DYAD_TF_STEM);
	/* alternatives and source; "BY_ $": exact, not joined */
	p = pattern(&d, b, 2);
	int kinds[] = { DYAD_TK_TARGET, DYAD_TK_ALT_OPEN, DYAD_TK_WORD, DYAD_TK_ALT_SEP, DYAD_TK_WORD,
			DYAD_TK_ALT_CLOSE, DYAD_TK_VERB, DYAD_TK_WORD, DYAD_TK_SOURCE };
	assert_int_equal(p->ph.n, DYAD_ARRAY_LEN(kinds));
	for (size_t i = 0; i < DYAD_ARRAY_LEN(kinds); i++)
		assert_int_equal(p->ph.tok[i].kind, kinds[i]);
	assert_int_equal(p->ph.tok[7].flags, 0);
	assert_int_equal(pattern(&d, b, 3)->ph.tok[0].kind, DYAD_TK_COMPOUND);
	/* "^ IN_* &TIES": skip, IN joined to the verb, synset resolved */
	p = pattern(&d, b, 4);
	assert_int_equal(p->ph.tok[0].kind, DYAD_TK_SKIP);
	assert_int_equal(p->ph.tok[1].flags, DYAD_TF_JOINED);
	assert_int_equal(p->ph.tok[3].kind, DYAD_TK_SYNSET);
	assert_true(p->ph.tok[3].syn >= 0);
	const struct dyad_dict_synset *ys = (const struct dyad_dict_synset *)d.synsets.a + p->ph.tok[3].syn;
	assert_string_equal(ys->name, "TIES");
	assert_int_equal(ys->nph, 2);
	/* the bad patterns are reported with their line and reason */
	assert_true(has_diag(&d, "test.verbs", 19, DYAD_DIAG_ERROR, "'{' without '}'"));
	assert_true(has_diag(&d, "test.verbs", 20, DYAD_DIAG_ERROR, "no '*'"));
	assert_true(has_diag(&d, "test.verbs", 21, DYAD_DIAG_ERROR, "more than one"));
	assert_true(has_diag(&d, "test.verbs", 22, DYAD_DIAG_ERROR, "without [code]"));
	/* TABARI stems: ABANDON matches ABANDONED; ACT_ is exact, its forms listed */
	assert_string_equal(verb_block(&d, "ABANDONED", 0), "ABANDON");
	assert_string_equal(verb_block(&d, "ACT", 0), "ACT_");
	assert_string_equal(verb_block(&d, "ACTED", 0), "ACT_");
	assert_string_equal(verb_block(&d, "ACTIVATE", 0), "");
	/* multi-word root, "=" marker dropped, code default */
	assert_string_equal(verb_block(&d, "APPRECIATE THE POSITION", 0), "");
	assert_string_equal(verb_block(&d, "APPRECIATE POSITION", 0), "APPRECIATE POSITION");
	/* "BAN=": the word itself, neither a stem nor a root for endings
	 * (TABARI's suite: "baning", "baned" are no BAN) */
	assert_string_equal(verb_block(&d, "BAN", 0), "BAN");
	assert_string_equal(verb_block(&d, "BANNED", 0), "");
	assert_string_equal(block(&d, "PROMISE")->code, "---");
	assert_true(has_diag(&d, "test.verbs", 27, DYAD_DIAG_WARN, "without [code]"));
	/* MONEY synset phrase "GOLD_COINS_" is two joined exact words */
	int32_t s = dyad_dict_synset(&d, "MONEY", 5, 0);
	assert_true(s >= 0);
	const struct dyad_dict_phrase *ph = (const struct dyad_dict_phrase *)d.synphr.a +
					    ((const struct dyad_dict_synset *)d.synsets.a)[s].ph0 + 1;
	assert_int_equal(ph->n, 2);
	assert_int_equal(ph->tok[0].flags, DYAD_TF_JOINED);
	/* <TIME> phrases with their offsets, time pattern in a "<TIME>" block */
	assert_int_equal(dyad_dict_count(&d, DYAD_DK_TIME), 1);
	assert_string_equal(((const char **)d.times.a)[0], "+7");
	assert_int_equal(block(&d, "<TIME>")->npat, 1);
	/* "#" comment line and everything after "~~FINISH" ignored */
	assert_null(block(&d, "IGNORED"));
	assert_null(block(&d, "#COMMENTED"));
	dyad_dict_release(&d);
}

static void test_tabari_actors_dates(void **state)
{
	(void)state;
	struct dyad_dict d;
	assert_int_equal(load(&d, FIX "tabari/test.actors"), DYAD_OK);
	/* "FREEDONIA_" exact; "SYLVANIA" a stem */
	assert_string_equal(actor(&d, "FREEDONIA SAID", 0, NULL), "FRD");
	assert_string_equal(actor(&d, "FREEDONIAN TROOPS", 0, NULL), "");
	assert_string_equal(actor(&d, "SYLVANIAN TROOPS", 0, NULL), "SYL");
	/* date-restricted codes with a default */
	assert_string_equal(actor(&d, "RUFUS FIREFLY", 19330615, NULL), "FRDGOV");
	assert_string_equal(actor(&d, "RUFUS FIREFLY", 19340101, NULL), "FRD");
	assert_string_equal(actor(&d, "RUFUS FIREFLY", 0, NULL), "FRD");
	/* '<' before, a - b both ends, '>' from the day on; no default */
	assert_string_equal(actor(&d, "TRENTINO", 19950531, NULL), "SYLGOV");
	assert_string_equal(actor(&d, "TRENTINO", 19950601, NULL), "SYLREB");
	assert_string_equal(actor(&d, "TRENTINO", 19990815, NULL), "SYLREB");
	assert_string_equal(actor(&d, "AMBASSADOR TRENTINO", 19990816, NULL), "SYLELI");
	assert_string_equal(actor(&d, "TRENTINO", 0, NULL), "(none)");
	/* longest match: two words beat one */
	size_t len = 0;
	assert_string_equal(actor(&d, "AMBASSADOR TRENTINO", 20000101, &len), "SYLELI");
	assert_int_equal(len, 2);
	/* bad code blocks are skipped with the reason, the good ones kept */
	assert_true(has_diag(&d, "test.actors", 17, DYAD_DIAG_ERROR, "without a code"));
	assert_true(has_diag(&d, "test.actors", 18, DYAD_DIAG_ERROR, "no such day"));
	assert_true(has_diag(&d, "test.actors", 19, DYAD_DIAG_ERROR, "joined"));
	assert_string_equal(actor(&d, "NOCODEBLOCK", 20000101, NULL), "SYL");
	assert_string_equal(actor(&d, "GLUED", 20000101, NULL), "GLU");
	assert_string_equal(actor(&d, "COMMENTED", 0, NULL), "");
	assert_string_equal(actor(&d, "IGNORED", 0, NULL), "");
	/* <NOUN> and <ADJECTIVE> sections */
	assert_int_equal(dyad_dict_count(&d, DYAD_DK_NOUN), 2);
	assert_int_equal(dyad_dict_count(&d, DYAD_DK_ADJ), 1);
	dyad_dict_release(&d);
}

static void test_tabari_agents(void **state)
{
	(void)state;
	struct dyad_dict d;
	dyad_dict_init(&d);
	struct dyad_err err;
	assert_int_equal(dyad_dict_load_file(&d, FIX "tabari/test.agents", DYAD_DF_TABARI_AGENTS, &err),
			 DYAD_OK);
	const char *tok[] = { "HUMAN", "RIGHTS", "GROUP" };
	struct dyad_dict_match m;
	assert_true(dyad_dict_agent_match(&d, tok, 3, 0, &m));
	assert_string_equal(m.code, "NGO");
	assert_true(((const struct dyad_dict_agent *)d.agents.a)[m.entry->id].before);
	const char *t2[] = { "MINISTER" };
	assert_true(dyad_dict_agent_match(&d, t2, 1, 0, &m));
	assert_string_equal(m.code, "GOV");
	const char *t3[] = { "MINISTERS" };  /* TABARI: no plurals made, MINISTER_ is exact */
	assert_false(dyad_dict_agent_match(&d, t3, 1, 0, &m));
	assert_true(has_diag(&d, "test.agents", 3, DYAD_DIAG_WARN, "without '~'"));
	assert_true(has_diag(&d, "test.agents", 4, DYAD_DIAG_ERROR, "mismatched"));
	dyad_dict_release(&d);
}

/* ---- PETRARCH -------------------------------------------------------------- */

static void test_petrarch_verbs(void **state)
{
	(void)state;
	struct dyad_dict d;
	assert_int_equal(load(&d, FIX "petrarch/PETR_config.ini"), DYAD_OK);
	/* regular forms, with the e-dropping, y and doubling rules */
	static const char *const grant[] = { "GRANT", "GRANTS", "GRANTED", "GRANTING", "GAVE",
					     "GIVEN", "GIVING", "GIVES", "STOPS", "STOPPED", "STOPPING",
					     "HURRIES", "HURRIED", "HURRYING", "LASH", "LASHES" };
	for (size_t i = 0; i < DYAD_ARRAY_LEN(grant); i++)
		assert_string_equal(verb_block(&d, grant[i], 0), "GRANT");
	/* given forms replace the regular ones; whole words, no stems */
	assert_string_equal(verb_block(&d, "GIVED", 0), "");
	assert_string_equal(verb_block(&d, "STOPED", 0), "");
	assert_string_equal(verb_block(&d, "GRANTEDLY", 0), "");
	/* multi-word verbs: '+' marks the verb, forms made on it */
	struct dyad_dict_match m;
	const struct dyad_dict_verb *v = verb(&d, "THEY CALLED OFF TALKS", 1, &m);
	assert_non_null(v);
	assert_string_equal(v->code, "160");
	assert_int_equal(m.start, 1);
	assert_int_equal(m.len, 2);
	assert_null(verb(&d, "THEY CALLED TALKS", 1, NULL));
	v = verb(&d, "POLICE RE ARRESTED HIM", 2, &m);
	assert_non_null(v);
	assert_int_equal(m.start, 1);
	assert_string_equal(v->code, "070");
	assert_non_null(verb(&d, "WIRE TAPPED", 1, NULL));
	assert_null(verb(&d, "WIRE TAPS", 1, NULL));  /* forms given: only those */
	assert_true(has_diag(&d, "verbs.txt", 35, DYAD_DIAG_ERROR, "no '+'"));
	assert_true(has_diag(&d, "verbs.txt", 24, DYAD_DIAG_WARN, "only 'LASH'"));
	/* a verb's own code; the block code otherwise */
	v = verb(&d, "SAID", 0, NULL);
	assert_string_equal(v->code, "010");
	assert_string_equal(verb(&d, "COMPLAINED", 0, NULL)->code, "---");
	/* patterns: synset, prepositional and noun phrases, markers, paired code */
	const struct dyad_dict_block *b = block(&d, "GRANT");
	assert_int_equal(b->npat, 4);
	const struct dyad_dict_pattern *p = pattern(&d, b, 1);
	int kinds[] = { DYAD_TK_VERB, DYAD_TK_PP_OPEN, DYAD_TK_WORD, DYAD_TK_NP_OPEN, DYAD_TK_WORD,
			DYAD_TK_WORD, DYAD_TK_NP_CLOSE, DYAD_TK_PP_CLOSE };
	assert_int_equal(p->ph.n, DYAD_ARRAY_LEN(kinds));
	for (size_t i = 0; i < DYAD_ARRAY_LEN(kinds); i++)
		assert_int_equal(p->ph.tok[i].kind, kinds[i]);
	assert_int_equal(p->ph.tok[2].flags, 0);  /* PETRARCH words are whole words */
	p = pattern(&d, b, 2);
	assert_int_equal(p->ph.tok[0].kind, DYAD_TK_SOURCE);
	assert_int_equal(p->ph.tok[1].kind, DYAD_TK_SYNSET);
	assert_string_equal(p->ph.tok[1].str, "AUX");
	assert_true(p->ph.tok[1].syn >= 0);
	assert_int_equal(p->ph.tok[5].kind, DYAD_TK_TARGET);
	assert_string_equal(p->code2, "073");
	assert_int_equal(pattern(&d, b, 3)->ph.tok[2].syn, -1);
	assert_true(has_diag(&d, "verbs.txt", 28, DYAD_DIAG_WARN, "&NOSUCH"));
	assert_true(has_diag(&d, "verbs.txt", 29, DYAD_DIAG_ERROR, "')' without '('"));
	/* synsets: plurals added unless the set or member ends with '_' */
	const struct dyad_dict_synset *ys = d.synsets.a;
	const struct dyad_dict_phrase *ph = d.synphr.a;
	int dollars = 0, pesos = 0, coin = 0, weres = 0;
	for (size_t i = 0; i < d.synsets.n; i++)
		for (uint32_t k = 0; k < ys[i].nph; k++) {
			const struct dyad_dict_phrase *x = &ph[ys[i].ph0 + k];
			dollars += x->n == 1 && !strcmp(x->tok[0].str, "DOLLARS");
			pesos += x->n == 1 && !strcmp(x->tok[0].str, "PESOS");
			weres += x->n == 1 && !strcmp(x->tok[0].str, "WERES");
			coin += x->n == 2 && !strcmp(x->tok[1].str, "COIN");
		}
	assert_int_equal(dollars, 1);
	assert_int_equal(pesos, 0);
	assert_int_equal(weres, 0);
	assert_int_equal(coin, 1);
	/* the two-line <!-- --> comment and "####### ..." lines left no trace */
	for (uint32_t line = 1; line <= 15; line++)
		assert_false(has_diag(&d, "verbs.txt", line, DYAD_DIAG_ERROR, NULL));
	/* direct lookup by key word, longest first */
	const struct dyad_dict_entry *e;
	size_t ne = dyad_dict_lookup(&d, DYAD_DK_VERB, "CALLED", 6, &e);
	assert_int_equal(ne, 1);
	assert_int_equal(e[0].n, 2);
	assert_int_equal(dyad_dict_lookup(&d, DYAD_DK_VERB, "CALLE", 5, &e), 0);
	/* verb transformations kept raw */
	assert_int_equal(d.transforms.n, 1);
	/* options of other sections kept */
	const struct dyad_dict_option *o = d.options.a;
	int cbs = 0;
	for (size_t i = 0; i < d.options.n; i++)
		cbs += !strcmp(o[i].key, "Options.code_by_sentence") && !strcmp(o[i].value, "True");
	assert_int_equal(cbs, 1);
	dyad_dict_release(&d);
}

static void test_petrarch_actors_quirks(void **state)
{
	(void)state;
	struct dyad_dict d;
	assert_int_equal(load(&d, FIX "petrarch/PETR_config.ini"), DYAD_OK);
	/* both files of the continued actorfile_list were read */
	assert_string_equal(actor(&d, "FREEDONIAN", 0, NULL), "FRD");
	assert_string_equal(actor(&d, "SYLVANIA", 0, NULL), "SYL");
	assert_string_equal(actor(&d, "SYLVANIAN", 0, NULL), "");  /* PETRARCH: no stems */
	/* mixed 8- and 6-digit dates */
	assert_string_equal(actor(&d, "RUFUS T. FIREFLY", 19331231, NULL), "FRDGOV");
	assert_string_equal(actor(&d, "RUFUS T. FIREFLY", 19340101, NULL), "FRDELI");
	/* names in a row without codes share the codes that follow */
	assert_string_equal(actor(&d, "CHICOLINI", 20010101, NULL), "SYLSPY");
	assert_string_equal(actor(&d, "PINKY", 19990101, NULL), "(none)");
	assert_true(has_diag(&d, "actors.txt", 8, DYAD_DIAG_WARN, "synonym"));
	/* mismatched brackets: line skipped */
	assert_string_equal(actor(&d, "BROKEN", 0, NULL), "");
	assert_true(has_diag(&d, "actors.txt", 10, DYAD_DIAG_ERROR, "mismatched"));
	/* malformed dates: those blocks skipped, the rest kept */
	assert_true(has_diag(&d, "actors.txt", 11, DYAD_DIAG_ERROR, "6 (YYMMDD) or 8"));
	assert_true(has_diag(&d, "actors.txt", 11, DYAD_DIAG_ERROR, "without '<'"));
	assert_true(has_diag(&d, "actors.txt", 11, DYAD_DIAG_ERROR, "ends before"));
	assert_string_equal(actor(&d, "MIXED", 19330601, NULL), "FRDGOV");
	assert_string_equal(actor(&d, "MIXED", 19900101, NULL), "MIX");
	/* lower-case code folded */
	assert_string_equal(actor(&d, "LOWER", 0, NULL), "ABC");
	/* YYMMDD century: 00-30 is 20YY, 31-99 is 19YY */
	assert_string_equal(actor(&d, "CENTURY", 19310101, NULL), "OLD");
	assert_string_equal(actor(&d, "CENTURY", 20301231, NULL), "OLD");
	assert_string_equal(actor(&d, "CENTURY", 19301231, NULL), "(none)");
	/* CRLF, Latin-1 and Ctrl-Z: fixed, reported, kept */
	assert_true(has_diag(&d, "actors2.txt", 2, DYAD_DIAG_WARN, "Latin-1"));
	assert_string_equal(actor(&d, "MARQU\xc3\x89S", 0, NULL), "SYL");
	assert_true(has_diag(&d, "actors2.txt", 3, DYAD_DIAG_WARN, "Ctrl-Z"));
	assert_false(has_diag(&d, "actors2.txt", 4, DYAD_DIAG_WARN, "Ctrl-Z"));
	assert_string_equal(actor(&d, "ZONK", 0, NULL), "ZNK");
	dyad_dict_release(&d);
}

static void test_petrarch_agents(void **state)
{
	(void)state;
	struct dyad_dict d;
	assert_int_equal(load(&d, FIX "petrarch/PETR_config.ini"), DYAD_OK);
	static const struct {
		const char *s, *code;
	} cases[] = {
		{ "CONGRESSMAN", "LEG" }, { "CONGRESSWOMAN", "LEG" }, { "CONGRESSMANS", NULL },
		{ "MINISTER", "GOV" },    { "MINISTERS", "GOV" },      { "POLICE", "COP" },
		{ "POLICES", NULL },      { "ATTORNEYS GENERAL", "JUD" }, { "ATTORNEY GENERALS", NULL },
		{ "PARTIES", "PTY" },     { "HUMAN RIGHTS GROUPS", "NGO" }, { "BAD ONE", NULL },
	};
	for (size_t i = 0; i < DYAD_ARRAY_LEN(cases); i++) {
		char s[64];
		const char *tok[8];
		snprintf(s, sizeof s, "%s", cases[i].s);
		size_t n = split(s, tok);
		struct dyad_dict_match m;
		int ok = dyad_dict_agent_match(&d, tok, n, 0, &m) && m.len == n;
		if (!cases[i].code) {
			assert_false(ok);
			continue;
		}
		assert_true(ok);
		assert_string_equal(m.code, cases[i].code);
	}
	assert_true(has_diag(&d, "agents.txt", 9, DYAD_DIAG_ERROR, "mismatched"));
	assert_true(has_diag(&d, "agents.txt", 10, DYAD_DIAG_ERROR, "no [code]"));
	assert_true(has_diag(&d, "agents.txt", 11, DYAD_DIAG_ERROR, "substitution"));
	dyad_dict_release(&d);
}

static void test_petrarch_discards_issues(void **state)
{
	(void)state;
	struct dyad_dict d;
	assert_int_equal(load(&d, FIX "petrarch/PETR_config.ini"), DYAD_OK);
	struct dyad_dict_match m;
	const char *t1[] = { "WORLD", "CUPS" };  /* last word a stem */
	assert_true(dyad_dict_match(&d, DYAD_DK_DISCARD, t1, 2, 0, &m));
	assert_int_equal(m.entry->id, 1);         /* '+': the whole story */
	const char *t2[] = { "BASEBALLS" };
	assert_true(dyad_dict_match(&d, DYAD_DK_DISCARD, t2, 1, 0, &m));
	assert_int_equal(m.entry->id, 0);
	const char *t3[] = { "TENNIS", "MATCHES" };  /* ends with '_': exact */
	assert_false(dyad_dict_match(&d, DYAD_DK_DISCARD, t3, 2, 0, &m));
	/* issues: n: plural, + as space and hyphen, v: forms, exclusions */
	static const struct {
		const char *s, *code;
	} cases[] = {
		{ "SCHOOL", "SCHOOLS" },   { "SCHOOLS", "SCHOOLS" },     { "PRE SCHOOLS", "PRESCHOOL" },
		{ "PRE-SCHOOL", "PRESCHOOL" }, { "TAUGHT", NULL },        { "TEACHING", "TEACHING" },
		{ "TEACHES", "TEACHING" }, { "A HEAD START", "~" },       { "OLD SCHOOL", "~~" },
	};
	for (size_t i = 0; i < DYAD_ARRAY_LEN(cases); i++) {
		char s[64];
		const char *tok[8];
		snprintf(s, sizeof s, "%s", cases[i].s);
		size_t n = split(s, tok);
		int ok = dyad_dict_match(&d, DYAD_DK_ISSUE, tok, n, 0, &m) && m.len == n;
		if (!cases[i].code) {
			assert_false(ok);
			continue;
		}
		assert_true(ok);
		const struct dyad_dict_issue *is = (const struct dyad_dict_issue *)d.issues.a + m.entry->id;
		assert_string_equal(is->code, cases[i].code);
		assert_string_equal(is->category, "EDUCATION");
	}
	assert_true(has_diag(&d, "issues.txt", 7, DYAD_DIAG_ERROR, "without [code]"));
	dyad_dict_release(&d);
}

/* ---- API edges -------------------------------------------------------------- */

static void test_errors_and_detection(void **state)
{
	(void)state;
	struct dyad_dict d;
	struct dyad_err err;
	dyad_dict_init(&d);
	assert_int_equal(dyad_dict_load(&d, FIX "tabari", &err), DYAD_EINVAL);
	assert_non_null(strstr(dyad_errmsg(&err), "not a TABARI project or PETRARCH config"));
	assert_int_equal(dyad_dict_load(&d, FIX "no/such/file.verbs", &err), DYAD_EIO);
	/* detection from the content when the name says nothing */
	static const char verbs[] = "--- GRANT [070] ---\nGRANT\n- * AID [071]\n";
	char *p = tmp_file(".dat", verbs, sizeof verbs - 1, 0);
	assert_int_equal(dyad_dict_load(&d, p, &err), DYAD_OK);
	assert_string_equal(verb_block(&d, "GRANTED", 0), "GRANT");
	tmp_remove(p);
	static const char junk[] = "nothing to see here\n";
	p = tmp_file(".dat", junk, sizeof junk - 1, 0);
	assert_int_equal(dyad_dict_load(&d, p, &err), DYAD_EINVAL);
	tmp_remove(p);
	/* an empty file is fine; a file of only bad lines too */
	p = tmp_file(".verbs", "", 0, 0);
	assert_int_equal(dyad_dict_load(&d, p, &err), DYAD_OK);
	tmp_remove(p);
	static const char bad[] = "- * [\n[XYZ]\n+\n{ }\n]]]]\n- } * { [1]\n";
	p = tmp_file(".verbs", bad, sizeof bad - 1, 0);
	assert_int_equal(dyad_dict_load(&d, p, &err), DYAD_OK);
	tmp_remove(p);
	dyad_dict_release(&d);
	/* release leaves an initialised dictionary; a second release is harmless */
	dyad_dict_release(&d);
	assert_int_equal(d.diags.n, 0);
}

static void test_fold(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(dyad_dict_fold("Marqués d'État", 16, out, sizeof out), 16);
	assert_string_equal(out, "MARQUÉS D'ÉTAT");
	/* never writes past cap */
	assert_int_equal(dyad_dict_fold("abcdef", 6, out, 4), 3);
	assert_string_equal(out, "ABC");
}

/* ---- The real dictionaries (skipped when absent) ------------------------------- */

static void test_shared_data(void **state)
{
	(void)state;
	const char *root = getenv("DYAD_SHARED_DATA");
	char path[4096];
	snprintf(path, sizeof path, "%s/eventcoding/petrarch2/PETR_config.ini",
		 root ? root : "../shared/data");
	if (access(path, R_OK) != 0) {
		print_message("skip: %s absent\n", path);
		skip();
	}
	struct dyad_dict d;
	assert_int_equal(load(&d, path), DYAD_OK);
	assert_int_equal(d.blocks.n, 397);
	assert_true(d.patterns.n > 4600 && d.patterns.n <= 4668);
	assert_true(d.actors.n > 20000);
	assert_true(dyad_dict_count(&d, DYAD_DK_ACTOR) > 30000);
	assert_true(d.agents.n > 2000);
	assert_true(dyad_dict_count(&d, DYAD_DK_DISCARD) > 400);
	assert_true(dyad_dict_count(&d, DYAD_DK_ISSUE) > 1000);
	assert_true(d.diags.n > 10 && d.diags.n < 500);
	/* a few lookups a coder relies on */
	assert_string_equal(actor(&d, "AFGHANISTAN", 20100101, NULL), "AFG");
	assert_string_equal(verb_block(&d, "HURRIED", 0), "ACCELERATE");
	dyad_dict_release(&d);

	snprintf(path, sizeof path, "%s/eventcoding/tabari/Validate.project",
		 root ? root : "../shared/data");
	assert_int_equal(load(&d, path), DYAD_OK);
	assert_true(d.actors.n > 100 && d.agents.n > 50 && d.patterns.n > 300);
	assert_string_equal(actor(&d, "ALBRIGHT", 20000101, NULL), "USAGOV");
	assert_string_equal(actor(&d, "ALBRIGHT", 20050101, NULL), "---");
	dyad_dict_release(&d);

	snprintf(path, sizeof path, "%s/eventcoding/tabari/CAMEO.091003.master.verbs",
		 root ? root : "../shared/data");
	assert_int_equal(load(&d, path), DYAD_OK);
	assert_true(d.blocks.n > 1000 && d.patterns.n > 15000);
	assert_true(d.diags.n < 100);
	dyad_dict_release(&d);
}

int main(void)
{
	/* the fixtures are found from the repository root */
	struct stat st;
	if (stat(FIX, &st) != 0 && chdir("../..") != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tabari_project),
		cmocka_unit_test(test_tabari_verbs),
		cmocka_unit_test(test_tabari_actors_dates),
		cmocka_unit_test(test_tabari_agents),
		cmocka_unit_test(test_petrarch_verbs),
		cmocka_unit_test(test_petrarch_actors_quirks),
		cmocka_unit_test(test_petrarch_agents),
		cmocka_unit_test(test_petrarch_discards_issues),
		cmocka_unit_test(test_errors_and_detection),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_shared_data),
	};
	return cmocka_run_group_tests_name("dict", tests, NULL, NULL);
}
