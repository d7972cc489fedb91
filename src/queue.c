/* Bounded queue of pointers between threads (see queue.h). */
#include "queue.h"

#include <stdlib.h>

int dyad_queue_init(struct dyad_queue *q, size_t cap)
{
	*q = (struct dyad_queue){0};
	q->items = calloc(cap, sizeof *q->items);
	if (!q->items)
		return DYAD_ENOMEM;
	q->cap = cap;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->not_empty, NULL);
	pthread_cond_init(&q->not_full, NULL);
	return DYAD_OK;
}

void dyad_queue_release(struct dyad_queue *q)
{
	if (!q->items)
		return;
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->not_empty);
	pthread_cond_destroy(&q->not_full);
	free(q->items);
	q->items = NULL;
}

void dyad_queue_push(struct dyad_queue *q, void *p)
{
	pthread_mutex_lock(&q->lock);
	while (q->count == q->cap)
		pthread_cond_wait(&q->not_full, &q->lock);
	q->items[(q->head + q->count) % q->cap] = p;
	q->count++;
	pthread_cond_signal(&q->not_empty);
	pthread_mutex_unlock(&q->lock);
}

void *dyad_queue_pop(struct dyad_queue *q)
{
	pthread_mutex_lock(&q->lock);
	while (q->count == 0 && !q->closed)
		pthread_cond_wait(&q->not_empty, &q->lock);
	void *p = NULL;
	if (q->count > 0) {
		p = q->items[q->head];
		q->head = (q->head + 1) % q->cap;
		q->count--;
		pthread_cond_signal(&q->not_full);
	}
	pthread_mutex_unlock(&q->lock);
	return p;
}

void dyad_queue_close(struct dyad_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->closed = true;
	pthread_cond_broadcast(&q->not_empty);
	pthread_mutex_unlock(&q->lock);
}
