/* Tests for src/coder.c, src/coder_match.c and src/coder_validate.c on the
 * invented dictionaries of tests/data/coder, and the TABARI validation suite
 * of ../shared/data when present. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coder.h"
#include "coder_int.h"

#define FIX "tests/data/coder/"

struct fx {
	struct dyad_dict d;
	struct dyad_coder *c;
	struct dyad_events ev;
	char out[512];
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct dyad_err err = {0};
	dyad_dict_init(&f->d);
	assert_int_equal(dyad_dict_load(&f->d, FIX "coder.project", &err), DYAD_OK);
	assert_int_equal(dyad_dict_load(&f->d, FIX "coder.discards.txt", &err), DYAD_OK);
	assert_int_equal(dyad_dict_load(&f->d, FIX "coder.issues.txt", &err), DYAD_OK);
	assert_int_equal(dyad_coder_new(&f->d, &f->c, &err), DYAD_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	dyad_coder_free(f->c);
	dyad_events_release(&f->ev);
	dyad_dict_release(&f->d);
	free(f);
	return 0;
}

/* Code one sentence (in the current article); events as "SRC/TGT/CODE"
 * joined by spaces in order, "!" after a negated one; "" when none. */
static const char *code(struct fx *f, const char *s)
{
	struct dyad_err err = {0};
	size_t n0 = f->ev.n;
	assert_int_equal(dyad_coder_sentence(f->c, s, strlen(s), 0, &f->ev, &err), DYAD_OK);
	f->out[0] = '\0';
	for (size_t i = n0; i < f->ev.n; i++) {
		const struct dyad_event *e = &f->ev.ev[i];
		size_t l = strlen(f->out);
		snprintf(f->out + l, sizeof f->out - l, "%s%s/%s/%s%s", l ? " " : "", e->source,
			 e->target, e->code, e->negated ? "!" : "");
	}
	return f->out;
}

/* Code s as the first sentence of an article dated date. */
static const char *code1(struct fx *f, const char *s, int32_t date)
{
	dyad_coder_article(f->c, date);
	return code(f, s);
}

static void test_simple_and_synonyms(void **state)
{
	struct fx *f = *state;
	assert_string_equal(code1(f, "Zembla condemned Karpatia.", 20200101), "ZEM/KRP/122");
	assert_string_equal(code1(f, "The Zemblan leaders condemned Karpatia.", 0), "ZEM/KRP/122");
	assert_string_equal(code1(f, "Karpatian crowds condemn Zembla.", 0), "KRP/ZEM/122");
	/* a verb root with the regular endings; no actor, no event */
	assert_string_equal(code1(f, "Zembla condemns Karpatia.", 0), "ZEM/KRP/122");
	assert_string_equal(code1(f, "Zembla condemnx Karpatia.", 0), "");
	assert_string_equal(code1(f, "Crowds condemned the weather.", 0), "");
	/* the spans point at the words */
	const char *s = "Zembla condemned Karpatia.";
	code1(f, s, 0);
	const struct dyad_event *e = &f->ev.ev[f->ev.n - 1];
	assert_int_equal(e->src_off, 0);
	assert_int_equal(e->src_len, 6);
	assert_int_equal(e->tgt_off, 17);
	assert_int_equal(e->verb_off, 7);
	assert_int_equal(e->verb_len, 9);
	assert_int_equal(e->date, 0);
}

static void test_patterns(void **state)
{
	struct fx *f = *state;
	assert_string_equal(code1(f, "Zembla restored full diplomatic ties with Karpatia.", 0),
			    "ZEM/KRP/065");
	/* '_' joins: "diplomatic and other ties" breaks DIPLOMATIC_TIES */
	assert_string_equal(code1(f, "Zembla restored full diplomatic and other ties with Karpatia.", 0),
			    "ZEM/KRP/064");
	/* alternatives { TRADE | BORDER } with a gap before TIES */
	assert_string_equal(code1(f, "Zembla restored border ties to Karpatia.", 0), "ZEM/KRP/066");
	assert_string_equal(code1(f, "Zembla restored trade and cultural ties to Karpatia.", 0),
			    "ZEM/KRP/066");
	/* a synset: &MONEY, one word or two */
	assert_string_equal(code1(f, "Zembla donated florins to Karpatia.", 0), "ZEM/KRP/071");
	assert_string_equal(code1(f, "Zembla donated gold crowns to Karpatia.", 0), "ZEM/KRP/071");
	assert_string_equal(code1(f, "Zembla donated sheep to Karpatia.", 0), "ZEM/KRP/070");
	/* '+' in the pattern takes the target */
	assert_string_equal(code1(f, "Zembla warned Osterlich of Karpatia.", 0), "ZEM/KRP/161");
	assert_string_equal(code1(f, "Zembla attacked Karpatia harbour.", 0), "ZEM/KRP/183");
	/* paired code (TRAVEL [032:033]); TRAVELLED is TRAVEL + ED */
	assert_string_equal(code1(f, "Zembla travelled to Karpatia.", 0), "ZEM/KRP/032 KRP/ZEM/033");
}

