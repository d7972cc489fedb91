/* Tests for src/queue.c: every item passes once, close drains. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "queue.h"

#define N 20000

static struct dyad_queue q;
static int seen[N];

static void *consumer(void *arg)
{
	(void)arg;
	void *p;
	while ((p = dyad_queue_pop(&q)))
		__atomic_add_fetch(&seen[(intptr_t)p - 1], 1, __ATOMIC_RELAXED);
	return NULL;
}

static void test_many_threads(void **state)
{
	(void)state;
	assert_int_equal(dyad_queue_init(&q, 3), DYAD_OK);
	pthread_t t[4];
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, consumer, NULL);
	for (intptr_t i = 1; i <= N; i++)
		dyad_queue_push(&q, (void *)i);
	dyad_queue_close(&q);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < N; i++)
		assert_int_equal(seen[i], 1);
	assert_null(dyad_queue_pop(&q));
	dyad_queue_release(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_threads),
	};
	return cmocka_run_group_tests_name("queue", tests, NULL, NULL);
}
