/* Tests for src/people.c: names split from titles and roles, mentions
 * merged (full name, surname, "the minister", pronouns), gender,
 * nationality and actor codes from the built-in dictionary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "dict_builtin.h"
#include "people.h"

struct fx {
	struct dyad_dict d;
	struct dyad_sentence *sent;
	size_t nsent;
	struct dyad_people pe;
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

static int teardown(void **state)
{
	struct fx *f = *state;
	dyad_people_release(&f->pe);
	free(f->sent);
	dyad_dict_release(&f->d);
	free(f);
	return 0;
}

static void run(struct fx *f, const char *text, bool dict)
{
	struct dyad_err err = {0};
	dyad_people_release(&f->pe);
	free(f->sent);
	assert_int_equal(dyad_sentences(text, strlen(text), &f->sent, &f->nsent, NULL), DYAD_OK);
	assert_int_equal(dyad_people_find(text, f->sent, f->nsent, dict ? &f->d : NULL, &f->pe, &err),
			 DYAD_OK);
}

static const struct dyad_person *person(const struct fx *f, const char *name)
{
	for (size_t i = 0; i < f->pe.n; i++)
		if (strcmp(f->pe.p[i].name, name) == 0)
			return &f->pe.p[i];
	fail_msg("no person %s", name);
	return NULL;
}

static const char merged[] =
	"Foreign Minister Ana Mendez arrived in Lisbon on Monday.\n\n"
	"Mendez met the prime minister for two hours. The minister later left for Madrid, "
	"where she opened a consulate.\n";

static void test_merged_mentions(void **state)
{
	struct fx *f = *state;
	run(f, merged, true);
	assert_int_equal(f->pe.n, 1);
	const struct dyad_person *p = person(f, "Ana Mendez");
	assert_string_equal(p->title, "Foreign Minister");
	assert_string_equal(p->role, "Foreign Minister");
	assert_int_equal(p->gender, 'f');
	assert_int_equal(p->mentions, 4); /* name, surname, "The minister", "she" */
	assert_int_equal(p->first_off, strlen("Foreign Minister "));
	/* each mention points back at her, in text order */
	for (size_t i = 0; i < f->pe.nm; i++) {
		assert_int_equal(f->pe.m[i].person, 0);
		if (i)
			assert_true(f->pe.m[i].off > f->pe.m[i - 1].off);
	}
	const char *minister = strstr(merged, "The minister");
	assert_int_equal(dyad_people_at(&f->pe, (uint32_t)(minister - merged) + 4), 0);
	assert_int_equal(dyad_people_at(&f->pe, 0), -1);
	assert_int_equal(f->pe.m[2].sentence, 2);
}

static void test_titles_and_roles(void **state)
{
	struct fx *f = *state;
	run(f,
	    "Interior Ministry spokesman R K Das rejected the report. "
	    "Army chief Gen Omar Faruq visited the border. "
	    "Col. Lee Hart, a spokesman for the garrison, declined to comment.\n",
	    false);
	const struct dyad_person *p = person(f, "R K Das");
	assert_string_equal(p->role, "Interior Ministry spokesman");
	assert_int_equal(p->gender, 'm');
	p = person(f, "Omar Faruq");
	assert_string_equal(p->title, "Gen");
	assert_string_equal(p->role, "Army chief");
	p = person(f, "Lee Hart");
	assert_string_equal(p->title, "Col.");
	assert_string_equal(p->role, "spokesman for the garrison");
	assert_int_equal(p->actor[0], '\0'); /* no dictionary: no codes */
}

static void test_nationality_and_actor(void **state)
{
	struct fx *f = *state;
	run(f,
	    "Pakistan's foreign ministry spokesperson Ayesha Rahman spoke on Friday. "
	    "Army chief Gen Omar Faruq stayed in Rawalpindi.\n",
	    true);
	const struct dyad_person *p = person(f, "Ayesha Rahman");
	assert_string_equal(p->nationality, "Pakistan");
	assert_string_equal(p->role, "Pakistan's foreign ministry spokesperson");
	assert_string_equal(p->actor, "PAKGOV");
	/* no country in his role: the article's country, with the army's code */
	p = person(f, "Omar Faruq");
	assert_string_equal(p->actor, "PAKMIL");
}