static void test_compounds(void **state)
{
	struct fx *f = *state;
	assert_string_equal(code1(f, "Zembla and Karpatia condemned Osterlich.", 0),
			    "ZEM/OST/122 KRP/OST/122");
	assert_string_equal(code1(f, "Zembla condemned Karpatia and Osterlich.", 0),
			    "ZEM/KRP/122 ZEM/OST/122");
	assert_string_equal(code1(f, "Zembla, Karpatia and the grumpy Osterlich condemned Freedonia.", 0),
			    "ZEM/FRD/122 KRP/FRD/122 OST/FRD/122");
	/* '%': a compound meets itself, each pair both ways */
	assert_string_equal(code1(f, "Zembla and Karpatia meet.", 0), "ZEM/KRP/043 KRP/ZEM/043");
	/* two clauses, two events; the second takes the first's subject */
	assert_string_equal(code1(f, "Zembla condemned Karpatia and praised Osterlich.", 0),
			    "ZEM/KRP/122 ZEM/OST/051");
}

/* A final reporting clause goes even after a list ("X and Y, and Z and
 * W, the army said"): its actors join neither group. */
static void test_reporting_clause(void **state)
{
	struct fx *f = *state;
	assert_string_equal(code1(f, "Karpatia praised Zembla and Osterlich, and Freedonia and the "
				     "Moon Republic, the Zemblan army said.",
				  0),
			    "KRP/ZEM/051 KRP/OST/051 KRP/FRD/051 KRP/MNR/051");
}

static void test_agents(void **state)
{
	struct fx *f = *state;
	assert_string_equal(code1(f, "Zemblan negotiators condemned Karpatia.", 0), "ZEMGOV/KRP/122");
	assert_string_equal(code1(f, "The Zemblan army chief condemned Karpatia.", 0), "ZEMMIL/KRP/122");
	assert_string_equal(code1(f, "Zembla's prime minister condemned Karpatia.", 0), "ZEMGOV/KRP/122");
	assert_string_equal(code1(f, "The army of Karpatia condemned Zembla.", 0), "KRPMIL/ZEM/122");
	/* an agent whose code goes first */
	assert_string_equal(code1(f, "Zembla human rights group condemned Karpatia.", 0), "NGOZEM/KRP/122");
	/* TABARI agents are listed singular */
	assert_string_equal(code1(f, "The armies of Karpatia condemned Zembla.", 0), "KRPMIL/ZEM/122");
	/* an agent alone: the actor named before it, or "~CODE" when converted */
	dyad_coder_article(f->c, 0);
	code(f, "Zembla condemned Karpatia.");
	assert_string_equal(code(f, "The government praised Osterlich."), "ZEMGOV/OST/051");
	dyad_coder_options(f->c, DYAD_CODER_CONVERT_AGENT);
	assert_string_equal(code1(f, "The army condemned Karpatia.", 0), "~MIL/KRP/122");
	dyad_coder_options(f->c, 0);
	assert_string_equal(code1(f, "The army condemned Karpatia.", 0), "");
}

static void test_pronouns(void **state)
{
	struct fx *f = *state;
	/* "he" in the sentence: its subject */
	assert_string_equal(code1(f, "King Karl said he condemned Zembla.", 0), "KRPGOV/ZEM/122");
	/* across sentences of one article */
	dyad_coder_article(f->c, 0);
	assert_string_equal(code(f, "Zembla warned Karpatia."), "ZEM/KRP/160");
	assert_string_equal(code(f, "It then condemned Osterlich."), "ZEM/OST/122");
	assert_string_equal(code(f, "The country praised Freedonia."), "ZEM/FRD/051");
	/* a new article forgets */
	assert_string_equal(code1(f, "It condemned Osterlich.", 0), "");
}

