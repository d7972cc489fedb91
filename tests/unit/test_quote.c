/* Tests for src/quote.c: direct quotations (straight and curly marks, split
 * around "he said", over paragraphs, partial), indirect ones, and speakers
 * resolved to people, institutions and documents. Sentences written for
 * these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "dict_builtin.h"
#include "quote.h"

struct fx {
	struct dyad_dict d;
	const char *text;
	struct dyad_sentence *sent;
	size_t nsent;
	struct dyad_people pe;
	struct dyad_quotes q;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct dyad_err err = {0};
	dyad_dict_init(&f->d);
	assert_int_equal(dyad_dict_load_builtin(&f->d, &err), DYAD_OK);
	*state = f;
	return 0;
}

static void clear(struct fx *f)
{
	dyad_quotes_release(&f->q);
	dyad_people_release(&f->pe);
	free(f->sent);
	f->sent = NULL;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	clear(f);
	dyad_dict_release(&f->d);
	free(f);
	return 0;
}

static void run(struct fx *f, const char *text)
{
	struct dyad_err err = {0};
	clear(f);
	f->text = text;
	assert_int_equal(dyad_sentences(text, strlen(text), &f->sent, &f->nsent, NULL), DYAD_OK);
	assert_int_equal(dyad_people_find(text, f->sent, f->nsent, &f->d, &f->pe, &err), DYAD_OK);
	assert_int_equal(dyad_quotes_find(text, f->sent, f->nsent, &f->pe, &f->q, &err), DYAD_OK);
}

/* The quote whose text is exactly s; fails when there is none. */
static const struct dyad_quote *quote(const struct fx *f, const char *s)
{
	for (size_t i = 0; i < f->q.n; i++)
		if (strlen(s) == f->q.q[i].len && memcmp(f->text + f->q.q[i].off, s, f->q.q[i].len) == 0)
			return &f->q.q[i];
	for (size_t i = 0; i < f->q.n; i++)
		print_message("have [%.*s]\n", (int)f->q.q[i].len, f->text + f->q.q[i].off);
	fail_msg("no quote [%s]", s);
	return NULL;
}

static void expect(const struct fx *f, const char *s, bool direct, const char *speaker,
		   const char *verb)
{
	const struct dyad_quote *q = quote(f, s);
	assert_int_equal(q->direct, direct);
	if (speaker)
		assert_string_equal(q->speaker, speaker);
	else
		assert_null(q->speaker);
	if (verb)
		assert_string_equal(q->verb, verb);
}

static void test_straight_and_curly(void **state)
{
	struct fx *f = *state;
	run(f, "Foreign Minister Ana Mendez spoke in Lisbon.\n\n"
	       "\"We will keep raising it at every meeting,\" Mendez said.\n\n"
	       "\xE2\x80\x9CThe talks are not over,\xE2\x80\x9D said Mendez, who leaves on Friday.\n");
	assert_int_equal(f->q.n, 2);
	expect(f, "We will keep raising it at every meeting,", true, "Ana Mendez", "said");
	expect(f, "The talks are not over,", true, "Ana Mendez", "said");
	const struct dyad_quote *q = quote(f, "We will keep raising it at every meeting,");
	assert_string_equal(q->role, "Foreign Minister");
	assert_int_equal(q->sentence, 1);
	assert_int_equal(q->spk_len, strlen("Mendez"));
	assert_memory_equal(f->text + q->spk_off, "Mendez", 6);
	assert_true(q->person >= 0);
}

static void test_split_around_he_said(void **state)
{
	struct fx *f = *state;
	run(f, "Interior Ministry spokesman R K Das met reporters.\n\n"
	       "\"The border is calm,\" he told reporters in Karachi. \"No soldier crossed the line at "
	       "any time.\"\n");
	expect(f, "The border is calm,", true, "R K Das", "told reporters");
	expect(f, "No soldier crossed the line at any time.", true, "R K Das", NULL);
	assert_string_equal(quote(f, "The border is calm,")->role, "Interior Ministry spokesman");
}

static void test_over_paragraphs(void **state)
{
	struct fx *f = *state;
	run(f, "Army chief Gen Omar Faruq said: \"The patrols will go on as before.\n\n"
	       "\"We have asked for talks and we are waiting for an answer.\n\n"
	       "\"Nobody wants another winter like the last one.\"\n\n"
	       "The talks resume next week.\n");
	assert_int_equal(f->q.n, 3);
	expect(f, "The patrols will go on as before.", true, "Omar Faruq", "said");
	expect(f, "We have asked for talks and we are waiting for an answer.", true, "Omar Faruq", NULL);
	expect(f, "Nobody wants another winter like the last one.", true, "Omar Faruq", NULL);
}

