/* A small fast pseudo-random generator (xorshift64) for the benchmarks'
 * generated inputs: the same sequence on every run, so figures compare. */
#ifndef DYAD_BENCH_RAND_H
#define DYAD_BENCH_RAND_H

#include <stdint.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

/* A number from 0 to n - 1 (n > 0). */
static inline uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

/* A random element of array a. */
#define PICK(a) (a)[rnd((uint32_t)DYAD_ARRAY_LEN(a))]

#endif