static void test_passive_negation(void **state)
{
	struct fx *f = *state;
	assert_string_equal(code1(f, "Karpatia was condemned by Zembla.", 0), "ZEM/KRP/122");
	assert_string_equal(code1(f, "Karpatia was fiercely condemned by Zembla.", 0), "ZEM/KRP/122");
	assert_string_equal(code1(f, "Zembla did not condemn Karpatia.", 0), "ZEM/KRP/122!");
	assert_string_equal(code1(f, "Zembla has not yet condemned Karpatia.", 0), "ZEM/KRP/122!");
	assert_string_equal(code1(f, "Zembla won't condemn Karpatia.", 0), "ZEM/KRP/122!");
}

static void test_said(void **state)
{
	struct fx *f = *state;
	/* SAID [023?] is weak: the reported act wins */
	assert_string_equal(code1(f, "Zembla said Karpatia attacked Osterlich.", 0), "KRP/OST/190");
	/* alone, it codes, without its '?' */
	assert_string_equal(code1(f, "Zembla said Karpatia was ready.", 0), "ZEM/KRP/023");
	/* its own pattern */
	assert_string_equal(code1(f, "Zembla said Karpatia was wrong.", 0), "ZEM/KRP/129");
}

static void test_discards_issues(void **state)
{
	struct fx *f = *state;
	/* an actor coded ### and a discard phrase drop the sentence */
	assert_string_equal(code1(f, "Phantom Country condemned Zembla.", 0), "");
	assert_string_equal(code1(f, "Zembla condemned Karpatia after the football match.", 0), "");
	/* '+': the rest of the story too */
	dyad_coder_article(f->c, 0);
	assert_string_equal(code(f, "Zembla condemned Karpatia."), "ZEM/KRP/122");
	assert_string_equal(code(f, "Your horoscope: Zembla condemned Karpatia."), "");
	assert_string_equal(code(f, "Zembla condemned Karpatia."), "");
	assert_string_equal(code1(f, "Zembla condemned Karpatia.", 0), "ZEM/KRP/122");
	/* a name coded --- is no actor */
	assert_string_equal(code1(f, "Nobody in particular condemned Zembla.", 0), "");
	/* issues */
	code1(f, "Zembla condemned Karpatia over the irrigation canal and grain.", 0);
	assert_string_equal(f->ev.ev[f->ev.n - 1].issues, "WATER_RIGHTS,FOOD_SECURITY");
	code1(f, "Zembla condemned Karpatia.", 0);
	assert_string_equal(f->ev.ev[f->ev.n - 1].issues, "");
}

static void test_dates(void **state)
{
	struct fx *f = *state;
	/* date-restricted actor codes */
	assert_string_equal(code1(f, "Queen Mira condemned Karpatia.", 20000505), "ZEMGOV/KRP/122");
	assert_string_equal(code1(f, "Queen Mira condemned Karpatia.", 20100505), "ZEMELI/KRP/122");
	assert_string_equal(code1(f, "Queen Mira condemned Karpatia.", 0), "ZEMELI/KRP/122");
	/* earlier dates in the sentence; 2020-01-01 was a Wednesday */
	code1(f, "Zembla condemned Karpatia yesterday.", 20200101);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20191231);
	code1(f, "Zembla condemned Karpatia on Monday.", 20200101);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20191230);
	code1(f, "Zembla condemned Karpatia in 2008.", 20200101);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20080101);
	code1(f, "Zembla condemned Karpatia on Wednesday.", 20200301);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20200226);
	/* a day of a month: this year's when earlier, else last year's */
	code1(f, "Zembla condemned Karpatia on March 3.", 20200501);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20200303);
	code1(f, "Zembla condemned Karpatia on 3 June.", 20200501);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20190603);
	code1(f, "Zembla condemned Karpatia on Sept. 21, 2011.", 20200501);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20110921);
	code1(f, "Zembla condemned Karpatia in March 2008.", 20200501);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20080301);
	code1(f, "Zembla condemned Karpatia last month.", 20200115);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20191201);
	code1(f, "Zembla condemned Karpatia last year.", 20200115);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20190101);
	/* no day, a later year, an impossible day: the article's date */
	code1(f, "Zembla condemned Karpatia in March.", 20200501);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20200501);
	code1(f, "Zembla condemned Karpatia in 2030.", 20200501);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20200501);
	code1(f, "Zembla condemned Karpatia on February 30.", 20200501);
	assert_int_equal(f->ev.ev[f->ev.n - 1].date, 20200501);
}