static void test_partial_quotation(void **state)
{
	struct fx *f = *state;
	run(f, "Foreign Minister Ana Mendez visited the town.\n\n"
	       "The minister \"regretted the loss of life\" and promised an inquiry.\n");
	const struct dyad_quote *q = quote(f, "regretted the loss of life");
	assert_true(q->direct);
	assert_string_equal(q->speaker, "Ana Mendez");
	/* a partial quotation inside a reported clause belongs to that clause */
	run(f, "Ana Mendez said the army had been \"very restrained\" during the march.\n");
	assert_int_equal(f->q.n, 1);
	expect(f, "the army had been \"very restrained\" during the march", true, "Ana Mendez", "said");
	/* scare quotes with no speaker are no quotation */
	run(f, "The so-called \"peace train\" left on time.\n");
	assert_int_equal(f->q.n, 0);
}

static void test_indirect(void **state)
{
	struct fx *f = *state;
	run(f, "Ana Mendez said the government would review the deal.\n\n"
	       "The report added that the border had been quiet for a month.\n\n"
	       "The Department of Defense, in its annual report, said the patrols had doubled.\n\n"
	       "The deal will be signed in March, officials said.\n\n"
	       "Mendez told reporters in Lisbon that the visit was planned.\n");
	expect(f, "the government would review the deal", false, "Ana Mendez", "said");
	expect(f, "the border had been quiet for a month", false, "The report", "added");
	expect(f, "the patrols had doubled", false, "The Department of Defense", "said");
	expect(f, "The deal will be signed in March", false, "officials", "said");
	expect(f, "the visit was planned", false, "Ana Mendez", "told reporters");
	/* verbs that take an object are no quotation without "that" */
	run(f, "Mendez announced a new plan on Monday. Karlsson added a goal in the third period.\n");
	assert_int_equal(f->q.n, 0);
}

static void test_speakers_across_paragraphs(void **state)
{
	struct fx *f = *state;
	run(f, "Foreign Minister Ana Mendez and Interior Ministry spokesman R K Das met on "
	       "Monday.\n\n"
	       "The meeting lasted three hours in the old palace.\n\n"
	       "\"We agreed on a timetable,\" she said.\n\n"
	       "The spokesman added that the first round would be in May.\n\n"
	       "\"It is a good start,\" he said.\n");
	expect(f, "We agreed on a timetable,", true, "Ana Mendez", "said");
	expect(f, "the first round would be in May", false, "R K Das", "added");
	expect(f, "It is a good start,", true, "R K Das", "said");
	assert_string_equal(quote(f, "It is a good start,")->actor, "");
}

static void test_actor_from_role(void **state)
{
	struct fx *f = *state;
	run(f, "Pakistan's foreign ministry spokesperson Ayesha Rahman said the border was calm.\n");
	const struct dyad_quote *q = quote(f, "the border was calm");
	assert_string_equal(q->speaker, "Ayesha Rahman");
	assert_string_equal(q->actor, "PAKGOV");
	assert_string_equal(q->role, "Pakistan's foreign ministry spokesperson");
}

/* Institutions and unnamed officials speak with the actor code the coder
 * would give them; a possessive country is theirs ("Pakistan's Foreign
 * Office" is no British FO). */
static void test_institution_actor(void **state)
{
	struct fx *f = *state;
	run(f, "\"We will not allow our soil to be used,\" Pakistan's Foreign Office said.\n\n"
	       "\"The door remains open,\" the Pentagon said in a statement.\n\n"
	       "\"The irony is not lost on anyone,\" said a former U.S. official.\n");
	const struct dyad_quote *q = quote(f, "We will not allow our soil to be used,");
	assert_string_equal(q->speaker, "Pakistan's Foreign Office");
	assert_string_equal(q->actor, "PAKGOV");
	q = quote(f, "The door remains open,");
	assert_string_equal(q->actor, "USAMIL");
	q = quote(f, "The irony is not lost on anyone,");
	assert_string_equal(q->speaker, "a former U.S. official");
	assert_int_equal(strncmp(q->actor, "USA", 3), 0);
}

static void test_without_people_and_edge_input(void **state)
{
	struct fx *f = *state;
	struct dyad_err err = {0};
	const char *t = "\"Unclosed quote at the end, with no speaker in sight";
	clear(f);
	f->text = t;
	assert_int_equal(dyad_sentences(t, strlen(t), &f->sent, &f->nsent, NULL), DYAD_OK);
	assert_int_equal(dyad_quotes_find(t, f->sent, f->nsent, NULL, &f->q, &err), DYAD_OK);
	assert_int_equal(f->q.n, 1);
	assert_null(f->q.q[0].speaker);
	assert_int_equal(f->q.q[0].person, -1);
	run(f, "");
	assert_int_equal(f->q.n, 0);
	run(f, "\"\" \" \xE2\x80\x9D said. said \"");
	dyad_quotes_release(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_straight_and_curly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_split_around_he_said, setup, teardown),
		cmocka_unit_test_setup_teardown(test_over_paragraphs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_partial_quotation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_indirect, setup, teardown),
		cmocka_unit_test_setup_teardown(test_speakers_across_paragraphs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_actor_from_role, setup, teardown),
		cmocka_unit_test_setup_teardown(test_institution_actor, setup, teardown),
		cmocka_unit_test_setup_teardown(test_without_people_and_edge_input, setup, teardown),
	};
	return cmocka_run_group_tests_name("quote", tests, NULL, NULL);
}