static void test_role_after_the_name(void **state)
{
	struct fx *f = *state;
	/* the role in an apposition may open with the country's name */
	run(f,
	    "Ayesha Rahman, Pakistan's foreign ministry spokeswoman, spoke on Friday. "
	    "Lee Hart, Interior Ministry spokesman, agreed. "
	    "Tomas Berg, Kandahar and Herat, no role.\n",
	    true);
	const struct dyad_person *p = person(f, "Ayesha Rahman");
	assert_string_equal(p->role, "Pakistan's foreign ministry spokeswoman");
	assert_string_equal(p->actor, "PAKGOV");
	assert_string_equal(person(f, "Lee Hart")->role, "Interior Ministry spokesman");
	assert_null(person(f, "Tomas Berg")->role);
	/* an institution in the role gives its country, not the article's */
	run(f,
	    "Pakistan's army chief met Pakistani officials in Pakistan. "
	    "Pentagon spokesman Col. Lee Hart said the talks went well.\n",
	    true);
	assert_memory_equal(person(f, "Lee Hart")->actor, "USA", 3);
}

static void test_dated_actor_code(void **state)
{
	struct fx *f = *state;
	struct dyad_err err = {0};
	const char *t = "Prime Minister Justin Trudeau opened the session.\n";
	run(f, t, true);
	assert_true(person(f, "Justin Trudeau")->actor[0] != '\0'); /* the default code */
	dyad_people_release(&f->pe);
	/* in office: the dictionary's code for that date */
	assert_int_equal(dyad_people_find_at(t, f->sent, f->nsent, &f->d, 20190115, &f->pe, &err),
			 DYAD_OK);
	assert_string_equal(person(f, "Justin Trudeau")->actor, "CANGOV");
	assert_string_equal(person(f, "Justin Trudeau")->title, "Prime Minister");
	dyad_people_release(&f->pe);
	/* an armed group in the role is the person's, with its code of the
	 * day: the Taliban were insurgents in 2016, the government in 2022 */
	t = "Afghan Taliban leader Mullah Omar Haidar Karimi spoke on Friday.\n";
	run(f, t, true); /* its sentences */
	dyad_people_release(&f->pe);
	assert_int_equal(dyad_people_find_at(t, f->sent, f->nsent, &f->d, 20160523, &f->pe, &err),
			 DYAD_OK);
	assert_string_equal(person(f, "Mullah Omar Haidar Karimi")->actor, "AFGINS");
	dyad_people_release(&f->pe);
	assert_int_equal(dyad_people_find_at(t, f->sent, f->nsent, &f->d, 20220523, &f->pe, &err),
			 DYAD_OK);
	assert_string_equal(person(f, "Mullah Omar Haidar Karimi")->actor, "AFGGOV");
}

static void test_pronouns_across_paragraphs(void **state)
{
	struct fx *f = *state;
	run(f,
	    "Mr Tomas Berg chaired the meeting. Judge Clara Ivens listened.\n\n"
	    "The hearing went on until late.\n\n"
	    "He closed it at nine. She left first.\n",
	    false);
	const struct dyad_person *berg = person(f, "Tomas Berg");
	const struct dyad_person *ivens = person(f, "Clara Ivens");
	assert_int_equal(berg->gender, 'm');
	assert_string_equal(berg->title, "Mr");
	assert_null(berg->role); /* an honorific is no role */
	assert_int_equal(ivens->mentions, 2);
	assert_int_equal(berg->mentions, 2);
}

static void test_places_and_institutions_are_not_people(void **state)
{
	struct fx *f = *state;
	run(f,
	    "The Saskatoon Police Service met officials of the Ministry of Health in "
	    "North Korea on Monday. New Delhi said it would respond, and Kandahar "
	    "said nothing.\n",
	    true);
	assert_int_equal(f->pe.n, 0);  /* a capital or a place that speaks too */
}

static void test_name_key(void **state)
{
	(void)state;
	char *k = dyad_people_name_key("Gen. Omar Faruq");
	assert_string_equal(k, "omar faruq");
	free(k);
	k = dyad_people_name_key("Ana Mendez");
	assert_string_equal(k, "ana mendez");
	free(k);
	k = dyad_people_name_key("");
	assert_string_equal(k, "");
	free(k);
}

static void test_empty_and_words(void **state)
{
	struct fx *f = *state;
	run(f, "", true);
	assert_int_equal(f->pe.n, 0);
	assert_true(dyad_people_word_in(DYAD_PW_VERB, "Said", 4));
	assert_false(dyad_people_word_in(DYAD_PW_VERB, "sai", 3));
	assert_true(dyad_people_word_in(DYAD_PW_ORG, "ministry", 8));
	assert_false(dyad_people_word_in(DYAD_PW_TITLE, "\xC3\xA9t\xC3\xA9", 5));
	dyad_people_release(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_merged_mentions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_titles_and_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nationality_and_actor, setup, teardown),
		cmocka_unit_test_setup_teardown(test_role_after_the_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dated_actor_code, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pronouns_across_paragraphs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_places_and_institutions_are_not_people, setup,
						teardown),
		cmocka_unit_test(test_name_key),
		cmocka_unit_test_setup_teardown(test_empty_and_words, setup, teardown),
	};
	return cmocka_run_group_tests_name("people", tests, NULL, NULL);
}