static void test_robust(void **state)
{
	struct fx *f = *state;
	assert_string_equal(code1(f, "", 0), "");
	assert_string_equal(code1(f, ", , and and the .", 0), "");
	/* a long sentence of actors and verbs: bounded, no crash */
	char big[20000] = "";
	for (int i = 0; i < 600; i++)
		strcat(big, i % 3 ? (i % 2 ? "Zembla and " : "Karpatia and ") : "condemned ");
	code1(f, big, 0);
	assert_true(f->ev.n > 0);
}

static void test_options(void **state)
{
	struct fx *f = *state;
	/* a clause between commas is dropped (its actor is no target) */
	assert_string_equal(code1(f, "Zembla condemned, in a speech to Osterlich, the leaders of Karpatia.", 0),
			    "ZEM/KRP/122");
	struct dyad_coder_commas off = {0, 0, 0, 0, 0, 0};
	dyad_coder_commas(f->c, &off);
	assert_string_equal(code1(f, "Zembla condemned, in a speech to Osterlich, the leaders of Karpatia.", 0),
			    "ZEM/OST/122");
	/* minimum words */
	dyad_coder_min_words(f->c, 8);
	assert_string_equal(code1(f, "Zembla condemned Karpatia.", 0), "");
	assert_string_equal(code1(f, "Zembla condemned Karpatia on Monday for the border incident.", 0),
			    "ZEM/KRP/122");
	dyad_coder_min_words(f->c, 0);
	/* one event a sentence */
	dyad_coder_options(f->c, DYAD_CODER_BY_SENTENCE);
	assert_string_equal(code1(f, "Zembla condemned Karpatia and praised Osterlich.", 0), "ZEM/KRP/122");
	dyad_coder_options(f->c, 0);
	/* default actors */
	dyad_coder_defaults(f->c, "DEFSRC", 1, "DEFTGT", 1);
	assert_string_equal(code1(f, "Crowds condemned Karpatia.", 0), "DEFSRC/KRP/122");
	assert_string_equal(code1(f, "Zembla condemned the weather.", 0), "ZEM/DEFTGT/122");
	dyad_coder_defaults(f->c, NULL, 0, NULL, 0);
	assert_string_equal(code1(f, "Crowds condemned Karpatia.", 0), "");
	/* PETRARCH require_dyad = false: no target, anonymous agents */
	dyad_coder_options(f->c, DYAD_CODER_NO_DYAD);
	assert_string_equal(code1(f, "Zembla condemned the weather.", 0), "ZEM//122");
	assert_string_equal(code1(f, "The army condemned Karpatia.", 0), "---MIL/KRP/122");
	dyad_coder_options(f->c, 0);
}

/* The dictionary's own options (a TABARI .options file) apply to a new
 * coder; TABARI <TIME> offsets date the event. */
static void test_dict_options(void **state)
{
	(void)state;
	struct fx f;
	memset(&f, 0, sizeof f);
	struct dyad_err err = {0};
	dyad_dict_init(&f.d);
	assert_int_equal(dyad_dict_load(&f.d, FIX "coder.project", &err), DYAD_OK);
	assert_int_equal(dyad_dict_load(&f.d, FIX "coder.options", &err), DYAD_OK);
	assert_int_equal(dyad_dict_load(&f.d, FIX "coder_time.verbs", &err), DYAD_OK);
	assert_int_equal(dyad_coder_new(&f.d, &f.c, &err), DYAD_OK);
	/* MINIMUM WORDS = 5 */
	assert_string_equal(code1(&f, "Zembla condemned Karpatia.", 0), "");
	/* CODE BY SENTENCE */
	assert_string_equal(code1(&f, "Zembla condemned Karpatia and praised Osterlich.", 0),
			    "ZEM/KRP/122");
	/* COMMA: OFF */
	assert_string_equal(code1(&f, "Zembla condemned, in a speech to Osterlich, the leaders of Karpatia.", 0),
			    "ZEM/OST/122");
	/* <TIME>: LAST_WEEK [-7], NEXT_WEEK [+7]; [###] drops the sentence */
	code1(&f, "Zembla condemned Karpatia last week for the border incident.", 20200101);
	assert_int_equal(f.ev.ev[f.ev.n - 1].date, 20191225);
	code1(&f, "Zembla will condemn Karpatia next week for the border incident.", 20200101);
	assert_int_equal(f.ev.ev[f.ev.n - 1].date, 20200108);
	assert_string_equal(code1(&f, "Once upon a time Zembla condemned Karpatia for it.", 0), "");
	dyad_coder_free(f.c);
	dyad_events_release(&f.ev);
	dyad_dict_release(&f.d);
}

/* PETRARCH-2 flavour: SAY is weak and reporting an attack accuses, TreeBank
 * contractions, phrase brackets read as words. */
static void test_petrarch(void **state)
{
	(void)state;
	struct fx f;
	memset(&f, 0, sizeof f);
	struct dyad_err err = {0};
	dyad_dict_init(&f.d);
	assert_int_equal(dyad_dict_load(&f.d, FIX "coder_petr_verbs.txt", &err), DYAD_OK);
	assert_int_equal(dyad_dict_load_file(&f.d, FIX "coder.actors", DYAD_DF_PETR_ACTORS, &err), DYAD_OK);
	assert_int_equal(dyad_coder_new(&f.d, &f.c, &err), DYAD_OK);
	assert_string_equal(code1(&f, "Zembla said Karpatia attacked Osterlich.", 0),
			    "KRP/OST/190 ZEM/KRP/112");
	assert_string_equal(code1(&f, "Zembla said Karpatia was praised by Osterlich.", 0),
			    "OST/KRP/051");
	assert_string_equal(code1(&f, "Zembla said it praised Karpatia.", 0), "ZEM/KRP/051");
	assert_string_equal(code1(&f, "Zembla said Karpatia was wrong.", 0), "ZEM/KRP/010");
	assert_string_equal(code1(&f, "Zembla didn't attack Karpatia.", 0), "ZEM/KRP/191!");
	assert_string_equal(code1(&f, "Zembla attacked the border with Karpatia.", 0), "ZEM/KRP/192");
	dyad_coder_free(f.c);
	dyad_events_release(&f.ev);
	dyad_dict_release(&f.d);
}

/* Load verbs (a dictionary text written here, of the given kind) and the
 * fixture actors (and agents) of that format into f->d, then a coder. */
static void load_verbs_text(struct fx *f, const char *verbs, enum dyad_dict_file kind)
{
	int petr = kind == DYAD_DF_PETR_VERBS;
	char path[] = "/tmp/dyad_test_coder_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	size_t n = strlen(verbs);
	assert_int_equal(write(fd, verbs, n), (ssize_t)n);
	close(fd);
	memset(f, 0, sizeof *f);
	struct dyad_err err = {0};
	dyad_dict_init(&f->d);
	int rc = dyad_dict_load_file(&f->d, path, kind, &err);
	unlink(path);
	assert_int_equal(rc, DYAD_OK);
	assert_int_equal(dyad_dict_load_file(&f->d, FIX "coder.actors",
					     petr ? DYAD_DF_PETR_ACTORS : DYAD_DF_TABARI_ACTORS, &err),
			 DYAD_OK);
	assert_int_equal(dyad_dict_load_file(&f->d, FIX "coder.agents",
					     petr ? DYAD_DF_PETR_AGENTS : DYAD_DF_TABARI_AGENTS, &err),
			 DYAD_OK);
	assert_int_equal(dyad_coder_new(&f->d, &f->c, &err), DYAD_OK);
}

/* PETRARCH style, rules for real text: a verb after a comma ends a list
 * ("Zembla, praised Karpatia" once an aside went), a list item may hold two
 * lower-case words before its name, a modal the dictionary lists as a verb
 * is an auxiliary before a word, an agent after "and" shares the actor of
 * the agent before it, two words joined by "and" may stand between an
 * actor's 's and its agent, a compound after the verb is the subject's
 * target, and an opening "In ...," clause is no subject (as in dyad's style). */
static void test_petrarch_rules(void **state)
{
	(void)state;
	static const char verbs[] = "--- PRAISE [051] ---\nPRAISE\n\n"
				    "--- SHOULD [101] ---\nSHOULD\n\n"
				    "--- AGREE [081] ---\nAGREE\n- * WITH % [031]\n";
	struct fx f;
	load_verbs_text(&f, verbs, DYAD_DF_PETR_VERBS);
	assert_string_equal(code1(&f, "Zembla, praised Karpatia on Monday.", 0), "ZEM/KRP/051");
	assert_string_equal(code1(&f, "Zembla and the small but proud Osterlich praised Karpatia.", 0),
			    "ZEM/KRP/051");
	assert_string_equal(code1(&f, "Zembla and the proud little Osterlich praised Karpatia.", 0),
			    "ZEM/KRP/051 OST/KRP/051");
	assert_string_equal(code1(&f, "Zembla should perhaps praise Karpatia.", 0), "ZEM/KRP/051");
	assert_string_equal(code1(&f, "Zembla should praise Karpatia.", 0), "ZEM/KRP/051");
	assert_string_equal(code1(&f, "Zembla's army and government praised Karpatia.", 0),
			    "ZEMMIL/KRP/051 ZEMGOV/KRP/051");
	/* adjectives joined by "and" between an actor's 's and its agent */
	assert_string_equal(code1(&f, "Zembla's new and untried prime minister praised Karpatia.", 0),
			    "ZEMGOV/KRP/051");
	assert_string_equal(code1(&f, "Zembla's new and old untried prime minister praised Karpatia.",
				  0),
			    "ZEM/KRP/051");
	/* an opening clause up to its comma holds no subject */
	assert_string_equal(code1(&f, "In talks with Osterlich, Zembla praised Karpatia.", 0),
			    "ZEM/KRP/051");
	/* a compound after the verb: the subject acts on each member */
	assert_string_equal(code1(&f, "Zembla agrees with Karpatia and Osterlich on trade.", 0),
			    "ZEM/KRP/031 ZEM/OST/031");
	dyad_coder_free(f.c);
	dyad_events_release(&f.ev);
	dyad_dict_release(&f.d);
}

/* TABARI: a verb phrase written with spaces may have words between its
 * words, as an actor phrase may ("DEATH TOLL RISEN": "death toll has
 * risen"), none where it has '_'. */
static void test_tabari_gapped_verb(void **state)
{
	(void)state;
	static const char verbs[] = "BORDER FIGHTING ERUPTED [190]\n"
				    "TRUCE_COLLAPSED [191]\n";
	struct fx f;
	load_verbs_text(&f, verbs, DYAD_DF_TABARI_VERBS);
	dyad_coder_style(f.c, DYAD_CODER_STYLE_TABARI); /* the file is no .verbs */
	assert_string_equal(code1(&f, "Zembla said border fighting erupted with Karpatia.", 0),
			    "ZEM/KRP/190");
	assert_string_equal(code1(&f, "Zembla said border fighting has again erupted with Karpatia.",
				  0),
			    "ZEM/KRP/190");
	assert_string_equal(code1(&f, "Zembla said its truce collapsed with Karpatia.", 0),
			    "ZEM/KRP/191");
	assert_string_equal(code1(&f, "Zembla said its truce has collapsed with Karpatia.", 0), "");
	dyad_coder_free(f.c);
	dyad_events_release(&f.ev);
	dyad_dict_release(&f.d);
}

static void fail_count(void *ctx, const char *id, const char *text, const char *expected,
		       const char *got)
{
	(void)id;
	(void)text;
	(void)expected;
	(void)got;
	++*(int *)ctx;
}

static void test_validate_fixture(void **state)
{
	(void)state;
	struct dyad_validate_result r;
	struct dyad_err err = {0};
	int fails = 0;
	assert_int_equal(dyad_validate_run(FIX "coder.project", NULL, fail_count, &fails, &r, &err),
			 DYAD_OK);
	assert_int_equal(r.passed, 7);
	assert_int_equal(r.failed, 0);
	assert_int_equal(fails, 0);
	assert_int_equal(dyad_validate_run(FIX "missing.project", NULL, NULL, NULL, &r, &err), DYAD_EIO);
}

/* TABARI's TIME SHIFT: <TIME> phrases shift the date (and only they, with
 * TABARI dictionaries), [###]/[+++] drop the sentence, asides included;
 * SET: TIME SHIFT = FALSE turns all of it off. The suite compares dates. */
static void test_time_shift(void **state)
{
	(void)state;
	struct dyad_validate_result r;
	struct dyad_err err = {0};
	int fails = 0;
	assert_int_equal(dyad_validate_run(FIX "time_shift.project", NULL, fail_count, &fails, &r,
					   &err), DYAD_OK);
	assert_int_equal(r.passed, 7);
	assert_int_equal(r.failed, 0);
	/* the option, read as TABARI writes it, and on the coder */
	struct dyad_coder_settings s;
	dyad_coder_settings_init(&s, 0);
	dyad_coder_tabari_option(&s, "OPTION: SET: TIME SHIFT = FALSE");
	assert_true(s.opts & DYAD_CODER_NO_TIME_SHIFT);
	dyad_coder_tabari_option(&s, "SET: TIME SHIFT = TRUE");
	assert_false(s.opts & DYAD_CODER_NO_TIME_SHIFT);
	struct fx f;
	memset(&f, 0, sizeof f);
	dyad_dict_init(&f.d);
	assert_int_equal(dyad_dict_load(&f.d, FIX "time_shift.project", &err), DYAD_OK);
	assert_int_equal(dyad_coder_new(&f.d, &f.c, &err), DYAD_OK);
	const char *s1 = "Zembla condemned Karpatia last week for the border incident.";
	code1(&f, s1, 20200101);
	assert_int_equal(f.ev.ev[f.ev.n - 1].date, 20191225);
	dyad_coder_options(f.c, DYAD_CODER_NO_TIME_SHIFT);
	code1(&f, s1, 20200101);
	assert_int_equal(f.ev.ev[f.ev.n - 1].date, 20200101);
	assert_string_equal(code1(&f, "Once upon a time Zembla condemned Karpatia for it.", 20200101),
			    "ZEM/KRP/122");
	dyad_coder_free(f.c);
	dyad_events_release(&f.ev);
	dyad_dict_release(&f.d);
}

#define DYAD_TEST_TABARI_FLOOR 0.905   /* measured 0.916 */
#define DYAD_TEST_PETRARCH_FLOOR 0.83  /* measured 0.842 (PETRARCH-1), 0.852 (-2) */

static const char *shared(void)
{
	const char *e = getenv("DYAD_SHARED_DATA");
	return e && *e ? e : "../shared/data";
}

/* The pass rate of the suite rel under ../shared/data, at least floor (a
 * little below the score measured when this was written: docs/coding.md). */
static void validate_floor(const char *rel, size_t min_records, double floor)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", shared(), rel);
	if (access(path, R_OK)) {
		printf("skip: %s absent\n", path);
		return;
	}
	struct dyad_validate_result r;
	struct dyad_err err = {0};
	assert_int_equal(dyad_validate_run(path, NULL, NULL, NULL, &r, &err), DYAD_OK);
	double rate = (double)r.passed / (double)(r.passed + r.failed);
	printf("%s: %zu passed, %zu failed (%.1f%%)\n", rel, r.passed, r.failed, 100 * rate);
	assert_true(r.passed + r.failed > min_records);
	assert_true(rate >= floor);
}

static void test_validate_petrarch(void **state)
{
	(void)state;
	validate_floor("eventcoding/petrarch1/PETR.UnitTest.records.xml", 250,
		       DYAD_TEST_PETRARCH_FLOOR);
	validate_floor("eventcoding/petrarch2/PETR.UnitTest.records.xml", 250,
		       DYAD_TEST_PETRARCH_FLOOR);
}

static void test_validate_tabari(void **state)
{
	(void)state;
	validate_floor("eventcoding/tabari/Validate.project", 400, DYAD_TEST_TABARI_FLOOR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_simple_and_synonyms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_patterns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compounds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_agents, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pronouns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_passive_negation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_said, setup, teardown),
		cmocka_unit_test_setup_teardown(test_discards_issues, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_robust, setup, teardown),
		cmocka_unit_test_setup_teardown(test_options, setup, teardown),
		cmocka_unit_test(test_dict_options),
		cmocka_unit_test(test_petrarch),
		cmocka_unit_test(test_petrarch_rules),
		cmocka_unit_test_setup_teardown(test_reporting_clause, setup, teardown),
		cmocka_unit_test(test_tabari_gapped_verb),
		cmocka_unit_test(test_validate_fixture),
		cmocka_unit_test(test_time_shift),
		cmocka_unit_test(test_validate_tabari),
		cmocka_unit_test(test_validate_petrarch),
	};
	return cmocka_run_group_tests_name("coder", tests, NULL, NULL);
}
